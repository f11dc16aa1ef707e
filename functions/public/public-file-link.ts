import { mailObjects } from '../cases/mail-bucket.ts';
import type { Case } from '../domain/case.ts';
import { NotFoundError } from '../domain/errors.ts';
import { publicFiles } from '../domain/public-case.ts';
import { DOWNLOAD_LINK_SECONDS } from '../mail/mail-objects.ts';
import type { Deps } from '../shared/deps.ts';

/**
 * A short-lived download link for a file of a case's public entry: only what the public view lists
 * (no inline images, no quarantined files, nothing of an internal entry), straight from the mail bucket.
 */
export async function publicFileLink(c: Case, seq: number, index: number, deps: Deps) {
  const missing = () => new NotFoundError(`entry ${seq} of this case offers no file ${index}`);
  if (seq > c.entryCount) throw missing();
  const file = publicFiles(await deps.cases.getEntry(c.id, seq))[index];
  const objects = mailObjects();
  if (!file || !objects) throw missing();
  const expiresAt = new Date(Date.parse(deps.clock()) + DOWNLOAD_LINK_SECONDS * 1000).toISOString();
  const url = await objects.downloadUrl(file.key, file.filename, file.contentType);
  return { url, expiresAt, filename: file.filename, contentType: file.contentType };
}
