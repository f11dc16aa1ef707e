import type { MailAttachment } from '../domain/timeline.ts';
import type { InboundMessage } from './inbound/inbound-message.ts';
import { type MailObjects, parsedKeys } from './mail-objects.ts';

export interface StoredParts {
  attachments: MailAttachment[];
  fullTextKey: string | null;
  htmlKey: string | null;
}

/**
 * Writes what the timeline entry points at: each attachment as its own object, and the full text
 * and sanitised HTML, which can be far larger than an entry may be. An attachment of a message the
 * virus scan failed is stored all the same, for the record, but marked so it is never offered.
 */
export async function storeParts(message: InboundMessage, objects: MailObjects, quarantined: boolean): Promise<StoredParts> {
  const keys = parsedKeys(message.rawSha256);
  const attachments = await Promise.all(
    message.attachments.map(async (attachment, index): Promise<MailAttachment> => {
      const key = keys.attachment(index);
      await objects.put(key, attachment.content, attachment.contentType);
      return {
        filename: attachment.filename,
        contentType: attachment.contentType,
        size: attachment.size,
        sha256: attachment.sha256,
        key,
        inline: attachment.inline,
        contentId: attachment.contentId,
        quarantined,
      };
    }),
  );
  const fullTextKey = message.fullText === '' ? null : keys.fullText;
  const htmlKey = message.html === null ? null : keys.html;
  if (fullTextKey) await objects.put(fullTextKey, message.fullText, 'text/plain; charset=utf-8');
  if (htmlKey && message.html !== null) await objects.put(htmlKey, message.html, 'text/html; charset=utf-8');
  return { attachments, fullTextKey, htmlKey };
}
