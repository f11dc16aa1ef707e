import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InboundMessageSchema } from '../../../../functions/mail/inbound/inbound-message.ts';
import { parseInboundMessage } from '../../../../functions/mail/inbound/parse-message.ts';
import { corpus } from './corpus.ts';

type Mutation = (raw: Uint8Array) => Uint8Array;

const lines = (raw: Uint8Array): Buffer[] => {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === 0x0a) {
      out.push(Buffer.from(raw.subarray(start, i + 1)));
      start = i + 1;
    }
  }
  out.push(Buffer.from(raw.subarray(start)));
  return out;
};

/** Index of the blank line ending the top header block, or the line count when there is none. */
const headerLineCount = (all: Buffer[]): number => {
  const blank = all.findIndex((line) => line.toString('latin1').trim() === '');
  return blank === -1 ? all.length : blank;
};

const at = (position: number, length: number): number => (length === 0 ? 0 : Math.floor(position * length) % length);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((p): Mutation => (raw) => raw.subarray(0, Math.floor(p * raw.length))),
  fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }).map(
    (flips): Mutation => (raw) => {
      const copy = Uint8Array.from(raw);
      for (const [p, mask] of flips) if (copy.length > 0) copy[at(p, copy.length)]! ^= mask;
      return copy;
    },
  ),
  fc.double({ min: 0, max: 1, noNaN: true }).map((p): Mutation => (raw) => {
    const all = lines(raw);
    const i = at(p, headerLineCount(all));
    return Buffer.concat([...all.slice(0, i + 1), ...all.slice(i)]);
  }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((p): Mutation => (raw) => {
    const all = lines(raw);
    const i = at(p, headerLineCount(all));
    return Buffer.concat([...all.slice(0, i), ...all.slice(i + 1)]);
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.uint8Array({ minLength: 1, maxLength: 16 }).map((b) => b.map((x) => x | 0x80))).map(
    ([p, bytes]): Mutation => (raw) => {
      const i = at(p, raw.length + 1);
      return Buffer.concat([raw.subarray(0, i), bytes, raw.subarray(i)]);
    },
  ),
);

describe('parseInboundMessage on mutated fixtures', () => {
  it('never throws, always reports the raw size and hash, and lists a problem for whatever it could not parse', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (fixture, mutations) => {
        const raw = mutations.reduce<Uint8Array>((bytes, mutate) => mutate(bytes), fixture.raw);

        const message = await parseInboundMessage(raw);

        expect(InboundMessageSchema.safeParse(message).error).toBeUndefined();
        expect(message.rawSize).toBe(raw.byteLength);
        expect(message.rawSha256).toBe(createHash('sha256').update(raw).digest('hex'));
        const unparsed =
          message.messageId === null ||
          message.from === null ||
          (message.fullText === '' && message.attachments.length === 0) ||
          `${message.subject}${message.fullText}`.includes('\ufffd');
        if (unparsed) expect(message.problems).not.toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
