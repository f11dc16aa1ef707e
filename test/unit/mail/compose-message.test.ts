import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ComposeInput, composeMessage } from '../../../functions/mail/outbound/compose-message.ts';
import { parseInboundMessage } from '../../../functions/mail/inbound/parse-message.ts';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const OWN_ID = 'case.6f1c1a52-6a53-4b4e-9d0e-3f1f4b7e2a10.7@mail.acme.example';

const anInput = (overrides: Partial<ComposeInput> = {}): ComposeInput => ({
  from: { address: 'support@acme.example', name: 'Acme Support' },
  replyTo: 'support+c.6f1c1a52-6a53-4b4e-9d0e-3f1f4b7e2a10@acme.example',
  to: ['jan@example.com'],
  subject: '[#1042] Invoice question',
  text: 'Refund issued.',
  messageId: OWN_ID,
  references: [],
  date: '2026-11-25T09:00:00.000Z',
  attachments: [],
  ...overrides,
});

/** The raw header block, unfolded, as `name: value` lines. */
function headerLines(raw: Buffer): string[] {
  const block = raw.toString('latin1').split('\r\n\r\n')[0]!;
  return block.replace(/\r\n[ \t]+/g, ' ').split('\r\n');
}
const header = (raw: Buffer, name: string): string[] =>
  headerLines(raw).filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`)).map((line) => line.slice(name.length + 1).trim());

describe('composeMessage', () => {
  it('writes the threading and reply headers as given, round-tripping through the inbound parser', async () => {
    const input = anInput({
      inReplyTo: 'CAF=abc123@mail.gmail.com',
      references: ['first@customer.example', 'case.6f1c1a52-6a53-4b4e-9d0e-3f1f4b7e2a10.3@mail.acme.example', 'CAF=abc123@mail.gmail.com'],
      to: ['jan@example.com', 'ala@example.com'],
    });

    const raw = await composeMessage(input);
    const parsed = await parseInboundMessage(raw);

    expect(header(raw, 'Message-ID')).toEqual([`<${OWN_ID}>`]);
    expect(header(raw, 'Date')).toEqual(['Wed, 25 Nov 2026 09:00:00 +0000']);
    expect(parsed).toMatchObject({
      messageId: OWN_ID,
      inReplyTo: ['CAF=abc123@mail.gmail.com'],
      references: input.references,
      from: { address: 'support@acme.example', name: 'Acme Support' },
      replyTo: { address: input.replyTo, name: null },
      to: [{ address: 'jan@example.com', name: null }, { address: 'ala@example.com', name: null }],
      date: '2026-11-25T09:00:00.000Z',
      text: 'Refund issued.',
      problems: [],
    });
  });

  it('writes one Message-ID and one Date, never ones of its own', async () => {
    const raw = await composeMessage(anInput());

    expect(header(raw, 'Message-ID')).toHaveLength(1);
    expect(header(raw, 'Date')).toHaveLength(1);
  });

  it('leaves out In-Reply-To and References when there is nothing to thread on', async () => {
    const raw = await composeMessage(anInput());

    expect(header(raw, 'In-Reply-To')).toEqual([]);
    expect(header(raw, 'References')).toEqual([]);
  });

  it('keeps Polish subject, sender name, text and attachment name, and the attachment bytes exactly', async () => {
    const pdf = new Uint8Array(randomBytes(70_000));
    const input = anInput({
      from: { address: 'pomoc@acme.example', name: 'Biuro Obsługi, "Żółw" Sp. z o.o.' },
      subject: '[#1042] Zażółć gęślą jaźń – faktura',
      text: 'Dzień dobry,\nprzesyłam fakturę korygującą.\n',
      html: '<p>Dzień dobry,<br>przesyłam fakturę korygującą.</p>',
      attachments: [{ filename: 'Zażółć gęślą jaźń.pdf', contentType: 'application/pdf', content: pdf }],
    });

    const raw = await composeMessage(input);
    const parsed = await parseInboundMessage(raw);

    expect(raw.every((byte) => byte < 0x80)).toBe(true);
    expect(parsed.subject).toBe('[#1042] Zażółć gęślą jaźń – faktura');
    expect(parsed.from).toEqual({ address: 'pomoc@acme.example', name: 'Biuro Obsługi, "Żółw" Sp. z o.o.' });
    expect(parsed.fullText).toBe('Dzień dobry,\nprzesyłam fakturę korygującą.');
    expect(parsed.html).toContain('przesyłam fakturę korygującą.');
    expect(parsed.attachments).toEqual([expect.objectContaining({ filename: 'Zażółć gęślą jaźń.pdf', contentType: 'application/pdf', size: pdf.byteLength, sha256: sha256(pdf) })]);
  });

  it('sends the bytes of an attachment that is a view into a larger buffer, not the whole buffer', async () => {
    const whole = new Uint8Array(randomBytes(100));
    const view = whole.subarray(10, 30);

    const parsed = await parseInboundMessage(await composeMessage(anInput({ attachments: [{ filename: 'a.bin', contentType: 'application/octet-stream', content: view }] })));

    expect(parsed.attachments[0]?.sha256).toBe(sha256(view));
  });

  it('marks nothing as automatic on a person\'s reply', async () => {
    const raw = await composeMessage(anInput());
    const parsed = await parseInboundMessage(raw);

    expect(parsed.automatic.autoSubmitted).toBeNull();
    expect(header(raw, 'X-Auto-Response-Suppress')).toEqual([]);
  });

  it.each(['auto-replied', 'auto-generated'] as const)('marks %s mail so no responder answers it', async (automatic) => {
    const raw = await composeMessage(anInput({ automatic }));
    const parsed = await parseInboundMessage(raw);

    expect(parsed.automatic.autoSubmitted).toBe(automatic);
    expect(header(raw, 'Auto-Submitted')).toEqual([automatic]);
    expect(header(raw, 'X-Auto-Response-Suppress')).toEqual(['OOF, AutoReply']);
  });

  it('leaves out threading ids that are not msg-ids, since they come from other mailers', async () => {
    const raw = await composeMessage(anInput({ inReplyTo: 'no at sign', references: ['good@customer.example', 'two words@x', '<bracketed@x>', 'zażółć@x', ''] }));
    const parsed = await parseInboundMessage(raw);

    expect(header(raw, 'In-Reply-To')).toEqual([]);
    expect(parsed.references).toEqual(['good@customer.example']);
  });

  it.each<[string, Partial<ComposeInput>]>([
    ['a Message-ID in angle brackets', { messageId: `<${OWN_ID}>` }],
    ['a Message-ID without @', { messageId: 'case-7' }],
    ['a Message-ID with a line break', { messageId: `${OWN_ID}\r\nBcc: eve@example.com` }],
    ['a date that is not ISO', { date: 'Wed, 25 Nov 2026 09:00:00 +0000' }],
    ['a day the month does not have', { date: '2026-02-30T09:00:00Z' }],
    ['no recipient', { to: [] }],
    ['two recipients in one', { to: ['jan@example.com, eve@evil.example'] }],
    ['a recipient with a display name', { to: ['Jan <jan@example.com>'] }],
    ['a Reply-To with a line break', { replyTo: 'support@acme.example\r\nBcc: eve@evil.example' }],
    ['a sender without a domain', { from: { address: 'support' } }],
  ])('refuses %s', async (_name, overrides) => {
    await expect(composeMessage(anInput(overrides))).rejects.toThrow(RangeError);
  });
});
