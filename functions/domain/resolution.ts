import type { Case, ResolutionMethod } from './case.ts';
import { applyAgentUpdate } from './assignment.ts';
import { writeNote, writeReply } from './conversation.ts';
import { missingForSubmit } from './create.ts';
import { addDuration, durationToMillis } from './duration.ts';
import { ValidationError } from './errors.ts';
import { transition } from './lifecycle.ts';
import { type CommandContext, Mutation, type Outcome } from './mutation.ts';
import type { ResolveInput } from './requests.ts';
import { armTimer, clearTimer } from './timers.ts';

/**
 * Resolves the case with a method. A note or reply in the request becomes the resolution entry
 * ("send and resolve"); otherwise the agent's latest note or reply since the customer last wrote
 * counts, as in Enate. When the tenant requires one and there is none, nothing changes.
 * The feedback window then starts; a zero window closes the case at once, and so does a method
 * that rejects the case outright (mail to an unknown address, like spam, gets no feedback window).
 */
export function resolve(c: Case, ctx: CommandContext, input: ResolveInput): Outcome {
  const m = new Mutation(c, ctx);
  transition(c, 'resolve', ctx.actor);
  resolveInto(m, input);
  if (durationToMillis(ctx.settings.feedbackWindow) === 0 || CLOSED_AT_ONCE.includes(input.method)) {
    finalise(m);
  } else {
    armTimer(m, 'feedback_window', addDuration(ctx.now, ctx.settings.feedbackWindow));
  }
  return m.finish();
}

/** Reopens a resolved case by hand; it goes back to In Progress with the reopening agent if it had nobody. */
export function reopen(c: Case, ctx: CommandContext): Outcome {
  const m = new Mutation(c, ctx);
  m.set('status', transition(c, 'reopen', ctx.actor)).set('resolution', null);
  clearTimer(m);
  applyAgentUpdate(m);
  m.add({ type: 'system', visibility: 'internal', event: 'reopened', detail: 'reopened by hand' });
  return m.finish();
}

/** Closes by hand: a resolved case ends its feedback window early; an open case is resolved and closed in one step. */
export function close(c: Case, ctx: CommandContext, input: ResolveInput): Outcome {
  const m = new Mutation(c, ctx);
  transition(c, 'close', ctx.actor);
  if (c.status !== 'resolved') resolveInto(m, input);
  finalise(m);
  return m.finish();
}

/** Spam is closed at once with its method, from any status but Closed. */
export function rejectAsSpam(c: Case, ctx: CommandContext): Outcome {
  const m = new Mutation(c, ctx);
  transition(c, 'reject_spam', ctx.actor);
  m.set('wait', null).set('resolution', { method: 'rejected_spam', at: ctx.now, by: ctx.actor.id, entrySeq: null });
  finalise(m);
  return m.finish();
}

/** The customer withdraws the case ("5 ways": closed, cancelled by the customer): closed at once, with no feedback window. */
export function cancelByCustomer(c: Case, ctx: CommandContext): Outcome {
  const m = new Mutation(c, ctx);
  transition(c, 'customer_cancel', ctx.actor);
  m.set('wait', null).set('resolution', { method: 'cancelled_by_customer', at: ctx.now, by: ctx.actor.id, entrySeq: null });
  finalise(m);
  return m.finish();
}

/** Methods that reject the case rather than answer it: closed at once, and no resolution note is asked for. */
const CLOSED_AT_ONCE: readonly ResolutionMethod[] = ['rejected_spam', 'unknown_address'];

function resolveInto(m: Mutation, input: ResolveInput): void {
  const c = m.current;
  if (c.status === 'draft') {
    const missing = missingForSubmit(c, 'case');
    if (missing.length > 0) throw new ValidationError(missing);
    m.add({ type: 'description', visibility: 'public', text: c.description });
  } else {
    applyAgentUpdate(m);
  }
  const written = [input.note && writeNote(m, input.note), input.reply && writeReply(m, input.reply)].filter(
    (seq): seq is number => typeof seq === 'number',
  );
  const entrySeq = written.at(-1) ?? earlierResolutionEntry(c);
  if (entrySeq === null && m.ctx.settings.requireResolution === 'note_or_email' && !CLOSED_AT_ONCE.includes(input.method)) {
    throw new ValidationError([
      { path: 'body.note', message: 'this helpdesk requires a resolution note or e-mail: add a note or a reply' },
      { path: 'body.reply', message: 'this helpdesk requires a resolution note or e-mail: add a note or a reply' },
    ]);
  }
  m.set('status', 'resolved').set('wait', null).set('highlighted', false).set('resolution', resolution(input.method, m, entrySeq));
}

function earlierResolutionEntry(c: Case): number | null {
  const { lastAgentEntry, lastCustomerMessageAt } = c;
  if (lastAgentEntry === null) return null;
  return lastCustomerMessageAt === null || lastAgentEntry.at >= lastCustomerMessageAt ? lastAgentEntry.seq : null;
}

function resolution(method: ResolutionMethod, m: Mutation, entrySeq: number | null) {
  return { method, at: m.ctx.now, by: m.ctx.actor.id, entrySeq };
}

/** Closed: final, no timer, into the archive. */
export function finalise(m: Mutation): void {
  m.set('status', 'closed').set('closedAt', m.ctx.now).set('highlighted', false);
  clearTimer(m);
}
