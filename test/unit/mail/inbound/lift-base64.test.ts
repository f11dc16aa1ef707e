import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeCleanBase64, liftBase64Bodies } from '../../../../functions/mail/inbound/lift-base64.ts';
import { parseInboundMessage } from '../../../../functions/mail/inbound/parse-message.ts';

/** Base64 in lines of `width` characters, as mailers fold it. */
const folded = (bytes: Uint8Array, width: number, eol: string): string =>
  (Buffer.from(bytes).toString('base64').match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join(eol);

const message = (parts: { headers: string; body: string }[]): Buffer =>
  Buffer.from(
    [
      'From: Anna Nowak <anna.nowak@example.pl>',
      'To: support@helpdesk.example',
      'Subject: Files',
      'Message-ID: <files@example.pl>',
      'Content-Type: multipart/mixed; boundary="m"',
      '',
      'Preamble.',
      ...parts.flatMap(({ headers, body }) => ['--m', headers, '', body]),
      '--m--',
      '',
    ].join('\r\n'),
    'latin1',
  );

const attachment = (body: string, type = 'application/octet-stream') => ({
  headers: `Content-Type: ${type}\r\nContent-Disposition: attachment; filename="file.bin"\r\nContent-Transfer-Encoding: base64`,
  body,
});

const postalMimeContents = async (raw: Uint8Array): Promise<Buffer[]> =>
  (await PostalMime.parse(raw)).attachments.map((a) => Buffer.from(a.content as ArrayBuffer));

describe('decodeCleanBase64', () => {
  it('decodes folded base64 to the bytes it encodes, whatever the line length and line break', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.integer({ min: 4, max: 120 }), fc.constantFrom('\r\n', '\n'), (bytes, width, eol) => {
        const decoded = decodeCleanBase64(Buffer.from(folded(bytes, width, eol)));

        expect(Buffer.from(decoded!)).toEqual(Buffer.from(bytes));
      }),
    );
  });

  it.each([
    ['a character outside the alphabet', 'QUJD!REVG'],
    ['padding before the end', 'QQ==QUJD'],
    ['three padding characters', 'QQ==='],
    ['a partial group', 'QUJDR'],
  ])('leaves a body with %s to postal-mime', (_, body) => {
    expect(decodeCleanBase64(Buffer.from(body))).toBeNull();
  });
});

describe('liftBase64Bodies', () => {
  it('decodes a base64 attachment and hands postal-mime a message without its body', () => {
    const content = Buffer.alloc(100_000, 'attachment bytes ');
    const raw = message([{ headers: 'Content-Type: text/plain; charset=utf-8', body: 'See the file.' }, attachment(folded(content, 76, '\r\n'))]);

    const lifted = liftBase64Bodies(raw);

    expect(lifted.parts.map((part) => Buffer.from(part.content))).toEqual([content]);
    expect(lifted.bytes.byteLength).toBeLessThan(1_000);
  });

  it('leaves text, messages and damaged base64 in the message for postal-mime', () => {
    const raw = message([
      { headers: 'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64', body: folded(Buffer.from('Zażółć'), 76, '\r\n') },
      { headers: 'Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64', body: folded(Buffer.from('Subject: Hi\r\n\r\nHi'), 76, '\r\n') },
      attachment('JVBERi0xLjQK!!MSAwIG9iajw8Pj5lbmRvYmoK'),
    ]);

    const lifted = liftBase64Bodies(raw);

    expect(lifted).toEqual({ bytes: raw, parts: [] });
  });
});

describe('parseInboundMessage with lifted attachments', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('never hands postal-mime the body of a clean base64 attachment', async () => {
    const content = Buffer.alloc(100_000, 'attachment bytes ');
    const raw = message([{ headers: 'Content-Type: text/plain; charset=utf-8', body: 'See the file.' }, attachment(folded(content, 76, '\r\n'))]);
    const parse = vi.spyOn(PostalMime, 'parse');

    const parsed = await parseInboundMessage(raw);

    expect(parse).toHaveBeenCalledOnce();
    expect((parse.mock.calls[0]![0] as Uint8Array).byteLength).toBeLessThan(1_000);
    expect(Buffer.from(parsed.attachments[0]!.content)).toEqual(content);
  });

  it('gives each attachment the bytes postal-mime decodes from the raw message', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.uint8Array({ maxLength: 2_000 }), fc.integer({ min: 4, max: 100 }), fc.constantFrom('\r\n', '\n')), { minLength: 1, maxLength: 4 }),
        async (files) => {
          const raw = message(files.map(([bytes, width, eol]) => attachment(folded(bytes, width, eol))));

          const parsed = await parseInboundMessage(raw);

          expect(parsed.attachments.map((a) => Buffer.from(a.content))).toEqual(await postalMimeContents(raw));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('parses the message as it is when postal-mime sees a lifted part otherwise', async () => {
    // postal-mime ends the headers at the line holding only CRs, so to it the transfer encoding and the base64 are the body.
    const raw = message([{ headers: 'Content-Type: application/octet-stream\r\n\r\r\nContent-Transfer-Encoding: base64', body: 'QUJD' }]);
    expect(liftBase64Bodies(raw).parts).toHaveLength(1);

    const parsed = await parseInboundMessage(raw);

    expect(parsed.attachments.map((a) => Buffer.from(a.content))).toEqual(await postalMimeContents(raw));
    expect(Buffer.from(parsed.attachments[0]!.content).toString()).toContain('QUJD');
  });
});
