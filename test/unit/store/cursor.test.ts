import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../functions/domain/errors.ts';
import { decodeCursor, encodeCursor, indexListing, timelineListing } from '../../../functions/store/cursor.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('pagination cursors', () => {
  const archive = indexListing('gsi1', 'QUEUE#archive');
  const key = { pk: 'CASE#1', sk: 'CASE', gsi1pk: 'QUEUE#archive', gsi1sk: '2026-11-25T09:00:00.000Z#1' };

  it('round-trip a last evaluated key within the same listing', () => {
    const cursor = encodeCursor(archive, key);

    expect(decodeCursor(archive, cursor!)).toEqual(key);
  });

  it('are null on the last page', () => {
    expect(encodeCursor(archive, undefined)).toBeNull();
  });

  it('round-trip a timeline position', () => {
    const timeline = timelineListing('CASE#1', 'newest_first');
    const position = { pk: 'CASE#1', sk: 'EV#00000042' };

    expect(decodeCursor(timeline, encodeCursor(timeline, position)!)).toEqual(position);
  });

  it.each([
    ['from another listing', encodeCursor(indexListing('gsi1', 'QUEUE#mine#agent-ala'), key)!],
    ['not base64 JSON', 'bm90LWEtY3Vyc29y'],
    ['JSON of the wrong shape', b64({ s: 'gsi1:QUEUE#archive', k: { pk: 1 } })],
    ['a key with no attributes (the tampered cursor that was a 500)', b64({ s: 'gsi1:QUEUE#archive', k: {} })],
    ['a key missing the index sort key', b64({ s: 'gsi1:QUEUE#archive', k: { pk: 'CASE#1', sk: 'CASE', gsi1pk: 'QUEUE#archive' } })],
    ['a key with an extra attribute', b64({ s: 'gsi1:QUEUE#archive', k: { ...key, gsi2pk: 'x' } })],
    ['a key from another partition under the right scope', b64({ s: 'gsi1:QUEUE#archive', k: { ...key, gsi1pk: 'QUEUE#to-assign' } })],
    ['an empty key value', b64({ s: 'gsi1:QUEUE#archive', k: { ...key, gsi1sk: '' } })],
    ['a key given as an array', b64({ s: 'gsi1:QUEUE#archive', k: ['CASE#1'] })],
  ])('are refused with a 400 on query.cursor when %s', (_why, cursor) => {
    expect(() => decodeCursor(archive, cursor)).toThrow(ValidationError);
  });

  it.each([
    ['another direction', encodeCursor(timelineListing('CASE#1', 'oldest_first'), { pk: 'CASE#1', sk: 'EV#00000001' })!],
    ['another case', encodeCursor(timelineListing('CASE#2', 'newest_first'), { pk: 'CASE#2', sk: 'EV#00000001' })!],
    ['a position that is not an entry', b64({ s: 'timeline:CASE#1:newest_first', k: { pk: 'CASE#1', sk: 'CASE' } })],
  ])('refuse a timeline cursor from %s', (_why, cursor) => {
    expect(() => decodeCursor(timelineListing('CASE#1', 'newest_first'), cursor)).toThrow(ValidationError);
  });
});
