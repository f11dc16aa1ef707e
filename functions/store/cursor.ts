import { ValidationError } from '../domain/errors.ts';

type Key = Record<string, unknown>;

/**
 * Opaque pagination cursors. A cursor carries the listing it belongs to, so one from another
 * queue is a 400 rather than a DynamoDB error.
 */
export function encodeCursor(scope: string, lastKey: Key | undefined): string | null {
  return lastKey ? Buffer.from(JSON.stringify({ s: scope, k: lastKey })).toString('base64url') : null;
}

export function decodeCursor(scope: string, cursor: string | undefined): Key | undefined {
  if (cursor === undefined) return undefined;
  const invalid = () => new ValidationError([{ path: 'query.cursor', message: 'not a cursor from this listing' }]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!isCursor(decoded) || decoded.s !== scope) throw invalid();
  return decoded.k;
}

function isCursor(value: unknown): value is { s: string; k: Record<string, string> } {
  if (typeof value !== 'object' || value === null) return false;
  const { s, k } = value as { s?: unknown; k?: unknown };
  return typeof s === 'string' && typeof k === 'object' && k !== null && Object.values(k).every((v) => typeof v === 'string');
}
