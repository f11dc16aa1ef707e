import * as z from 'zod';
import { IsoDateTimeSchema } from './case.ts';
import { ValidationError } from './errors.ts';

export const CustomerSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.email().nullable(),
  phone: z.string().nullable(),
  externalId: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  version: z.number().int().positive(),
});
export type Customer = z.infer<typeof CustomerSchema>;

const Name = z.string().trim().min(1).max(200);
const Email = z.email().max(320);
const Phone = z.string().trim().regex(/^\+?[0-9 ()-]{3,30}$/, 'digits, spaces, ( ) - and a leading +');
const ExternalId = z.string().trim().min(1).max(200);

export const CreateCustomerInputSchema = z
  .strictObject({
    name: Name.optional(),
    email: Email.optional(),
    phone: Phone.optional(),
    externalId: ExternalId.optional(),
  })
  .refine((input) => input.email !== undefined || input.externalId !== undefined, {
    message: 'give an e-mail or an external ID: a customer is identified by one of them',
    path: ['email'],
  });
export type CreateCustomerInput = z.infer<typeof CreateCustomerInputSchema>;

export const FindCustomerQuerySchema = z
  .object({ email: z.email().optional(), externalId: z.string().min(1).max(200).optional() })
  .refine((q) => (q.email === undefined) !== (q.externalId === undefined), {
    message: 'give exactly one of email or externalId',
    path: ['email'],
  });

/** E-mail addresses match case-insensitively, as mail systems treat them in practice. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export function newCustomer(input: CreateCustomerInput, id: string, now: string): Customer {
  return {
    id,
    name: input.name ?? null,
    email: input.email === undefined ? null : normaliseEmail(input.email),
    phone: input.phone ?? null,
    externalId: input.externalId ?? null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/** An agent's correction of a customer's contact data: the fields given change, null clears one. */
export const UpdateCustomerInputSchema = z
  .strictObject({
    name: Name.nullable(),
    email: Email.nullable(),
    phone: Phone.nullable(),
    externalId: ExternalId.nullable(),
  })
  .partial()
  .refine((input) => Object.keys(input).length > 0, { message: 'give at least one of name, email, phone, externalId' });
export type UpdateCustomerInput = z.infer<typeof UpdateCustomerInputSchema>;

/**
 * The record with the agent's changes. It must keep an e-mail or an external ID, as at creation:
 * they are how mail and new cases find the customer.
 * @throws ValidationError when both would be gone
 */
export function updateCustomer(customer: Customer, input: UpdateCustomerInput, now: string): Customer {
  const next: Customer = {
    ...customer,
    ...input,
    ...(input.email !== undefined ? { email: input.email === null ? null : normaliseEmail(input.email) } : {}),
    updatedAt: now,
    version: customer.version + 1,
  };
  if (next.email === null && next.externalId === null) {
    throw new ValidationError([{ path: 'body.email', message: 'a customer keeps an e-mail or an external ID: they are how mail and new cases find them' }]);
  }
  return next;
}
