import type { Attachment, Header } from 'postal-mime';
import type { AutomaticFacts } from './inbound-message.ts';
import { messageIds } from './message-ids.ts';

/** Parts of a DSN that carry the bounced message or its headers. */
const ORIGINAL_PARTS = new Set(['message/rfc822', 'text/rfc822-headers', 'message/rfc822-headers', 'message/global', 'message/global-headers']);

const first = (headers: Header[], key: string): string | null => headers.find((h) => h.key === key)?.value.trim() || null;

/** Message-IDs in the header block of an embedded original message (unfolded, first block only). */
function originalMessageIds(content: Uint8Array): string[] {
  const text = new TextDecoder('utf-8').decode(content);
  const headerBlock = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = headerBlock.replace(/\r?\n[ \t]+/g, ' ');
  return unfolded
    .split(/\r?\n/)
    .filter((line) => /^message-id\s*:/i.test(line))
    .flatMap((line) => messageIds(line.slice(line.indexOf(':') + 1)));
}

/** The facts about automatic mail (auto-replies, bounces, lists) that loop-safety rules decide on. */
export function automaticFacts(headers: Header[], attachments: Attachment[], content: Uint8Array[]): AutomaticFacts {
  const contentType = first(headers, 'content-type') ?? '';
  const isBounce =
    (/^\s*multipart\/report\b/i.test(contentType) && /report-type\s*=\s*"?delivery-status/i.test(contentType)) ||
    attachments.some((a) => a.mimeType === 'message/delivery-status' || a.mimeType === 'message/global-delivery-status');
  const bouncedMessageIds = isBounce
    ? attachments.flatMap((a, i) => (ORIGINAL_PARTS.has(a.mimeType) ? originalMessageIds(content[i] ?? new Uint8Array()) : []))
    : [];
  return {
    autoSubmitted: first(headers, 'auto-submitted'),
    precedence: first(headers, 'precedence'),
    listId: first(headers, 'list-id'),
    isBounce,
    bouncedMessageIds: [...new Set(bouncedMessageIds)],
  };
}
