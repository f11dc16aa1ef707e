import * as z from 'zod';
import { CustomerPasswordSchema } from './password-policy.ts';

export const IntakeAnswerSchema = z.object({ message: z.string() });

export const IntakeUploadResponseSchema = z.object({
  key: z.string().describe("name it in the submission's attachments"),
  uploadUrl: z.url().describe('PUT the file here with its Content-Type and Content-Length as declared'),
  expiresAt: z.iso.datetime({ offset: true }),
});

const Pending = { subject: z.string(), email: z.string().describe('where the link was sent') };

export const ActivationStateResponseSchema = z
  .discriminatedUnion('state', [
    z.object({ state: z.literal('register'), ...Pending, termsUrl: z.string().nullable() }).describe('no account has this address yet: set a password and accept the terms'),
    z.object({ state: z.literal('activate'), ...Pending }).describe('the address has an account: one click activates the case'),
    z.object({ state: z.literal('used'), caseNumber: z.number().int() }).describe('the link made this case already'),
    z.object({ state: z.literal('expired') }).describe('the link is too old: ask for a fresh one'),
    z.object({ state: z.literal('gone') }).describe('the submission expired unactivated, or a newer link replaced this one'),
  ])
  .meta({ id: 'ActivationState' });

/** Registration fields, needed only when the address has no account yet. */
export const ActivateInputSchema = z
  .strictObject({
    password: CustomerPasswordSchema.optional(),
    passwordAgain: z.string().max(256).optional(),
    acceptTerms: z.boolean().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.password !== undefined && input.passwordAgain !== input.password) {
      ctx.addIssue({ code: 'custom', path: ['passwordAgain'], message: 'the two passwords differ' });
    }
  });
export type ActivateInput = z.infer<typeof ActivateInputSchema>;

export const ActivatedResponseSchema = z.object({
  caseNumber: z.number().int().positive(),
  email: z.string(),
  registered: z.boolean().describe('true when this activation created the customer\'s account: they can sign in now'),
});
