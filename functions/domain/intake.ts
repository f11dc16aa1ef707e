import * as z from 'zod';
import { type Case, IsoDateTimeSchema } from './case.ts';
import { normaliseEmail } from './customer.ts';
import { type CommandContext, Mutation, type Outcome } from './mutation.ts';
import { freshCase, type NewCaseIdentity } from './new-case.ts';
import { LanguageSchema } from './templates.ts';

const MAX_TITLE = 200;

/** What a form may attach: common documents and images, a few of them, each at most 10 MB. */
export const INTAKE_ATTACHMENTS = {
  maxFiles: 5,
  maxBytes: 10 * 1024 * 1024,
  types: ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain', 'text/csv',
    'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip'],
} as const;

/**
 * Where a form's files live. An upload lands under `uploads/`, which a bucket lifecycle rule empties
 * after the longest a submission can wait; activation copies the submission's files under `intake/`,
 * which is kept with the case. So a file nobody activated goes by itself, without a sweep.
 */
export const INTAKE_FILE_KEYS = {
  upload: (id: string) => `uploads/${id}`,
  kept: (uploadKey: string) => uploadKey.replace(/^uploads\//, 'intake/'),
  uploadPattern: /^uploads\/[0-9a-f-]{36}$/,
};

const AttachmentFields = {
  filename: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((name) => !/[\\/]/.test(name) && [...name].every((char) => char.charCodeAt(0) >= 0x20), 'a file name without slashes or control characters'),
  contentType: z.enum(INTAKE_ATTACHMENTS.types),
  size: z.number().int().min(1).max(INTAKE_ATTACHMENTS.maxBytes, `at most ${INTAKE_ATTACHMENTS.maxBytes / 1024 / 1024} MB`),
};

/** A file the form is about to upload: it gets a link to PUT exactly these bytes to. */
export const IntakeUploadInputSchema = z.strictObject(AttachmentFields);

/** A file the form uploaded, named in the submission by the key its upload link gave. */
export const IntakeAttachmentSchema = z.strictObject({
  key: z.string().regex(INTAKE_FILE_KEYS.uploadPattern, 'a key from POST /public/intake/uploads'),
  ...AttachmentFields,
});
export type IntakeAttachment = z.infer<typeof IntakeAttachmentSchema>;

/**
 * What the form or widget on the tenant's site sends. `website` is a honeypot: hidden from people,
 * filled in by bots; a submission with it is answered like any other and then dropped.
 */
export const IntakeInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320),
  phone: z.string().trim().regex(/^\+?[0-9 ()-]{3,30}$/, 'digits, spaces, ( ) - and a leading +').optional(),
  subject: z.string().trim().min(1).max(MAX_TITLE),
  message: z.string().trim().min(1).max(20_000),
  externalCustomerId: z.string().trim().min(1).max(200).optional().describe("the customer's id in the tenant's own system, when the host page knows it"),
  language: LanguageSchema.optional().describe("the page's language: the activation mail and the customer's account use it"),
  channel: z.enum(['form', 'widget']).default('form'),
  attachments: z.array(IntakeAttachmentSchema).max(INTAKE_ATTACHMENTS.maxFiles).default([]).describe('files uploaded first through POST /public/intake/uploads'),
  website: z.string().max(500).optional().describe('leave empty: a honeypot for bots'),
});
export type IntakeInput = z.infer<typeof IntakeInputSchema>;

/** The same answer whatever happened, so it reveals neither an account nor a dropped bot submission. */
export const INTAKE_ANSWER = 'Thank you. Check your e-mail: activate your case with the link we sent you.';

/**
 * A form submission waiting for its sender to prove the address is theirs. It is no case yet: no
 * agent sees it in any queue or search until the ACTIVATE link turns it into one.
 */
export const SubmissionSchema = z.object({
  id: z.string(),
  channel: z.enum(['form', 'widget']),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  subject: z.string(),
  message: z.string(),
  externalCustomerId: z.string().nullable(),
  language: LanguageSchema,
  attachments: z.array(IntakeAttachmentSchema),
  submittedAt: IsoDateTimeSchema,
  /** After this the submission is gone: an unactivated case expires (tenant setting `intake.unactivatedCaseDays`). */
  expiresAt: IsoDateTimeSchema,
});
export type Submission = z.infer<typeof SubmissionSchema>;

/** One activation link: its token is stored only as a hash, and it opens one submission once. */
export const ActivationSchema = z.object({
  submission: SubmissionSchema,
  /** The link stops working at this time; a fresh one can be asked for until the submission expires. */
  linkExpiresAt: IsoDateTimeSchema,
  /** Set when the link was used: the case it made. */
  caseNumber: z.number().int().positive().nullable(),
  /** Set when a newer link for the same submission was sent. */
  superseded: z.boolean(),
});
export type Activation = z.infer<typeof ActivationSchema>;

export function newSubmission(input: IntakeInput, id: string, now: string, language: z.infer<typeof LanguageSchema>, keepDays: number): Submission {
  return {
    id,
    channel: input.channel,
    name: input.name,
    email: normaliseEmail(input.email),
    phone: input.phone ?? null,
    subject: input.subject,
    message: input.message,
    externalCustomerId: input.externalCustomerId ?? null,
    language: input.language ?? language,
    attachments: input.attachments,
    submittedAt: now,
    expiresAt: new Date(Date.parse(now) + keepDays * 86_400_000).toISOString(),
  };
}

/**
 * What a used link keeps of its submission: nothing personal. The case holds all of it now, where an
 * account deletion finds it; the link only needs to say which case it made.
 */
export function spentSubmission(submission: Submission): Submission {
  return { ...submission, name: '', email: '', phone: null, subject: '', message: '', externalCustomerId: null, attachments: [] };
}

export function newActivation(submission: Submission, now: string, linkHours: number): Activation {
  const linkExpiresAt = new Date(Math.min(Date.parse(now) + linkHours * 3_600_000, Date.parse(submission.expiresAt))).toISOString();
  return { submission, linkExpiresAt, caseNumber: null, superseded: false };
}

/**
 * What an activation link can do now. `register`: the address has no account yet, so the customer
 * sets a password; `activate`: one click; `used`: it made case `caseNumber` already; `expired`: the
 * link is old but a fresh one can be sent; `gone`: the submission itself expired or was replaced.
 */
export type ActivationState =
  | { state: 'register' | 'activate'; subject: string; email: string }
  | { state: 'used'; caseNumber: number }
  | { state: 'expired' }
  | { state: 'gone' };

export function activationState(activation: Activation, now: string, hasAccount: boolean): ActivationState {
  if (activation.caseNumber !== null) return { state: 'used', caseNumber: activation.caseNumber };
  if (activation.superseded || now >= activation.submission.expiresAt) return { state: 'gone' };
  if (now >= activation.linkExpiresAt) return { state: 'expired' };
  return { state: hasAccount ? 'activate' : 'register', subject: activation.submission.subject, email: activation.submission.email };
}

/**
 * The customer who activated the submission writes it: the case opens in "to assign" of the intake
 * mailbox's inbox, its files on the first entry under their kept keys (the caller copies them there first).
 */
export function openCaseFromSubmission(
  submission: Submission,
  ctx: CommandContext,
  identity: NewCaseIdentity,
  placement: { inbox: string | null; customerId: string },
): Outcome {
  const contact = { email: submission.email, name: submission.name };
  const draft: Case = freshCase(identity, ctx, {
    title: submission.subject,
    description: submission.message,
    inbox: placement.inbox,
    channel: submission.channel,
    customerId: placement.customerId,
    contacts: { primaryContact: contact, requester: contact },
  });
  const m = new Mutation(draft, ctx);
  m.set('status', 'new').set('lastCustomerMessageAt', ctx.now);
  const attachments = submission.attachments.map(({ key, filename, contentType }) => ({ key: INTAKE_FILE_KEYS.kept(key), filename, contentType }));
  m.add({
    type: 'inbound_message', visibility: 'public', text: submission.message, channel: submission.channel, from: submission.email,
    ...(attachments.length > 0 ? { attachments } : {}),
  });
  return m.finish();
}
