import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type TenantSettings, TenantSettingsSchema } from '../functions/domain/tenant-settings.ts';

const CDK_JSON = fileURLToPath(new URL('../cdk.json', import.meta.url));

/** A tenant's settings from cdk.json, the file `cdk deploy -c tenant=…` reads, validated the same way. */
export function tenantSettings(tenant: string): TenantSettings {
  const cdk = JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context?: { tenants?: Record<string, { settings?: unknown }> } };
  const tenants = cdk.context?.tenants ?? {};
  const config = tenants[tenant];
  if (!config) throw new Error(`no tenant '${tenant}' in cdk.json; known: ${Object.keys(tenants).join(', ')}`);
  const parsed = TenantSettingsSchema.safeParse(config.settings ?? {});
  if (!parsed.success) {
    throw new Error(`tenant '${tenant}' settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
