import { ValidationError } from '../domain/errors.ts';

type Key = Record<string, string>;

/**
 * A listing that cursors page through: its scope, and the exact shape of the key a page of it
 * can end on. A cursor is checked against both before DynamoDB sees it, so a cursor from another
 * listing, or one edited by hand, is a 400 rather than a DynamoDB error.
 */
export interface Listing {
  scope: string;
  /** Key attributes with the same value all along the listing (its partition). */
  fixed: Key;
  /** Key attributes that change along it, each with the pattern its value must match. */
  varying: Record<string, RegExp>;
}

const ANY_KEY_VALUE = /^[^]{1,1024}$/;

/** A Query on one partition of a global secondary index: its pages end on the index and table keys. */
export const indexListing = (index: string, partition: string): Listing => ({
  scope: `${index}:${partition}`,
  fixed: { [`${index}pk`]: partition },
  varying: { pk: ANY_KEY_VALUE, sk: ANY_KEY_VALUE, [`${index}sk`]: ANY_KEY_VALUE },
});

/** A case's timeline entries in one direction; a cursor for one direction is refused for the other. */
export const timelineListing = (casePartition: string, order: 'oldest_first' | 'newest_first'): Listing => ({
  scope: `timeline:${casePartition}:${order}`,
  fixed: { pk: casePartition },
  varying: { sk: /^EV#\d{8}$/ },
});

/** An opaque cursor for the page after `lastKey`; null on the last page. */
export function encodeCursor(listing: Listing, lastKey: Record<string, unknown> | undefined): string | null {
  return lastKey ? Buffer.from(JSON.stringify({ s: listing.scope, k: lastKey })).toString('base64url') : null;
}

/** The key to start after. @throws ValidationError (`query.cursor`) for anything not from this listing */
export function decodeCursor(listing: Listing, cursor: string | undefined): Key | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (!isCursor(decoded) || decoded.s !== listing.scope || !fitsListing(decoded.k, listing)) {
    throw new ValidationError([{ path: 'query.cursor', message: 'not a cursor from this listing' }]);
  }
  return decoded.k;
}

function isCursor(value: unknown): value is { s: string; k: Key } {
  if (typeof value !== 'object' || value === null) return false;
  const { s, k } = value as { s?: unknown; k?: unknown };
  return typeof s === 'string' && typeof k === 'object' && k !== null && !Array.isArray(k) && Object.values(k).every((v) => typeof v === 'string');
}

function fitsListing(key: Key, listing: Listing): boolean {
  const expected = [...Object.keys(listing.fixed), ...Object.keys(listing.varying)];
  const given = Object.keys(key);
  return (
    given.length === expected.length &&
    Object.entries(listing.fixed).every(([name, value]) => key[name] === value) &&
    Object.entries(listing.varying).every(([name, pattern]) => key[name] !== undefined && pattern.test(key[name]))
  );
}
