import { createHash } from 'node:crypto';
import PostalMime, { type Address, type Attachment, type Email } from 'postal-mime';
import { automaticFacts } from './automatic-facts.ts';
import { brokenBase64Problems } from './base64-check.ts';
import { fallbackSplit } from './fallback-split.ts';
import { headerProblems } from './header-problems.ts';
import { htmlToText } from './html-to-text.ts';
import type { InboundAttachment, InboundMessage, Mailbox } from './inbound-message.ts';
import { messageIds } from './message-ids.ts';
import { liftBase64Bodies, restoreLiftedParts } from './lift-base64.ts';
import { latin1, rawParts } from './mime-parts.ts';
import { stripQuotedHistory } from './quoted-history.ts';
import { stripQuotedHtml } from './quoted-html.ts';
import { receiptFacts } from './receipt-facts.ts';
import { repairRaw } from './repair-raw.ts';
import { sanitizeMailHtml } from './sanitize.ts';

/** Deeper nesting than any mailer writes; postal-mime's default of 256 lets a hostile message recurse far. */
const MAX_NESTING = 50;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const reason = (err: unknown): string => (err instanceof Error ? err.message : String(err));

function mailboxes(addresses: Address[] | undefined): Mailbox[] {
  return (addresses ?? [])
    .flatMap((a) => (a.group ? a.group : [a]))
    .filter((m) => m.address.trim() !== '')
    .map((m) => ({ address: m.address.trim(), name: m.name.trim() || null }));
}

function toBytes(content: Attachment['content']): Uint8Array {
  if (typeof content === 'string') return Buffer.from(content, 'base64');
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

/** Extensions for unnamed parts, so a download opens in the right program. */
const EXTENSIONS: Record<string, string> = {
  'message/rfc822': '.eml',
  'message/global': '.eml',
  'message/delivery-status': '.txt',
  'text/rfc822-headers': '.txt',
  'text/plain': '.txt',
  'text/html': '.html',
  'text/calendar': '.ics',
};

function toAttachment(a: Attachment, content: Uint8Array, index: number): InboundAttachment {
  return {
    filename: a.filename?.trim() || `attachment-${index + 1}${EXTENSIONS[a.mimeType] ?? ''}`,
    contentType: a.mimeType,
    size: content.byteLength,
    sha256: sha256(content),
    contentId: a.contentId?.trim().replace(/^<(.*)>$/, '$1') || null,
    inline: a.disposition === 'inline' || a.related === true,
    content,
  };
}

function headerValue(email: Email, key: string): string | undefined {
  return email.headers.find((h) => h.key === key)?.value;
}

function isoDate(email: Email, problems: string[]): string | null {
  const header = headerValue(email, 'date');
  if (header === undefined) return null;
  const time = email.date && /^\d{4}-\d\d-\d\dT/.test(email.date) ? Date.parse(email.date) : NaN;
  if (Number.isNaN(time)) {
    problems.push(`unreadable Date header "${header.slice(0, 100)}"`);
    return null;
  }
  return new Date(time).toISOString();
}

/** The reply's new text, the whole text, and the sanitised HTML. */
function bodies(email: Email): Pick<InboundMessage, 'text' | 'fullText' | 'html'> {
  const html = email.html ? sanitizeMailHtml(email.html) : null;
  const plain = (email.text ?? '').replace(/\r\n?/g, '\n').trim();
  if (plain !== '') return { text: stripQuotedHistory(plain), fullText: plain, html };
  if (!email.html) return { text: '', fullText: '', html };
  const fullText = htmlToText(email.html);
  const newText = stripQuotedHistory(htmlToText(stripQuotedHtml(email.html)));
  return { text: newText || stripQuotedHistory(fullText), fullText, html };
}

function safeFallbackSplit(raw: Uint8Array, problems: string[]): Email {
  try {
    return fallbackSplit(raw);
  } catch (err) {
    problems.push(`could not split the raw bytes either (${reason(err)}): only the raw message is kept`);
    return { headers: [], headerLines: [], attachments: [] };
  }
}

/** The raw bytes with their charsets repaired, and what the checks postal-mime does not make found. */
function prepare(raw: Uint8Array, s: string, problems: string[]): { bytes: Uint8Array; addedTopHeader: boolean } {
  try {
    const parts = rawParts(raw);
    const repaired = repairRaw(raw, s, parts);
    problems.push(...repaired.problems, ...brokenBase64Problems(s, parts));
    return repaired;
  } catch (err) {
    problems.push(`could not check charsets and encodings (${reason(err)}): the message was parsed as it is`);
    return { bytes: raw, addedTopHeader: false };
  }
}

/**
 * postal-mime copies any typed array it is given into an ArrayBuffer of its own; a view that spans
 * its whole buffer (as a message read from S3 does) is handed over as that buffer, saving a copy
 * the size of the message. postal-mime only reads it.
 */
function wholeBuffer(bytes: Uint8Array): Uint8Array | ArrayBuffer {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength ? buffer : bytes;
}

const topHeaderBlock = (s: string): string => s.slice(0, /\r?\n\r?\n/.exec(s)?.index);

/** postal-mime over the repaired bytes; throws when postal-mime rejects them. */
async function parseRepaired(raw: Uint8Array, problems: string[]): Promise<{ email: Email; headerBlock: string }> {
  const s = latin1(raw);
  const headerBlock = topHeaderBlock(s);
  const { bytes, addedTopHeader } = prepare(raw, s, problems);
  const email = await PostalMime.parse(wholeBuffer(bytes), { maxNestingDepth: MAX_NESTING });
  if (addedTopHeader) email.headers = email.headers.slice(1);
  return { email, headerBlock };
}

/**
 * The message with its base64 attachments decoded here (see lift-base64.ts), or, when postal-mime
 * reads the lifted message otherwise, as it is; failing that, the fallback split. Never throws.
 */
async function parseMime(raw: Uint8Array, problems: string[]): Promise<{ email: Email; headerBlock: string }> {
  const lifted = liftBase64Bodies(raw);
  if (lifted.parts.length > 0) {
    const liftedProblems: string[] = [];
    const parsed = await parseRepaired(lifted.bytes, liftedProblems).catch(() => null);
    if (parsed && restoreLiftedParts(parsed.email.attachments, lifted.parts)) {
      problems.push(...liftedProblems);
      return parsed;
    }
  }
  try {
    return await parseRepaired(raw, problems);
  } catch (err) {
    problems.push(`MIME parsing failed (${reason(err)}): headers and body were split from the raw bytes instead`);
    return { email: safeFallbackSplit(raw, problems), headerBlock: topHeaderBlock(latin1(raw)) };
  }
}

/**
 * Parses a raw inbound e-mail into the shape ingestion stores. Lenient by design: it never throws on
 * any input, decodes what it can and lists in `problems` whatever it could not or had to guess.
 */
export async function parseInboundMessage(raw: Uint8Array): Promise<InboundMessage> {
  const problems: string[] = [];
  const { email, headerBlock } = await parseMime(raw, problems);
  problems.push(...headerProblems(email.headers, headerBlock));

  const messageId = messageIds(headerValue(email, 'message-id'))[0] ?? null;
  if (messageId === null && headerValue(email, 'message-id') !== undefined) problems.push('unreadable Message-ID header');
  const from = mailboxes(email.from ? [email.from] : [])[0] ?? null;
  if (from === null && headerValue(email, 'from') !== undefined) problems.push('From header has no readable address');
  const returnPath = headerValue(email, 'return-path');

  const contents = email.attachments.map((a) => toBytes(a.content));
  const attachments = email.attachments.map((a, i) => toAttachment(a, contents[i] ?? new Uint8Array(), i));
  const body = bodies(email);
  if (body.fullText === '' && attachments.length === 0) problems.push('no text, HTML or attachment found in the message');
  // postal-mime turns bytes that are invalid in the declared charset into U+FFFD without a word.
  if (`${email.subject ?? ''}${body.fullText}${from?.name ?? ''}`.includes('\ufffd')) {
    problems.push('some characters could not be decoded in their declared charset and are shown as \ufffd');
  }

  return {
    messageId,
    inReplyTo: messageIds(email.inReplyTo),
    references: messageIds(email.references),
    from,
    replyTo: mailboxes(email.replyTo)[0] ?? null,
    to: mailboxes(email.to),
    cc: mailboxes(email.cc),
    returnPath: returnPath === undefined ? null : returnPath.trim().replace(/^<(.*)>$/, '$1').trim(),
    subject: (email.subject ?? '').trim(),
    date: isoDate(email, problems),
    ...body,
    attachments,
    automatic: automaticFacts(email.headers, email.attachments, contents),
    receipt: receiptFacts(email.headers),
    rawSize: raw.byteLength,
    rawSha256: sha256(raw),
    problems,
  };
}
