import * as z from 'zod';
import { type Case, IsoDateTimeSchema } from './case.ts';
import { type Customer, normaliseEmail } from './customer.ts';
import { ValidationError } from './errors.ts';
import { type CommandContext, Mutation, type Outcome } from './mutation.ts';
import { type Language, LanguageSchema } from './templates.ts';

/** How long a confirmation link works: a day, long enough to open the new mailbox, short for a link in a stranger's hands. */
export const EMAIL_CHANGE_LINK_HOURS = 24;

export const EmailChangeInputSchema = z.strictObject({ email: z.email().max(320).describe('the new address: a link to confirm it goes there') });

export const EmailChangeAnswerSchema = z.object({ message: z.string() });
export const EmailChangedResponseSchema = z.object({ email: z.string().describe('the address the account signs in with and gets mail at from now on') });

/** A customer's request to move their account to another address, waiting for that address to confirm. */
export const EmailChangeSchema = z.object({
  /** The record whose address changes: the account's own, or the one an agent merged it into. */
  customerId: z.string(),
  /** The customer pool's user, named after the record the account was made with. */
  accountId: z.string(),
  /** The address when the change was asked for: open cases addressed to it move to the new one. */
  previousEmail: z.string().nullable(),
  email: z.string(),
  language: LanguageSchema,
  requestedAt: IsoDateTimeSchema,
  linkExpiresAt: IsoDateTimeSchema,
  confirmedAt: IsoDateTimeSchema.nullable(),
});
export type EmailChange = z.infer<typeof EmailChangeSchema>;

/** @throws ValidationError when the address is the one the customer has already */
export function newEmailChange(customer: Customer, accountId: string, email: string, now: string, language: Language): EmailChange {
  const address = normaliseEmail(email);
  if (address === customer.email) throw new ValidationError([{ path: 'body.email', message: 'this is your address already' }]);
  const linkExpiresAt = new Date(Date.parse(now) + EMAIL_CHANGE_LINK_HOURS * 3_600_000).toISOString();
  return { customerId: customer.id, accountId, previousEmail: customer.email, email: address, language, requestedAt: now, linkExpiresAt, confirmedAt: null };
}

export type EmailChangeState = 'confirm' | 'confirmed' | 'expired';

export function emailChangeState(change: EmailChange, now: string): EmailChangeState {
  if (change.confirmedAt !== null) return 'confirmed';
  return now >= change.linkExpiresAt ? 'expired' : 'confirm';
}

/** The record at its confirmed address; an agent's edit meanwhile is kept (the caller re-reads on a conflict). */
export function withEmail(customer: Customer, email: string, now: string): Customer {
  return { ...customer, email, updatedAt: now, version: customer.version + 1 };
}

/**
 * A case whose contacts had the old address, readdressed: replies go to the new one. Bookkeeping,
 * not work on the case: no status changes and nobody is assigned; the timeline records the change.
 * Null when no contact had the old address.
 */
export function readdressContacts(c: Case, ctx: CommandContext, from: string, to: string): Outcome | null {
  const moved = (contact: Case['contacts']['primaryContact']) => (contact !== null && contact.email === from ? { ...contact, email: to } : contact);
  const contacts = {
    primaryContact: moved(c.contacts.primaryContact),
    requester: moved(c.contacts.requester),
    ...(c.contacts.cc ? { cc: c.contacts.cc.map((contact) => moved(contact)!) } : {}),
  };
  if (JSON.stringify(contacts) === JSON.stringify(c.contacts)) return null;
  return new Mutation(c, ctx).set('contacts', contacts).finish();
}
