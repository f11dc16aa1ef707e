import { NotFoundError } from '../domain/errors.ts';
import { UPLOAD_LINK_SECONDS } from '../mail/mail-objects.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { mailObjects } from './mail-bucket.ts';

/**
 * A place for a file an agent will attach to a reply: the client PUTs it straight to the mail
 * bucket (never through the API and its 6 MB limit), then names the key in the reply. The key
 * belongs to the case, and a reply on another case refuses it.
 */
export const createAttachmentUpload = defineHandler(routes.createAttachmentUpload, async ({ params, body }, deps) => {
  const c = await deps.cases.getCase(params.caseId);
  const objects = mailObjects();
  if (!objects) throw new NotFoundError('this helpdesk has no mail bucket');
  const key = `outbound/${c.id}/${deps.newId()}`;
  const uploadUrl = await objects.uploadUrl(key, body.contentType);
  const expiresAt = new Date(Date.parse(deps.clock()) + UPLOAD_LINK_SECONDS * 1000).toISOString();
  return { status: 201, body: { key, uploadUrl, expiresAt, filename: body.filename, contentType: body.contentType } };
});
