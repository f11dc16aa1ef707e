import type * as z from 'zod';
import type { IntakeInputSchema } from '../../functions/domain/intake.ts';
import type { Language } from '../shared/i18n.ts';

/** What the widget posts to POST /public/intake, typed from the API's own schema. */
export type IntakeBody = z.input<typeof IntakeInputSchema>;
/** An uploaded file, as the submission names it. */
export type IntakeAttachment = NonNullable<IntakeBody['attachments']>[number];

/** The fields a person fills in, in the form's order; `website` is the honeypot. */
export const FIELDS = ['name', 'email', 'phone', 'subject', 'message', 'website'] as const;
export type Field = (typeof FIELDS)[number];
export type Values = Record<Field, string>;
/** Where an issue can be shown, in the form's order: the fields people see, then the files. */
export const SHOWN = ['name', 'email', 'phone', 'subject', 'message', 'files'] as const;
export type Shown = (typeof SHOWN)[number];
/** What is wrong with each field at fault, in words to show at it. */
export type FieldIssues = Partial<Record<Shown, string>>;

export const EMPTY: Values = { name: '', email: '', phone: '', subject: '', message: '', website: '' };

const REQUIRED = ['name', 'email', 'subject', 'message'] as const;

/**
 * What the browser can tell before sending: a required field left blank, an address with no `@`.
 * The rest (lengths, the phone's characters, an address's domain) is the API's to judge; its field
 * issues come back to the same fields.
 */
export function checkValues(values: Values, t: (key: string) => string): FieldIssues {
  const issues: FieldIssues = {};
  for (const field of REQUIRED) if (values[field].trim() === '') issues[field] = t(`missing.${field}`);
  if (!issues.email && !/^[^\s@]+@[^\s@]+$/.test(values.email.trim())) issues.email = t('invalid.email');
  return issues;
}

/**
 * The body for the API. The honeypot goes as it is, so a bot that filled it is answered like
 * anyone else and its submission dropped; the host page's customer id and the files go only when there are some.
 */
export function intakeBody(
  values: Values,
  context: { language: Language; externalCustomerId: string | null },
  attachments: IntakeAttachment[],
): IntakeBody {
  const phone = values.phone.trim();
  return {
    name: values.name,
    email: values.email.trim(),
    ...(phone ? { phone } : {}),
    subject: values.subject,
    message: values.message,
    ...(context.externalCustomerId ? { externalCustomerId: context.externalCustomerId } : {}),
    language: context.language,
    channel: 'widget',
    ...(attachments.length > 0 ? { attachments } : {}),
    website: values.website,
  };
}

/**
 * The API's issues at their fields (`body.email` → email, any of `body.attachments…` → the files), each
 * said in the widget's language: the API words its issues in English for developers, and the person
 * filling in the form may read only Polish. An issue no field shows (the host page's customer id, its
 * language) is the site's mistake, not the customer's: it is reported as a failure to send.
 */
export function issuesByField(issues: { path: string; message: string }[], t: (key: string) => string): { fields: FieldIssues; other: boolean } {
  const fields: FieldIssues = {};
  let other = false;
  for (const issue of issues) {
    const field = /^body\.attachments(\.|$)/.test(issue.path) ? 'files' : SHOWN.find((name) => issue.path === `body.${name}`);
    if (field) fields[field] = t(`invalid.${field}`);
    else other = true;
  }
  return { fields, other };
}
