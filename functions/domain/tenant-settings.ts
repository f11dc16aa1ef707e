import * as z from 'zod';
import { IsoDurationSchema } from './duration.ts';

/** The form and widget on the tenant's own site (see docs/customers.md). */
export const IntakeSettingsSchema = z.strictObject({
  /** Origins of the pages that embed the form or widget, e.g. `https://www.acme.example`: the API lets their browsers in. */
  allowedOrigins: z.array(z.url().refine((url) => new URL(url).origin === url, 'an origin: scheme, host and port only')).max(20).default([]),
  /** The mailbox whose inbox form cases land in and which sends activation mail; the first mailbox when not given. */
  mailbox: z.email().optional(),
  /** How long an activation link works; a fresh one can be asked for until the submission expires. */
  activationLinkHours: z.number().int().min(1).max(168).default(48),
  /** A submission nobody activated is dropped after this many days. */
  unactivatedCaseDays: z.number().int().min(1).max(90).default(7),
  /** The terms a customer accepts on registration. */
  termsUrl: z.url().optional(),
});
export type IntakeSettings = z.infer<typeof IntakeSettingsSchema>;

export const SYSTEM_STATUSES = ['draft', 'new', 'in_progress', 'waiting', 'answered', 'resolved', 'closed'] as const;

export const CustomStatusSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, _ or -'),
  label: z.string().min(1).max(60),
  systemStatus: z.enum(SYSTEM_STATUSES),
});
export type CustomStatus = z.infer<typeof CustomStatusSchema>;

/**
 * Per-tenant behaviour. Where two source products disagree the tenant chooses:
 * - `assignmentPolicy`: Enate assigns only an unassigned case to the first agent who updates it;
 *   Welyo assigns the case to whichever agent acts on it (`any_action`).
 * - `reopenClosed`: Enate starts a new linked case for mail after Closed; Sugester reopens (`reopen`).
 */
export const TenantSettingsSchema = z
  .object({
    name: z.string().min(1).default('Helpdesk'),
    assignmentPolicy: z.enum(['unassigned_only', 'any_action']).default('unassigned_only'),
    autoClosePeriod: IsoDurationSchema.default('P3D'),
    feedbackWindow: IsoDurationSchema.default('P3D'),
    requireResolution: z.enum(['none', 'note_or_email']).default('none'),
    reopenClosed: z.enum(['new_linked_case', 'reopen']).default('new_linked_case'),
    customStatuses: z.array(CustomStatusSchema).default([]),
    categories: z.array(z.string().min(1)).default([]),
    types: z.array(z.string().min(1)).default([]),
    slaLevels: z.array(z.string().min(1)).default([]),
    /** The language of mail to a customer whose own language is not known. */
    language: z.enum(['pl', 'en']).default('pl'),
    /** Dates in mail (the case history block) are written in this zone. */
    timeZone: z.string().refine(isTimeZone, { message: 'an IANA time zone such as Europe/Warsaw' }).default('Europe/Warsaw'),
    /** Whether a new case from e-mail is acknowledged to its sender (never to automatic mail, at most 3 a day per sender). */
    acknowledgeNewMail: z.boolean().default(true),
    /** Where customers see their cases; `{{ticket_url}}` links there. */
    portalUrl: z.url().optional(),
    intake: IntakeSettingsSchema.prefault({}),
  })
  .superRefine((settings, ctx) => {
    const seen = new Set<string>();
    settings.customStatuses.forEach((status, index) => {
      if (seen.has(status.id)) {
        ctx.addIssue({ code: 'custom', path: ['customStatuses', index, 'id'], message: `duplicate custom status id '${status.id}'` });
      }
      seen.add(status.id);
    });
  });
export type TenantSettings = z.infer<typeof TenantSettingsSchema>;

/** Whether the runtime knows the zone by this IANA name. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const defaultTenantSettings = (): TenantSettings => TenantSettingsSchema.parse({});
