import { rearmOverdueTimer } from '../domain/timer-recovery.ts';
import { logger } from '../shared/logger.ts';
import { retryOnConflict } from '../shared/retry-on-conflict.ts';
import { TIMER_ACTOR } from './fire-timer.ts';
import type { TimerDeps } from './timer-deps.ts';

export interface ReconcileResult {
  overdue: number;
  rearmed: number;
}

/**
 * The scheduled safety net under the timers. A timer overdue by more than `marginMs` (longer than
 * an execution's whole retry sequence) will not fire by itself: it is re-armed under a new
 * generation, which the table stream turns into a new execution. Running twice, or alongside a late
 * firing, is harmless: each case write is conditional on its version, and a stale generation is a
 * no-op. A case that cannot be re-armed now fails the run (so it is retried and alarmed) after the
 * others are done.
 */
export async function reconcileTimers(deps: TimerDeps, marginMs: number): Promise<ReconcileResult> {
  const now = deps.clock();
  const cutoff = new Date(Date.parse(now) - marginMs).toISOString();
  const overdue = await deps.cases.overdueTimers(cutoff);
  let rearmed = 0;
  const failures: unknown[] = [];
  for (const listed of overdue) {
    try {
      const done = await retryOnConflict(async () => {
        const current = await deps.cases.getCase(listed.id);
        const outcome = rearmOverdueTimer(current, { actor: TIMER_ACTOR, now: deps.clock(), settings: deps.settings }, listed.timer!.generation);
        if (!outcome) return false;
        await deps.cases.saveCase(outcome, current.version);
        return true;
      });
      if (done) rearmed++;
    } catch (error) {
      logger.error('could not re-arm an overdue timer', { error: error as Error, caseId: listed.id });
      failures.push(error);
    }
  }
  if (rearmed > 0) logger.warn('re-armed overdue case timers', { rearmed, cutoff });
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} of ${overdue.length} overdue timers could not be re-armed`);
  return { overdue: overdue.length, rearmed };
}
