import { caseLinks } from '../../shared/case-link-deps.ts';
import { loadConfig } from '../../shared/config.ts';
import { defaultDeps } from '../../shared/deps.ts';
import { type SendDeps } from './send-reply.ts';
import { SesSender } from './ses-sender.ts';
import { createS3Client, MailObjects } from '../mail-objects.ts';
import { createDocumentClient } from '../../store/client.ts';
import { TemplateStore } from '../../store/template-store.ts';

let cached: SendDeps | undefined;

/** What the sending function needs, built once per cold start. */
export function sendDeps(): SendDeps {
  if (!cached) {
    const config = loadConfig();
    if (!config.mail || !config.mailBucket) throw new Error('invalid function environment: MAIL_CONFIG and MAIL_BUCKET are required');
    const base = defaultDeps();
    cached = {
      cases: base.cases,
      customers: base.customers,
      settings: base.settings,
      links: () => caseLinks(config),
      mail: config.mail,
      sender: new SesSender(undefined, config.sesConfigurationSet),
      templates: new TemplateStore(createDocumentClient(), config.tableName),
      objects: new MailObjects(createS3Client(), config.mailBucket),
    };
  }
  return cached;
}
