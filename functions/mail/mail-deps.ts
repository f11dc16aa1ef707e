import { caseLinks } from '../shared/case-link-deps.ts';
import { loadConfig } from '../shared/config.ts';
import { defaultDeps } from '../shared/deps.ts';
import { createDocumentClient } from '../store/client.ts';
import { AutoReplyLog } from '../store/auto-reply-log.ts';
import { MailReceiptStore } from '../store/mail-receipts.ts';
import { TemplateStore } from '../store/template-store.ts';
import type { IngestDeps } from './ingest-mail.ts';
import { createS3Client, MailObjects } from './mail-objects.ts';

let cached: IngestDeps | undefined;

/** What the mail functions need, built once per cold start; a stack without mail settings fails here, loudly. */
export function mailDeps(): IngestDeps {
  if (!cached) {
    const config = loadConfig();
    if (!config.mail || !config.mailBucket) throw new Error('invalid function environment: MAIL_CONFIG and MAIL_BUCKET are required');
    const base = defaultDeps();
    const client = createDocumentClient();
    cached = {
      ...base,
      receipts: new MailReceiptStore(client, config.tableName),
      autoReplies: new AutoReplyLog(client, config.tableName),
      templates: new TemplateStore(client, config.tableName),
      objects: new MailObjects(createS3Client(), config.mailBucket),
      mail: config.mail,
      tableName: config.tableName,
      links: () => caseLinks(config),
    };
  }
  return cached;
}
