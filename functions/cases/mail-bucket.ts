import { createS3Client, MailObjects } from '../mail/mail-objects.ts';
import { loadConfig } from '../shared/config.ts';

let cached: MailObjects | null | undefined;

/** The mail bucket, built on first use: only the attachment routes of the case-queries function need S3. */
export function mailObjects(): MailObjects | null {
  if (cached === undefined) {
    const bucket = loadConfig().mailBucket;
    cached = bucket ? new MailObjects(createS3Client(), bucket) : null;
  }
  return cached;
}
