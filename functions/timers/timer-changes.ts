import type { TimerRequest } from '../domain/case.ts';

export interface TimerChanges {
  start: TimerRequest | null;
  stop: TimerRequest | null;
}

/**
 * What a case change means for its timers, from the timer before and after: a new generation is
 * started, and a replaced or cleared one is stopped while it is still waiting. A timer that has
 * come due is firing or has fired (firing clears it): stopping it would only race its own
 * execution, and if the case moved on first, the firing finds its generation stale anyway.
 */
export function timerChanges(before: TimerRequest | null, after: TimerRequest | null, now: string): TimerChanges {
  const changed = before?.generation !== after?.generation;
  const stillWaiting = before !== null && Date.parse(before.dueAt) > Date.parse(now);
  return { start: changed ? after : null, stop: changed && stillWaiting ? before : null };
}
