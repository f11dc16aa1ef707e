import * as z from 'zod';
import { type Customer, InvoiceDataSchema } from './customer.ts';
import { LanguageSchema } from './templates.ts';

/** What a customer sees and changes of their own record in the portal's settings. */
export const ProfileSchema = z
  .object({
    name: z.string().nullable(),
    email: z.string().nullable().describe('changed through POST /my/email-change, which the new address confirms'),
    phone: z.string().nullable(),
    language: LanguageSchema,
    invoice: InvoiceDataSchema.nullable(),
  })
  .meta({ id: 'Profile' });
export type Profile = z.infer<typeof ProfileSchema>;
export const ProfileResponseSchema = z.object({ profile: ProfileSchema });

export const ProfileInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).nullable(),
    phone: z.string().trim().regex(/^\+?[0-9 ()-]{3,30}$/, 'digits, spaces, ( ) - and a leading +').nullable(),
    language: LanguageSchema,
    invoice: InvoiceDataSchema.nullable(),
  })
  .partial()
  .refine((input) => Object.keys(input).length > 0, { message: 'give at least one of name, phone, language, invoice' });
export type ProfileInput = z.infer<typeof ProfileInputSchema>;

export function profileOf(customer: Customer, fallbackLanguage: Profile['language']): Profile {
  return {
    name: customer.name,
    email: customer.email,
    phone: customer.phone,
    language: customer.account?.language ?? fallbackLanguage,
    invoice: customer.invoice,
  };
}

/** The record with the customer's own changes; the language is the account's (it drives the mail they get). */
export function applyProfile(customer: Customer, input: ProfileInput, now: string): Customer {
  const { language, ...contact } = input;
  return {
    ...customer,
    ...contact,
    ...(language && customer.account ? { account: { ...customer.account, language } } : {}),
    updatedAt: now,
    version: customer.version + 1,
  };
}
