import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type MailConfig, MailConfigSchema } from '../functions/domain/mail-config.ts';
import { type TenantSettings, TenantSettingsSchema } from '../functions/domain/tenant-settings.ts';

const CDK_JSON = fileURLToPath(new URL('../cdk.json', import.meta.url));

/** Mailboxes for a tenant that has none in cdk.json, so the local helpdesk always takes mail. */
const LOCAL_MAIL: MailConfig = { domain: 'helpdesk.localhost', mailboxes: [{ address: 'support@helpdesk.localhost', inbox: 'support' }] };

function tenantConfig(tenant: string): { settings?: unknown; mail?: unknown } {
  const cdk = JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context?: { tenants?: Record<string, { settings?: unknown; mail?: unknown }> } };
  const tenants = cdk.context?.tenants ?? {};
  const config = tenants[tenant];
  if (!config) throw new Error(`no tenant '${tenant}' in cdk.json; known: ${Object.keys(tenants).join(', ')}`);
  return config;
}

/** A tenant's mail settings from cdk.json, validated as the stack validates them. */
export function tenantMail(tenant: string): MailConfig {
  const { mail } = tenantConfig(tenant);
  if (mail === undefined) return LOCAL_MAIL;
  const parsed = MailConfigSchema.safeParse(mail);
  if (!parsed.success) {
    throw new Error(`tenant '${tenant}' mail: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** A tenant's settings from cdk.json, the file `cdk deploy -c tenant=…` reads, validated the same way. */
export function tenantSettings(tenant: string): TenantSettings {
  const config = tenantConfig(tenant);
  const parsed = TenantSettingsSchema.safeParse(config.settings ?? {});
  if (!parsed.success) {
    throw new Error(`tenant '${tenant}' settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
