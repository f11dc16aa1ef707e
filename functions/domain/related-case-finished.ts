import type { Case, CaseLink } from './case.ts';
import { addDuration, durationToMillis } from './duration.ts';
import { transition } from './lifecycle.ts';
import { type CommandContext, Mutation, type Outcome } from './mutation.ts';
import { finalise } from './resolution.ts';
import { armTimer } from './timers.ts';

const WAITED_FOR: readonly CaseLink['kind'][] = ['split_into', 'spawned'];

/** Whether a case has just ended for the cases that wait on it: it entered Resolved or Closed. */
export const hasJustFinished = (before: Pick<Case, 'status'>, after: Pick<Case, 'status'>): boolean =>
  (after.status === 'resolved' || after.status === 'closed') && before.status !== 'resolved' && before.status !== 'closed';

/**
 * A case this one was split into, or started, was resolved or closed (the helpdesk runs this from
 * the table's stream). The link is marked finished once, so a second report changes nothing. The
 * last of a split's cases resolves the original ("split (completed)"); a started case the original
 * waited for brings it back to its assignee, highlighted. Null when there is nothing to record.
 */
export function relatedCaseFinished(c: Case, ctx: CommandContext, finished: Pick<Case, 'id' | 'number' | 'status'>): Outcome | null {
  const link = c.links.find((l) => WAITED_FOR.includes(l.kind) && l.caseId === finished.id);
  if (!link || link.finishedAt !== undefined) return null;
  transition(c, 'related_case_finished', ctx.actor);
  const m = new Mutation(c, ctx);
  const links = c.links.map((l) => (l === link ? { ...l, finishedAt: ctx.now } : l));
  m.set('links', links);
  m.add({ type: 'system', visibility: 'internal', event: 'related_case_finished', detail: `case #${finished.number} is ${finished.status}` });

  const splitDone = c.status === 'waiting' && c.wait?.kind === 'split' && links.filter((l) => l.kind === 'split_into').every((l) => l.finishedAt !== undefined);
  if (splitDone) {
    m.set('status', 'resolved').set('wait', null).set('resolution', { method: 'split', at: ctx.now, by: ctx.actor.id, entrySeq: null });
    if (durationToMillis(ctx.settings.feedbackWindow) === 0) finalise(m);
    else armTimer(m, 'feedback_window', addDuration(ctx.now, ctx.settings.feedbackWindow));
  }
  if (c.status === 'waiting' && c.wait?.kind === 'spawned_case' && c.wait.caseId === finished.id) {
    m.set('status', 'in_progress').set('wait', null).set('highlighted', true);
  }
  return m.finish();
}
