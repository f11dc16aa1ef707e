import { randomUUID } from 'node:crypto';
import type { TenantSettings } from '../domain/tenant-settings.ts';
import { CaseStore } from '../store/case-store.ts';
import { createDocumentClient } from '../store/client.ts';
import { CustomerStore } from '../store/customer-store.ts';
import { createS3Client, MailObjects } from '../mail/mail-objects.ts';
import { loadConfig } from './config.ts';

/** What handlers need from the outside world; built once per cold start, replaced in tests. */
export interface Deps {
  cases: CaseStore;
  customers: CustomerStore;
  settings: TenantSettings;
  clock: () => string;
  newId: () => string;
  /** The mail bucket's objects, for attachment links; null in a stack without the mail channel. */
  mailObjects: MailObjects | null;
}

let cached: Deps | undefined;

export function defaultDeps(): Deps {
  if (!cached) {
    const config = loadConfig();
    const client = createDocumentClient();
    cached = {
      cases: new CaseStore(client, config.tableName),
      customers: new CustomerStore(client, config.tableName),
      settings: config.settings,
      clock: () => new Date().toISOString(),
      newId: randomUUID,
      mailObjects: config.mailBucket ? new MailObjects(createS3Client(), config.mailBucket) : null,
    };
  }
  return cached;
}
