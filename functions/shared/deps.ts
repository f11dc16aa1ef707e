import { randomUUID } from 'node:crypto';
import type { TenantSettings } from '../domain/tenant-settings.ts';
import { CaseStore } from '../store/case-store.ts';
import { createDocumentClient } from '../store/client.ts';
import { CustomerStore } from '../store/customer-store.ts';
import { PreferenceStore } from '../store/preference-store.ts';
import { TemplateStore } from '../store/template-store.ts';
import { type AgentDirectory, noAgentDirectory } from './agent-directory.ts';
import { type CaseLinks, noCaseLinks } from './case-links.ts';
import { loadConfig } from './config.ts';

/** What handlers need from the outside world; built once per cold start, replaced in tests. */
export interface Deps {
  cases: CaseStore;
  customers: CustomerStore;
  templates: TemplateStore;
  preferences: PreferenceStore;
  /** Only in the route groups that read it (see agent-deps.ts). */
  agents: AgentDirectory;
  settings: TenantSettings;
  /** Public case links; only in the functions that make them (see case-link-deps.ts), which read the secret on first use. */
  links: () => Promise<CaseLinks>;
  clock: () => string;
  newId: () => string;
}

let cached: Deps | undefined;

export function defaultDeps(): Deps {
  if (!cached) {
    const config = loadConfig();
    const client = createDocumentClient();
    cached = {
      cases: new CaseStore(client, config.tableName),
      customers: new CustomerStore(client, config.tableName),
      templates: new TemplateStore(client, config.tableName),
      preferences: new PreferenceStore(client, config.tableName),
      agents: noAgentDirectory,
      settings: config.settings,
      links: noCaseLinks,
      clock: () => new Date().toISOString(),
      newId: randomUUID,
    };
  }
  return cached;
}
