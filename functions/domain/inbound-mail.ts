import type { Actor } from './actor.ts';
import type { Case, Contact } from './case.ts';
import { applyCustomerMessage } from './conversation.ts';
import { startFollowUpCase } from './follow-up.ts';
import { type CommandContext, MAX_TIMELINE_ENTRIES, Mutation, type Outcome } from './mutation.ts';
import { continuedFrom, freshCase, type NewCaseIdentity } from './new-case.ts';
import type { InboundMail, NewEntry } from './timeline.ts';

/** The longest text an entry keeps, as a note may hold; the whole body stays beside the raw message. */
export const MAX_MAIL_TEXT = 100_000;
const MAX_TITLE = 200;

/** An inbound e-mail as the case rules need it; parsing, storage and threading happened before. */
export interface MailMessage {
  /** The new text, without the quoted history. */
  text: string;
  subject: string;
  sender: Contact | null;
  customerId: string | null;
  /** The inbox of the mailbox it reached. */
  inbox: string;
  mail: InboundMail;
  /** What the parser could not read or had to guess, for agents to see. */
  problems: string[];
}

/** The customer the message is from, as the timeline records them. */
export function mailActor(message: MailMessage): Actor {
  const id = message.customerId ?? message.sender?.email ?? 'unknown-sender';
  return { kind: 'customer', id, ...(message.sender?.name ? { name: message.sender.name } : {}) };
}

/** A message to no case yet: a new case in "to assign" of its mailbox's inbox, from the sender as customer. */
export function openCaseFromMail(message: MailMessage, ctx: CommandContext, identity: NewCaseIdentity): Outcome {
  const m = new Mutation(newMailCase(message, ctx, identity), ctx);
  m.set('status', 'new').set('lastCustomerMessageAt', ctx.now);
  record(m, message);
  return m.finish();
}

/**
 * Mail that is refused rather than answered (an unknown mailbox, spam): still a case, so nothing
 * is lost and an agent can look, but closed at once and in no queue.
 */
export function rejectMail(message: MailMessage, ctx: CommandContext, identity: NewCaseIdentity, method: 'unknown_address' | 'rejected_spam'): Outcome {
  const m = new Mutation(newMailCase(message, ctx, identity), ctx);
  record(m, message);
  m.set('status', 'closed').set('closedAt', ctx.now).set('resolution', { method, at: ctx.now, by: ctx.actor.id, entrySeq: null });
  return m.finish();
}

/**
 * A message that threads to an existing case. A draft takes it as its missing title and description
 * and stays a draft; any other case follows the customer-message rules (a closed case may refuse:
 * see {@link continueFromMail}).
 */
export function receiveMail(c: Case, ctx: CommandContext, message: MailMessage): Outcome {
  const m = new Mutation(c, ctx);
  if (c.status === 'draft') {
    if (c.title.trim() === '') m.set('title', titleOf(message));
    if (c.description.trim() === '') m.set('description', message.text);
    record(m, message);
  } else {
    applyCustomerMessage(m, customerInput(message), message.mail);
    for (const entry of problemEntries(message)) m.add(entry);
  }
  return m.finish();
}

/**
 * A message for a case that cannot take it — closed under the "new linked case" policy, or holding
 * its most entries — starts a new case that follows it, so the customer's mail is never refused.
 */
export function continueFromMail(
  previous: Case,
  ctx: CommandContext,
  message: MailMessage,
  identity: NewCaseIdentity,
): { followUp: Outcome; original: Outcome } {
  if (previous.status === 'closed') {
    return startFollowUpCase(previous, ctx, customerInput(message), identity, { mail: message.mail, entries: problemEntries(message) });
  }
  const followUp = new Mutation({ ...newMailCase(message, ctx, identity), ...continuedFrom(previous), links: [{ kind: 'follows', caseId: previous.id }] }, ctx);
  followUp.set('status', 'new').set('lastCustomerMessageAt', ctx.now);
  record(followUp, message);
  followUp.add({ type: 'system', visibility: 'internal', event: 'follow_up_case', detail: `case #${previous.number} is full (${MAX_TIMELINE_ENTRIES} entries)` });
  // The full case takes the link as the system's entry, which its limit allows.
  const original = new Mutation(previous, { ...ctx, actor: { kind: 'system', id: 'mail' } });
  original.set('links', [...previous.links, { kind: 'followed_by', caseId: identity.id }]);
  original.add({ type: 'system', visibility: 'internal', event: 'follow_up_case', detail: `the customer wrote again: case #${identity.number}` });
  return { followUp: followUp.finish(), original: original.finish() };
}

function record(m: Mutation, message: MailMessage): void {
  m.add({ type: 'inbound_message', visibility: 'public', text: message.text, channel: 'email', from: message.sender?.email ?? null, mail: message.mail });
  for (const entry of problemEntries(message)) m.add(entry);
}

/** What the parser could not read, as one internal entry: agents see it, the customer never does. */
const problemEntries = (message: MailMessage): NewEntry[] =>
  message.problems.length === 0 ? [] : [{ type: 'system', visibility: 'internal', event: 'mail_problems', detail: message.problems.join('\n') }];

const customerInput = (message: MailMessage) => ({ text: message.text, channel: 'email' as const, from: message.sender?.email ?? null });

function titleOf(message: MailMessage): string {
  const title = message.subject.trim() || message.text.split('\n').find((line) => line.trim() !== '')?.trim() || '(no subject)';
  return title.slice(0, MAX_TITLE);
}

function newMailCase(message: MailMessage, ctx: CommandContext, identity: NewCaseIdentity): Case {
  return freshCase(identity, ctx, {
    title: titleOf(message),
    description: message.text,
    inbox: message.inbox,
    channel: 'email',
    customerId: message.customerId,
    contacts: { primaryContact: message.sender, requester: message.sender },
  });
}
