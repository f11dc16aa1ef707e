import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../functions/domain/errors.ts';
import { decodeCursor, encodeCursor } from '../../../functions/store/cursor.ts';

describe('pagination cursors', () => {
  const key = { pk: 'CASE#1', sk: 'CASE', gsi1pk: 'QUEUE#archive', gsi1sk: '2026-11-25T09:00:00.000Z#1' };

  it('round-trip a last evaluated key within the same listing', () => {
    const cursor = encodeCursor('gsi1:QUEUE#archive', key);

    expect(decodeCursor('gsi1:QUEUE#archive', cursor!)).toEqual(key);
  });

  it('are null on the last page', () => {
    expect(encodeCursor('gsi1:QUEUE#archive', undefined)).toBeNull();
  });

  it.each([
    ['from another listing', encodeCursor('gsi1:QUEUE#mine#agent-ala', key)!],
    ['not base64 JSON', 'bm90LWEtY3Vyc29y'],
    ['JSON of the wrong shape', Buffer.from(JSON.stringify({ s: 'gsi1:QUEUE#archive', k: { pk: 1 } })).toString('base64url')],
  ])('are refused with a 400 on query.cursor when %s', (_why, cursor) => {
    expect(() => decodeCursor('gsi1:QUEUE#archive', cursor)).toThrow(ValidationError);
  });
});
