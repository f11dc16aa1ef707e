import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InboundMessageSchema } from '../../../../functions/mail/inbound/inbound-message.ts';
import { parseInboundMessage } from '../../../../functions/mail/inbound/parse-message.ts';
import { corpus, fixture } from './corpus.ts';

const withoutContent = (message: Awaited<ReturnType<typeof parseInboundMessage>>) => ({
  ...message,
  attachments: message.attachments.map(({ content: _content, ...rest }) => rest),
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('parseInboundMessage over the corpus', () => {
  it.each(corpus)('parses $name into its expected result', async ({ raw, expected }) => {
    const message = await parseInboundMessage(raw);

    expect(withoutContent(message)).toEqual(expected);
  });

  it.each(corpus)('returns a result that satisfies InboundMessageSchema for $name', async ({ raw }) => {
    const message = await parseInboundMessage(raw);

    expect(InboundMessageSchema.safeParse(message).error).toBeUndefined();
  });

  it.each(corpus)('gives each attachment of $name the size and SHA-256 of its content', async ({ raw }) => {
    const message = await parseInboundMessage(raw);

    for (const attachment of message.attachments) {
      expect(attachment.size).toBe(attachment.content.byteLength);
      expect(attachment.sha256).toBe(sha256(attachment.content));
    }
  });
});

describe('parseInboundMessage', () => {
  it('keys the message by the SHA-256 and size of its raw bytes', async () => {
    const raw = fixture('missing-message-id');

    const message = await parseInboundMessage(raw);

    expect(message).toMatchObject({ messageId: null, rawSize: raw.byteLength, rawSha256: sha256(raw) });
  });

  it('decodes the inline image and the attachment of a nested message byte for byte', async () => {
    const message = await parseInboundMessage(fixture('nested-related-inline-image'));

    const [image, pdf] = message.attachments;
    expect(Buffer.from(image?.content ?? []).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(Buffer.from(pdf?.content ?? []).toString('latin1')).toMatch(/^%PDF-1\.4\n[\s\S]*%%EOF\n$/);
  });

  it('keeps the cid: image and drops the remote tracking pixel from the HTML', async () => {
    const message = await parseInboundMessage(fixture('nested-related-inline-image'));

    expect(message.html).toContain('src="cid:shot1@example.pl"');
    expect(message.html).not.toContain('tracker.example');
  });

  it('falls back to a header/body split when postal-mime rejects the structure', async () => {
    const depth = 60;
    const open = Array.from({ length: depth }, (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`).join('');
    const raw = Buffer.from(`From: Deep <deep@example.pl>\r\nSubject: Deep\r\nMessage-ID: <deep@example.pl>\r\n${open}Content-Type: text/plain\r\n\r\nbottom\r\n`);

    const message = await parseInboundMessage(raw);

    expect(message).toMatchObject({ messageId: 'deep@example.pl', subject: 'Deep', from: { address: 'deep@example.pl', name: 'Deep' } });
    expect(message.fullText).toContain('bottom');
    expect(message.problems).toEqual([expect.stringMatching(/^MIME parsing failed \(.+\): headers and body were split from the raw bytes instead$/)]);
  });

  it('returns a result with problems for empty input', async () => {
    const message = await parseInboundMessage(new Uint8Array());

    expect(message).toMatchObject({ messageId: null, from: null, text: '', fullText: '', rawSize: 0 });
    expect(message.problems).toContain('no header lines: the bytes are not an e-mail message');
  });
});
