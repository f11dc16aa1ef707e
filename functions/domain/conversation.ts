import { isStaff } from './actor.ts';
import type { Case } from './case.ts';
import { applyAgentUpdate } from './assignment.ts';
import { addDuration } from './duration.ts';
import { ValidationError } from './errors.ts';
import { transition } from './lifecycle.ts';
import { type CommandContext, Mutation, type Outcome } from './mutation.ts';
import type { CustomerMessageInput, NoteInput, ReplyInput } from './requests.ts';
import type { InboundMail } from './timeline.ts';
import { armTimer, clearTimer } from './timers.ts';

/** Records an internal note. Notes are agent activity but not a conversation: they leave timers alone. */
export function addNote(c: Case, ctx: CommandContext, input: NoteInput): Outcome {
  const m = new Mutation(c, ctx);
  m.set('status', transition(c, 'note', ctx.actor));
  applyAgentUpdate(m);
  writeNote(m, input);
  return m.finish();
}

/**
 * Records a public reply for the mail channel to deliver. The case then waits on the customer
 * (Answered) and the auto-close timer starts. A reply from a draft fills an empty title and
 * description from the message, as Enate does, and the draft stays a draft.
 */
export function addReply(c: Case, ctx: CommandContext, input: ReplyInput): Outcome {
  const m = new Mutation(c, ctx);
  const status = transition(c, 'reply', ctx.actor);
  applyAgentUpdate(m);
  writeReply(m, input);
  if (status === 'draft') {
    if (c.description.trim() === '') m.set('description', input.text);
    return m.finish();
  }
  answer(m);
  return m.finish();
}

/**
 * An agent starts writing a reply: the first save of their draft on a New case counts as starting
 * work, so the "first agent update" rule applies (the assignee's case goes In Progress, OPEN on the
 * "5 ways" panel; an unassigned one is taken as the tenant's policy says). The draft itself is not
 * on the timeline. Null when the rule changes nothing (any other status, a colleague's case): then
 * only the draft is saved, and the case's version stays, so typing never makes a write conflict.
 */
export function startReply(c: Case, ctx: CommandContext): Outcome | null {
  if (c.status !== 'new') return null;
  const m = new Mutation(c, ctx);
  applyAgentUpdate(m);
  // The rule changes the assignee (and with it who delegated) or the status, or nothing.
  const changed = m.current.status !== c.status || m.current.assigneeId !== c.assigneeId;
  return changed ? m.finish() : null;
}

/**
 * A customer writes in (e-mail, portal, public link). A waiting, answered or resolved case comes
 * back to its agent at once, In Progress and highlighted; its timer is cancelled. A closed case
 * reopens the same way when the tenant says so; otherwise see `startFollowUpCase`.
 */
export function receiveCustomerMessage(c: Case, ctx: CommandContext, input: CustomerMessageInput): Outcome {
  const m = new Mutation(c, ctx);
  applyCustomerMessage(m, input);
  return m.finish();
}

/** {@link receiveCustomerMessage} on a mutation, for channels that add their own details and entries. */
export function applyCustomerMessage(m: Mutation, input: CustomerMessageInput, mail?: InboundMail): void {
  const c = m.current;
  const status = transition(c, 'customer_message', m.ctx.actor, m.ctx.settings);
  m.add({ type: 'inbound_message', visibility: 'public', text: input.text, channel: input.channel, from: input.from, ...(mail ? { mail } : {}) });
  // A case nobody holds goes back to the queue rather than to a nobody's In Progress.
  m.set('status', status === 'in_progress' && c.assigneeId === null ? 'new' : status)
    .set('lastCustomerMessageAt', m.ctx.now).set('highlighted', true).set('wait', null).set('resolution', null).set('closedAt', null);
  clearTimer(m);
  if (c.status === 'resolved' || c.status === 'closed') {
    const detail = c.status === 'resolved' ? 'customer replied within the feedback window' : 'customer wrote after the case was closed';
    m.add({ type: 'system', visibility: 'internal', event: 'reopened', detail });
  }
}

export function writeNote(m: Mutation, input: NoteInput): number {
  const seq = m.add({ type: 'note', visibility: 'internal', text: input.text, templateId: input.templateId ?? null });
  recordAgentEntry(m, seq);
  return seq;
}

export function writeReply(m: Mutation, input: ReplyInput): number {
  const c = m.current;
  const foreign = (input.attachments ?? []).findIndex((a) => !a.key.startsWith(`outbound/${c.id}/`));
  if (foreign !== -1) throw new ValidationError([{ path: `body.attachments.${foreign}.key`, message: 'uploaded for another case' }]);
  // By default a reply goes to the primary contact and the people of cases merged into this one.
  const to = input.to ?? [...new Set([c.contacts.primaryContact, ...(c.contacts.cc ?? [])].flatMap((contact) => (contact ? [contact.email] : [])))];
  const seq = m.add({
    type: 'reply',
    visibility: 'public',
    subject: input.subject ?? null,
    text: input.text,
    templateId: input.templateId ?? null,
    fromMailbox: input.fromMailbox ?? c.inbox,
    to,
    includeHistory: input.includeHistory,
    delivery: 'queued',
    ...(input.attachments?.length ? { attachments: input.attachments } : {}),
  });
  if (c.title.trim() === '' && c.status === 'draft') m.set('title', input.subject ?? firstLine(input.text));
  recordAgentEntry(m, seq);
  return seq;
}

/** Answered: waiting on the customer, closing by itself after the tenant's auto-close period. */
function answer(m: Mutation): void {
  m.set('status', 'answered').set('wait', null).set('highlighted', false);
  armTimer(m, 'auto_close', addDuration(m.ctx.now, m.ctx.settings.autoClosePeriod));
}

function recordAgentEntry(m: Mutation, seq: number): void {
  if (isStaff(m.ctx.actor)) m.set('lastAgentEntry', { seq, at: m.ctx.now });
}

const firstLine = (text: string): string => (text.split('\n')[0] ?? '').trim().slice(0, 200);
