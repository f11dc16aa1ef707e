import * as z from 'zod';
import { type MailConfig, MailConfigSchema } from '../domain/mail-config.ts';
import { type TenantSettings, TenantSettingsSchema } from '../domain/tenant-settings.ts';

/**
 * How overdue a timer must be before the reconciler re-arms it: longer than a firing's whole
 * retry sequence (about 5 minutes), so a timer that is merely retrying is left alone.
 */
export const DEFAULT_TIMER_RECONCILE_MARGIN_SECONDS = 600;

const EnvSchema = z.object({
  TABLE_NAME: z.string().min(3),
  TENANT_SETTINGS: z
    .string()
    .default('{}')
    .transform((json, ctx) => {
      try {
        return JSON.parse(json) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'TENANT_SETTINGS is not JSON' });
        return z.NEVER;
      }
    })
    .pipe(TenantSettingsSchema),
  /** Only the function that starts timers needs it. */
  STATE_MACHINE_ARN: z.string().startsWith('arn:').optional(),
  /** Only the mail functions read these: the tenant's mailboxes and the bucket of raw mail and attachments. */
  MAIL_CONFIG: z
    .string()
    .optional()
    .transform((json, ctx) => {
      if (json === undefined) return undefined;
      try {
        return JSON.parse(json) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'MAIL_CONFIG is not JSON' });
        return z.NEVER;
      }
    })
    .pipe(MailConfigSchema.optional()),
  MAIL_BUCKET: z.string().min(3).optional(),
  /** Only send-mail reads it: SES reports what becomes of mail sent with it. */
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  /** Only the functions with the agent directory read it: the user pool whose `agents` group it lists. */
  USER_POOL_ID: z.string().min(1).optional(),
  /** Only the functions that manage customer accounts read it: the customer user pool. */
  CUSTOMER_POOL_ID: z.string().min(1).optional(),
  /**
   * The key public case links are derived with: the value itself locally, a Secrets Manager secret in
   * the cloud (read once per cold start). Only the functions that hand out or check links have either.
   */
  CASE_LINK_SECRET: z.string().min(32).optional(),
  CASE_LINK_SECRET_ARN: z.string().startsWith('arn:').optional(),
  /** The customer portal's address, where public links lead unless the tenant names its own (`portalUrl`). */
  PORTAL_URL: z.url().optional(),
  /** Only the reconciler reads it; tests and the local runtime shorten it. */
  TIMER_RECONCILE_MARGIN_SECONDS: z.coerce.number().positive().default(DEFAULT_TIMER_RECONCILE_MARGIN_SECONDS),
});

export interface Config {
  tableName: string;
  settings: TenantSettings;
  stateMachineArn: string | undefined;
  timerReconcileMarginMs: number;
  mail: MailConfig | undefined;
  mailBucket: string | undefined;
  sesConfigurationSet: string | undefined;
  userPoolId: string | undefined;
  customerPoolId: string | undefined;
  caseLinkSecret: string | undefined;
  caseLinkSecretArn: string | undefined;
  portalUrl: string | undefined;
}

/** Reads the environment once per cold start; a bad deployment fails loudly here, not mid-request. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid function environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return {
    tableName: parsed.data.TABLE_NAME,
    settings: parsed.data.TENANT_SETTINGS,
    stateMachineArn: parsed.data.STATE_MACHINE_ARN,
    timerReconcileMarginMs: parsed.data.TIMER_RECONCILE_MARGIN_SECONDS * 1000,
    mail: parsed.data.MAIL_CONFIG,
    mailBucket: parsed.data.MAIL_BUCKET,
    sesConfigurationSet: parsed.data.SES_CONFIGURATION_SET,
    userPoolId: parsed.data.USER_POOL_ID,
    customerPoolId: parsed.data.CUSTOMER_POOL_ID,
    caseLinkSecret: parsed.data.CASE_LINK_SECRET,
    caseLinkSecretArn: parsed.data.CASE_LINK_SECRET_ARN,
    portalUrl: parsed.data.PORTAL_URL,
  };
}
