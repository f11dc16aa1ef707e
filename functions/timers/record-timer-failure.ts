import * as z from 'zod';
import { recordTimerFailure as recordFailure } from '../domain/timer-firing.ts';
import { retryOnConflict } from '../shared/retry-on-conflict.ts';
import { TIMER_ACTOR } from './fire-timer.ts';
import type { TimerDeps } from './timer-deps.ts';
import { TimerInputSchema } from './timer-input.ts';

const FailedTimerSchema = TimerInputSchema.extend({
  error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
});

/** The RecordFailure task: the timer gave up, and the case's timeline says so. */
export async function recordTimerFailure(event: unknown, deps: TimerDeps): Promise<{ recorded: true }> {
  const input = FailedTimerSchema.parse(event);
  const error = [input.error?.Error, input.error?.Cause].filter(Boolean).join(': ') || 'unknown error';
  await retryOnConflict(async () => {
    const current = await deps.cases.getCase(input.caseId);
    const outcome = recordFailure(current, { actor: TIMER_ACTOR, now: deps.clock(), settings: deps.settings }, { ...input, error });
    await deps.cases.saveCase(outcome, current.version);
  });
  return { recorded: true };
}
