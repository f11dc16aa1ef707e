import type { Case } from './case.ts';
import { type CommandContext, Mutation, type Outcome } from './mutation.ts';
import { armTimer } from './timers.ts';

/**
 * Re-arms a timer that is long overdue: its execution failed (the database was unreachable
 * through every retry) or never started. The new generation makes any late firing of the old one
 * a no-op, so the timer still takes effect exactly once. It is due at once; null when the case no
 * longer has that timer (it fired, or was replaced, since the overdue list was read).
 */
export function rearmOverdueTimer(c: Case, ctx: CommandContext, generation: number): Outcome | null {
  const timer = c.timer;
  if (timer === null || timer.generation !== generation) return null;
  const m = new Mutation(c, ctx);
  armTimer(m, timer.purpose, ctx.now);
  m.add({
    type: 'system',
    visibility: 'internal',
    event: 'timer_rearmed',
    detail: `the ${timer.purpose} timer due at ${timer.dueAt} had not fired; armed again to fire now`,
  });
  return m.finish();
}
