import { ForbiddenError, NotFoundError } from '../domain/errors.ts';
import { DOWNLOAD_LINK_SECONDS } from '../mail/mail-objects.ts';
import { mailObjects } from './mail-bucket.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';

/**
 * A link that downloads one attachment (of a customer's e-mail or an agent's reply) straight from the mail bucket for a few minutes, so the
 * file never passes through the API (Lambda's 6 MB response limit). An attachment of a message the
 * virus scan failed is kept for the record but never handed out.
 */
export const getAttachmentLink = defineHandler(routes.getAttachmentLink, async ({ params }, deps) => {
  const entry = await deps.cases.getEntry(params.caseId, params.seq);
  const attachment =
    entry.type === 'inbound_message'
      ? (entry.mail ? entry.mail.attachments[params.index] : entry.attachments?.[params.index])
      : entry.type === 'reply'
        ? entry.attachments?.[params.index]
        : undefined;
  if (!attachment) throw new NotFoundError(`entry ${params.seq} of case ${params.caseId} has no attachment ${params.index}`);
  if ('quarantined' in attachment && attachment.quarantined) throw new ForbiddenError('the virus scan flagged this message: its attachments are kept but not offered for download');
  const objects = mailObjects();
  if (!objects) throw new NotFoundError('this helpdesk has no mail bucket');
  const expiresAt = new Date(Date.parse(deps.clock()) + DOWNLOAD_LINK_SECONDS * 1000).toISOString();
  const url = await objects.downloadUrl(attachment.key, attachment.filename, attachment.contentType);
  const size = 'size' in attachment ? { size: attachment.size } : {};
  return { status: 200, body: { url, expiresAt, filename: attachment.filename, contentType: attachment.contentType, ...size } };
});
