import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';
import * as z from 'zod';
import { MailConfigSchema } from '../functions/domain/mail-config.ts';
import { TenantSettingsSchema } from '../functions/domain/tenant-settings.ts';

const DEFAULT_TENANT = 'demo';
const TENANT_NAME = /^[a-z][a-z0-9-]{1,30}$/;

/**
 * TENANT_SETTINGS travels as one environment variable, and Lambda caps all of a function's
 * variables at 4 KB together; the rest of the budget is left for the other variables.
 */
const MAX_SETTINGS_JSON = 3_500;

const RETENTION_DAYS = Object.values(RetentionDays).filter((days): days is number => typeof days === 'number');

/** The hosted sign-in page redirects here with the code; plain http only for local development. */
const CallbackUrlSchema = z.url().refine(
  (url) => {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' || (protocol === 'http:' && hostname === 'localhost');
  },
  { message: 'must be https, or http on localhost' },
);

/** What one tenant's deployment is made of; `cdk.json` context `tenants.<name>` holds it. */
export const TenantDeployConfigSchema = z.strictObject({
  // Strict, so a misspelt setting fails the synth instead of silently taking its default.
  settings: TenantSettingsSchema.strict()
    .refine((settings) => JSON.stringify(settings).length <= MAX_SETTINGS_JSON, {
      message: `serialised settings exceed ${MAX_SETTINGS_JSON} characters (Lambda environment limit is 4 KB)`,
    })
    .prefault({}),
  logRetentionDays: z.literal(RETENTION_DAYS).default(RetentionDays.THREE_MONTHS),
  callbackUrls: z.array(CallbackUrlSchema).min(1).default(['http://localhost:3000/']),
  /** Cognito domain prefixes are global per region, so a taken default can be overridden. */
  authDomainPrefix: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lower-case letters, digits and inner hyphens')
    .refine((prefix) => !/aws|amazon|cognito/.test(prefix), { message: 'must not contain aws, amazon or cognito' })
    .optional(),
  apiThrottle: z
    .strictObject({
      rateLimit: z.number().int().positive().default(100),
      burstLimit: z.number().int().positive().default(200),
    })
    .prefault({}),
  // Who is mailed the stack's alarms (more than a few people belong behind one list address). Empty still
  // creates the alarm topic, so a subscription can be added by hand.
  alarmEmails: z
    .array(z.email())
    .max(10)
    .superRefine((emails, ctx) => {
      // Each address becomes a subscription named after it: an exact repeat would fail the synth without saying
      // why, and one in other letter case would mail the same mailbox twice.
      const seen = new Set<string>();
      emails.forEach((email, index) => {
        if (seen.has(email.toLowerCase())) {
          ctx.addIssue({ code: 'custom', path: [index], message: `duplicate address '${email}'` });
        }
        seen.add(email.toLowerCase());
      });
    })
    .default([]),
  /** The e-mail channel; without it the stack has no mailboxes and replies stay queued on the timeline. */
  mail: MailConfigSchema.optional(),
});

export type TenantConfig = Omit<z.infer<typeof TenantDeployConfigSchema>, 'authDomainPrefix'> & {
  name: string;
  authDomainPrefix: string;
};

/**
 * The validated config of the tenant chosen with `-c tenant=<name>` (default `demo`).
 * Throws one error naming every invalid field, so a bad config stops the synth.
 */
export function loadTenantConfig(scope: IConstruct): TenantConfig {
  const name: unknown = scope.node.tryGetContext('tenant') ?? DEFAULT_TENANT;
  if (typeof name !== 'string' || !TENANT_NAME.test(name)) {
    throw new Error(`Invalid tenant name ${JSON.stringify(name)}: expected ${TENANT_NAME}`);
  }
  const tenants: unknown = scope.node.tryGetContext('tenants') ?? {};
  if (typeof tenants !== 'object' || tenants === null || !Object.hasOwn(tenants, name)) {
    const known = typeof tenants === 'object' && tenants !== null ? Object.keys(tenants).join(', ') : '';
    throw new Error(`Unknown tenant '${name}': add it to the "tenants" context in cdk.json (known: ${known || 'none'})`);
  }
  const result = TenantDeployConfigSchema.safeParse((tenants as Record<string, unknown>)[name]);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `  tenants.${[name, ...issue.path].join('.')}: ${issue.message}`);
    throw new Error(`Invalid config for tenant '${name}':\n${issues.join('\n')}`);
  }
  return { ...result.data, name, authDomainPrefix: result.data.authDomainPrefix ?? `helpdesk-${name}` };
}
