import type { TimerRequest } from './case.ts';
import type { Mutation } from './mutation.ts';

/** Arms a new timer: the generation moves on, so any earlier firing becomes a no-op. */
export function armTimer(m: Mutation, purpose: TimerRequest['purpose'], dueAt: string): void {
  const generation = m.current.timerGeneration + 1;
  m.set('timerGeneration', generation).set('timer', { purpose, dueAt, generation });
}

export function clearTimer(m: Mutation): void {
  m.set('timer', null);
}
