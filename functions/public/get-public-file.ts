import { mailObjects } from '../cases/mail-bucket.ts';
import { NotFoundError } from '../domain/errors.ts';
import { publicFiles } from '../domain/public-case.ts';
import { DOWNLOAD_LINK_SECONDS } from '../mail/mail-objects.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { linkedCase } from './linked-case.ts';

/**
 * A short-lived download link for a file of a public entry: only what the public view lists (no
 * inline images, no quarantined files, nothing of an internal entry), straight from the mail bucket.
 */
export const getPublicFile = defineHandler(routes.getPublicFile, async ({ headers, params }, deps) => {
  const c = await linkedCase(headers['x-case-link'], deps);
  const missing = () => new NotFoundError(`entry ${params.seq} of this case offers no file ${params.index}`);
  if (params.seq > c.entryCount) throw missing();
  const file = publicFiles(await deps.cases.getEntry(c.id, params.seq))[params.index];
  const objects = mailObjects();
  if (!file || !objects) throw missing();
  const expiresAt = new Date(Date.parse(deps.clock()) + DOWNLOAD_LINK_SECONDS * 1000).toISOString();
  const url = await objects.downloadUrl(file.key, file.filename, file.contentType);
  return { status: 200, body: { url, expiresAt, filename: file.filename, contentType: file.contentType } };
});
