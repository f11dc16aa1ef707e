import * as z from 'zod';
import { IsoDateTimeSchema } from './case.ts';

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

export const CreateCustomerInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    email: z.email().max(320).optional(),
    phone: z.string().trim().regex(/^\+?[0-9 ()-]{3,30}$/, 'digits, spaces, ( ) - and a leading +').optional(),
    externalId: z.string().trim().min(1).max(200).optional(),
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
