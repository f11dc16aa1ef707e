import { NotFoundError } from '../domain/errors.ts';
import { INTAKE_FILE_KEYS } from '../domain/intake.ts';
import { UPLOAD_LINK_SECONDS } from '../mail/mail-objects.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import type { IntakeDeps } from '../shared/intake-deps.ts';

/**
 * A place for a file the form will attach: the browser PUTs it straight to the mail bucket, with
 * exactly the type and size it declared (the link is signed with both, so S3 refuses anything
 * else), then names the key in the submission.
 */
export const createIntakeUpload = defineHandler<typeof routes.createIntakeUpload, IntakeDeps>(routes.createIntakeUpload, async ({ body }, deps) => {
  const objects = deps.intake.objects;
  if (!objects) throw new NotFoundError('this helpdesk takes no files with its form');
  const key = INTAKE_FILE_KEYS.upload(deps.newId());
  const uploadUrl = await objects.uploadUrl(key, body.contentType, body.size);
  const expiresAt = new Date(Date.parse(deps.clock()) + UPLOAD_LINK_SECONDS * 1000).toISOString();
  return { status: 201, body: { key, uploadUrl, expiresAt } };
});
