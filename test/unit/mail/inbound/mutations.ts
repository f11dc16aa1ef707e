import fc from 'fast-check';

/** One way to damage a raw message: truncation, flipped bits, repeated or lost header lines, raw 8-bit bytes. */
export type Mutation = (raw: Uint8Array) => Uint8Array;

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

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
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
