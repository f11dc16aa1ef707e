import type { Actor } from '../domain/actor.ts';
import { NotFoundError } from '../domain/errors.ts';
import { fireTimer } from '../domain/timer-firing.ts';
import { retryOnConflict } from '../shared/retry-on-conflict.ts';
import type { TimerDeps } from './timer-deps.ts';
import { TimerInputSchema } from './timer-input.ts';

export const TIMER_ACTOR: Actor = { kind: 'system', id: 'timer', name: 'Timer' };

export interface FireResult {
  outcome: 'fired' | 'stale';
  status: string;
}

/**
 * The FireTimer task. The write is conditional on the case version it read, so a timer that
 * races an agent action or a customer message yields exactly one outcome: whichever write lands
 * second re-reads and, for the timer, finds its generation stale. Errors are thrown so that
 * Step Functions retries, and at last records the failure on the case.
 */
export async function fireDueTimer(event: unknown, deps: TimerDeps): Promise<FireResult> {
  const input = TimerInputSchema.parse(event);
  return retryOnConflict(async () => {
    let current;
    try {
      current = await deps.cases.getCase(input.caseId);
    } catch (error) {
      if (error instanceof NotFoundError) return { outcome: 'stale', status: 'missing' };
      throw error;
    }
    const outcome = fireTimer(current, { actor: TIMER_ACTOR, now: deps.clock(), settings: deps.settings }, input.generation);
    if (!outcome) return { outcome: 'stale', status: current.status };
    await deps.cases.saveCase(outcome, current.version);
    return { outcome: 'fired', status: outcome.case.status };
  });
}
