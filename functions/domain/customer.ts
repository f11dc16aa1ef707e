import * as z from 'zod';
import { IsoDateTimeSchema } from './case.ts';
import { ConflictError, ValidationError } from './errors.ts';
import { LanguageSchema } from './templates.ts';

/** A customer's own account in the customer portal: the customer user pool's user is named after the record's id. */
export const CustomerAccountSchema = z.object({
  createdAt: IsoDateTimeSchema,
  /** The language of the portal and of mail to the customer. */
  language: LanguageSchema,
});
export type CustomerAccount = z.infer<typeof CustomerAccountSchema>;

/** Who invoices go to ("5 ways" settings): a company or the person, as the customer gives it. */
export const InvoiceDataSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).describe('company or full name'),
    taxId: z.string().trim().min(1).max(40).optional().describe('e.g. a Polish NIP'),
    street: z.string().trim().min(1).max(200),
    postalCode: z.string().trim().min(1).max(20),
    city: z.string().trim().min(1).max(100),
    country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code such as PL'),
  })
  .meta({ id: 'InvoiceData' });
export type InvoiceData = z.infer<typeof InvoiceDataSchema>;

export const CustomerSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.email().nullable(),
  phone: z.string().nullable(),
  externalId: z.string().nullable(),
  mergedInto: z.string().nullable().describe('set once an agent merged this record into another: that one holds its cases now'),
  account: CustomerAccountSchema.nullable().describe('the portal account, once the customer registered'),
  invoice: InvoiceDataSchema.nullable().describe('invoice data the customer gave in the portal'),
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
    mergedInto: null,
    account: null,
    invoice: null,
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
 * they are how mail and new cases find the customer. A record merged into another is no longer edited.
 * @throws ValidationError when both would be gone; ConflictError `customer_merged` for a merged record
 */
export function updateCustomer(customer: Customer, input: UpdateCustomerInput, now: string): Customer {
  if (customer.mergedInto !== null) {
    throw new ConflictError(`customer ${customer.id} was merged into ${customer.mergedInto}: edit that one`, 'customer_merged');
  }
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

export const MergeCustomerInputSchema = z.strictObject({ into: z.uuid().describe('the record that keeps the cases and the contact data') });

/**
 * Two records of one person become one: the source points at the target, which takes the contact
 * data it lacked. Merging again into the same target is allowed (it moves cases left behind).
 * @throws ValidationError for a record merged into itself; ConflictError for a source already
 *   merged elsewhere or a target that was itself merged away
 */
export function mergeCustomers(source: Customer, target: Customer, now: string): { source: Customer; target: Customer } {
  if (source.id === target.id) throw new ValidationError([{ path: 'body.into', message: 'a customer cannot be merged into itself' }]);
  if (target.mergedInto !== null) {
    throw new ConflictError(`customer ${target.id} was merged into ${target.mergedInto}: merge into that one`, 'customer_merged');
  }
  if (source.mergedInto !== null && source.mergedInto !== target.id) {
    throw new ConflictError(`customer ${source.id} was already merged into ${source.mergedInto}`, 'customer_merged');
  }
  return {
    source: { ...source, mergedInto: target.id, updatedAt: now, version: source.version + 1 },
    target: {
      ...target,
      name: target.name ?? source.name,
      email: target.email ?? source.email,
      phone: target.phone ?? source.phone,
      externalId: target.externalId ?? source.externalId,
      updatedAt: now,
      version: target.version + 1,
    },
  };
}
