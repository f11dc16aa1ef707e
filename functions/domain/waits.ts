import type { Case, Wait } from './case.ts';
import { applyAgentUpdate } from './assignment.ts';
import { addDays } from './duration.ts';
import { ValidationError } from './errors.ts';
import { transition } from './lifecycle.ts';
import { type CommandContext, Mutation, type Outcome } from './mutation.ts';
import type { WaitInput } from './requests.ts';
import { armTimer, clearTimer } from './timers.ts';

/**
 * Puts the case on hold: "more information" for N days (optionally closing when nobody replies)
 * or "follow-up" until a date. The case moves from the agent's inbox to their owned work; setting
 * a wait on a waiting case replaces the wait and re-arms the timer.
 */
export function setWait(c: Case, ctx: CommandContext, input: WaitInput): Outcome {
  const m = new Mutation(c, ctx);
  const status = transition(c, 'set_wait', ctx.actor);
  const wait: Wait =
    input.kind === 'more_info'
      ? { kind: 'more_info', days: input.days, closeIfNoReply: input.closeIfNoReply, until: addDays(ctx.now, input.days) }
      : { kind: 'follow_up', until: new Date(input.until).toISOString() };
  if (Date.parse(wait.until) <= Date.parse(ctx.now)) {
    throw new ValidationError([{ path: 'body.until', message: 'must be in the future' }]);
  }
  applyAgentUpdate(m);
  m.set('status', status).set('wait', wait).set('highlighted', false);
  armTimer(m, 'wait', wait.until);
  return m.finish();
}

/** Ends a wait by hand: the case is back In Progress with its assignee. */
export function cancelWait(c: Case, ctx: CommandContext): Outcome {
  const m = new Mutation(c, ctx);
  const status = transition(c, 'cancel_wait', ctx.actor);
  applyAgentUpdate(m);
  m.set('status', status).set('wait', null);
  clearTimer(m);
  return m.finish();
}
