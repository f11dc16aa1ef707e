import { describe, expect, it } from 'vitest';
import { rawParts } from '../../../../functions/mail/inbound/mime-parts.ts';
import { parseInboundMessage } from '../../../../functions/mail/inbound/parse-message.ts';
import { fixture } from './corpus.ts';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const WINDOWS_1250_POLISH = 'Za\xbf\xf3\xb3\xe6 g\xea\x9cl\xb9 ja\x9f\xf1';

/** A multipart message; `preamble` is what stands between its headers and the first delimiter. */
const multipart = (preamble: string, eol = '\r\n') =>
  [
    'From: Jan <jan@example.pl>', 'To: support@helpdesk.example', 'Subject: Reklamacja', 'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"', '', `${preamble}--b1`,
    'Content-Type: text/plain', 'Content-Transfer-Encoding: 8bit', '', WINDOWS_1250_POLISH,
    '--b1', 'Content-Type: text/plain; name="b.txt"', 'Content-Disposition: attachment; filename="b.txt"', '', 'second',
    '--b1--', '',
  ].join(eol);

describe('rawParts', () => {
  it.each([
    ['a preamble', 'This is a multi-part message in MIME format.\r\n', '\r\n'],
    ['no preamble (the first delimiter right after the headers)', '', '\r\n'],
    ['no preamble and bare LF line breaks', '', '\n'],
  ])('finds every part of a multipart with %s', (_what, preamble, eol) => {
    const parts = rawParts(bytes(multipart(preamble, eol)));

    expect(parts.map((p) => p.contentType)).toEqual(['multipart/mixed', 'text/plain', 'text/plain']);
    expect(Buffer.from(bytes(multipart(preamble, eol)).subarray(parts[1]!.bodyStart, parts[1]!.bodyEnd)).toString('latin1')).toBe(WINDOWS_1250_POLISH);
  });

  it('finds the first part of a corpus message that has no preamble', () => {
    expect(rawParts(fixture('broken-base64')).map((p) => p.contentType)).toEqual(['multipart/mixed', 'text/plain', 'application/pdf']);
  });
});

describe('the first part of a multipart without a preamble', () => {
  it('gets its undeclared charset repaired like any other part', async () => {
    const message = await parseInboundMessage(bytes(multipart('')));

    expect(message.text).toBe('Zażółć gęślą jaźń');
    expect(message.problems).toContain('charset of a text/plain part (text/plain) undeclared: decoded as windows-1250');
  });
});
