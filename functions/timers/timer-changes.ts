import type { TimerRequest } from '../domain/case.ts';

export interface TimerChanges {
  start: TimerRequest | null;
  stop: TimerRequest | null;
}

/**
 * What a case change means for its timers, from the timer before and after: a new generation is
 * started, a replaced or cleared one is stopped. Anything else (same generation) needs nothing.
 */
export function timerChanges(before: TimerRequest | null, after: TimerRequest | null): TimerChanges {
  const changed = before?.generation !== after?.generation;
  return { start: changed ? after : null, stop: changed ? before : null };
}
