import type { Case } from './case.ts';
import type { Customer } from './customer.ts';
import type { TimelineEntry } from './timeline.ts';

/** What personal data is replaced with on the records the tenant keeps. */
export const ERASED = '[deleted]';

/** The strings that identify the person: what is redacted wherever it appears on their cases. */
export function personalStrings(customer: Customer): string[] {
  const values = [customer.name, customer.email, customer.phone, customer.externalId, customer.invoice?.name, customer.invoice?.taxId, customer.invoice?.street];
  // Longest first, so a name inside an e-mail address does not leave the rest of the address behind.
  return [...new Set(values.filter((value): value is string => typeof value === 'string' && value.trim().length >= 3))].sort((a, b) => b.length - a.length);
}

/**
 * A phone number however a text writes it: its last nine digits (a Polish number without the
 * country code) with any spaces, dots, dashes or brackets between them, and a `+48` or `0048` before.
 */
export function phonePattern(phone: string): RegExp | null {
  const digits = phone.replace(/\D/g, '').slice(-9);
  if (digits.length < 6) return null;
  return new RegExp(`(?:(?:\\+|00)\\d{1,3}[\\s.()-]*)?\\(?${[...digits].join('[\\s.()-]*')}`, 'g');
}

/** Replaces each personal string (and the phone, however written) in every string value, however deep, case-insensitively. */
export function redactor(personal: readonly string[], phone: string | null = null): <T>(value: T) => T {
  const phoneDigits = phone === null ? null : phonePattern(phone);
  const patterns = [...personal.map((text) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi')), ...(phoneDigits ? [phoneDigits] : [])];
  const redactText = (text: string) => patterns.reduce((out, pattern) => out.replace(pattern, ERASED), text);
  const deep = (value: unknown): unknown => {
    if (typeof value === 'string') return redactText(value);
    if (Array.isArray(value)) return value.map(deep);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, deep(inner)]));
    return value;
  };
  return <T>(value: T) => deep(value) as T;
}

/**
 * The record after its person asked to be forgotten: no contact data, no account, no invoice data;
 * the id stays, so the tenant's cases still point at one (anonymous) customer.
 */
export function erasedCustomer(customer: Customer, now: string): Customer {
  return { ...customer, name: null, email: null, phone: null, externalId: null, account: null, invoice: null, updatedAt: now, version: customer.version + 1 };
}

/** The case with the person's data gone: contacts that were them dropped, every text redacted; status and history stay. */
export function erasedCase(c: Case, customer: Customer, redact: <T>(value: T) => T, now: string): Case {
  const isThem = (contact: Case['contacts']['primaryContact']) => contact !== null && contact.email === customer.email;
  const contacts = {
    primaryContact: isThem(c.contacts.primaryContact) ? null : c.contacts.primaryContact,
    requester: isThem(c.contacts.requester) ? null : c.contacts.requester,
    ...(c.contacts.cc ? { cc: c.contacts.cc.filter((contact) => !isThem(contact)) } : {}),
  };
  return { ...redact({ ...c, contacts }), updatedAt: now, version: c.version + 1 };
}

/** Whether the person wrote the entry: a mail from their address, or a message they wrote signed in or through a link. */
const isTheirMessage = (entry: TimelineEntry, customer: Customer): entry is Extract<TimelineEntry, { type: 'inbound_message' }> =>
  entry.type === 'inbound_message' &&
  ((entry.from !== null && entry.from === customer.email) || (entry.actor.kind === 'customer' && entry.actor.id === customer.id));

/**
 * The objects of the mail bucket that hold what the person sent with the entry: the raw mail, the
 * text and HTML derived from it, its attachments, a form's files. Nothing of an entry someone else wrote.
 */
export function objectsOfEntry(entry: TimelineEntry, customer: Customer): string[] {
  if (!isTheirMessage(entry, customer)) return [];
  const { mail } = entry;
  const mailKeys = mail ? [mail.rawKey, mail.fullTextKey, mail.htmlKey, ...mail.attachments.map((file) => file.key)] : [];
  return [...mailKeys, ...(entry.attachments ?? []).map((file) => file.key)].filter((key): key is string => key !== null);
}

/**
 * An entry with the person's data gone: their address as sender or recipient dropped, every text
 * redacted, and on their own messages no reference left to the objects `objectsOfEntry` names (they
 * are deleted). Null when nothing changed.
 */
export function erasedEntry(entry: TimelineEntry, customer: Customer, redact: <T>(value: T) => T): TimelineEntry | null {
  let next: TimelineEntry = redact(entry);
  if (next.type === 'inbound_message' && isTheirMessage(entry, customer)) {
    const { attachments: _files, ...rest } = next;
    next = {
      ...rest,
      from: null,
      ...(next.mail ? { mail: { ...next.mail, rawKey: null, fullTextKey: null, htmlKey: null, attachments: [] } } : {}),
    };
  }
  if (next.type === 'reply') next = { ...next, to: next.to.filter((address) => address !== ERASED) };
  return JSON.stringify(next) === JSON.stringify(entry) ? null : next;
}
