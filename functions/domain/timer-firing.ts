import { toActorRef } from './actor.ts';
import type { Case } from './case.ts';
import { transition } from './lifecycle.ts';
import { type CommandContext, Mutation, type Outcome } from './mutation.ts';
import { finalise } from './resolution.ts';
import type { TimelineEntry } from './timeline.ts';
import { clearTimer } from './timers.ts';

/**
 * A due timer fires. The firing names the timer generation it was armed with; when the case has
 * moved on since (a reply, a cancelled wait, a newer timer), the generation differs and the firing
 * is stale: null, nothing changes. Otherwise exactly one of these happens:
 * - a wait ends: back to the agent In Progress, highlighted; or closed as "no customer response"
 *   when the wait was set to close if nobody replies;
 * - an answered case saw no activity for the auto-close period: closed into the archive;
 * - a resolved case's feedback window passed quietly: closed.
 */
export function fireTimer(c: Case, ctx: CommandContext, generation: number): Outcome | null {
  const timer = c.timer;
  if (timer === null || timer.generation !== generation) return null;
  const m = new Mutation(c, ctx);
  const status = transition(c, 'timer_fired', ctx.actor);
  clearTimer(m);
  if (timer.purpose === 'wait' && !(c.wait?.kind === 'more_info' && c.wait.closeIfNoReply)) {
    m.set('status', status).set('wait', null).set('highlighted', true);
    const detail = c.wait?.kind === 'more_info' ? `no reply within ${c.wait.days} days` : 'follow-up date reached';
    m.add({ type: 'system', visibility: 'internal', event: 'timer_fired', detail, status: 'in_progress' });
    return m.finish();
  }
  const closing = {
    wait: { method: 'no_customer_response', detail: `no reply within ${c.wait?.kind === 'more_info' ? c.wait.days : 0} days` },
    auto_close: { method: 'replied_to_customer', detail: `no activity for ${ctx.settings.autoClosePeriod} after the answer` },
    feedback_window: { method: null, detail: `feedback window of ${ctx.settings.feedbackWindow} passed` },
  } as const;
  const { method, detail } = closing[timer.purpose];
  if (method !== null) m.set('resolution', { method, at: ctx.now, by: ctx.actor.id, entrySeq: null });
  m.set('wait', null);
  finalise(m);
  m.add({ type: 'system', visibility: 'internal', event: 'auto_closed', detail, status: 'closed' });
  return m.finish();
}

/**
 * Records on the timeline that a timer could not be applied after every retry, so the agent sees
 * it. It changes nothing else, so it is allowed in any status and is not in the transition table;
 * and it skips the invariant check on purpose: a case in a state no timer can handle is exactly
 * the one whose timeline must say so.
 */
export function recordTimerFailure(c: Case, ctx: CommandContext, failure: { purpose: string; generation: number; error: string }): Outcome {
  const detail = `the ${failure.purpose} timer (generation ${failure.generation}) could not be applied: ${failure.error}`;
  const entry: TimelineEntry = {
    type: 'system', visibility: 'internal', event: 'timer_failed', detail: detail.slice(0, 2_000),
    seq: c.entryCount + 1, at: ctx.now, actor: toActorRef(ctx.actor),
  };
  return { case: { ...c, entryCount: c.entryCount + 1, version: c.version + 1, updatedAt: ctx.now }, entries: [entry] };
}
