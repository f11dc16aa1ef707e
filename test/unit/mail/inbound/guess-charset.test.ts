import { describe, expect, it } from 'vitest';
import { guessCharset } from '../../../../functions/mail/inbound/guess-charset.ts';

const POLISH = 'Zażółć gęślą jaźń';

/** Node has no single-byte TextEncoder: encode through the inverse of the decoder's table. */
function encodeSingleByte(text: string, charset: string): Uint8Array {
  const decoded = new TextDecoder(charset).decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  const table = new Map([...decoded].map((char, byte) => [char, byte]));
  return Uint8Array.from([...text], (char) => table.get(char) ?? 0x3f);
}

describe('guessCharset', () => {
  it.each([
    ['utf-8', new TextEncoder().encode(POLISH)],
    ['windows-1250', encodeSingleByte(POLISH, 'windows-1250')],
    ['iso-8859-2', encodeSingleByte(POLISH, 'iso-8859-2')],
  ])('recognises Polish text in %s', (charset, bytes) => {
    expect(guessCharset(bytes)).toEqual({ text: POLISH, charset });
  });

  it('decodes Western European 8-bit text without losing a letter', () => {
    const bytes = encodeSingleByte('café, Grüße', 'latin1');

    expect(guessCharset(bytes).text).toBe('café, Grüße');
  });
});
