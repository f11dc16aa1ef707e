import { type Case, isTimedWait } from './case.ts';

/**
 * Lifecycle invariants every stored case satisfies. A violation is a bug in a command, so it
 * throws a plain Error (a 500), never a client error.
 */
export function invariantViolations(c: Case): string[] {
  const violations: string[] = [];
  if (c.status === 'in_progress' && c.assigneeId === null) violations.push('an In Progress case has an assignee');
  if (c.status === 'closed' && c.timer !== null) violations.push('a closed case has no pending timer');
  if (c.status === 'closed' && c.closedAt === null) violations.push('a closed case has a closing time');
  if ((c.status === 'waiting') !== (c.wait !== null)) violations.push('a case has wait details exactly when it is waiting');
  if (c.status === 'waiting' && isTimedWait(c.wait) && c.timer?.purpose !== 'wait') violations.push('a case waiting for a date has a wait timer');
  if (c.status === 'waiting' && c.wait !== null && !isTimedWait(c.wait) && c.timer !== null) {
    violations.push('a case waiting for other cases has no timer: their end brings it back');
  }
  if (c.status === 'answered' && c.timer?.purpose !== 'auto_close') violations.push('an answered case has an auto-close timer');
  const merged = c.resolution?.method === 'merged';
  if (c.status === 'resolved' && !merged && c.timer?.purpose !== 'feedback_window') violations.push('a resolved case has a feedback-window timer');
  if (c.status === 'resolved' && merged && c.timer !== null) violations.push('a merged case has no timer: it goes on in the case it was merged into');
  if (['draft', 'new', 'in_progress'].includes(c.status) && c.timer !== null) violations.push(`a ${c.status} case has no timer`);
  if ((c.status === 'resolved' || c.status === 'closed') !== (c.resolution !== null)) {
    violations.push('a case has a resolution exactly when it is resolved or closed');
  }
  if (c.timer !== null && c.timer.generation !== c.timerGeneration) violations.push('the pending timer carries the current generation');
  return violations;
}

export function assertInvariants(c: Case): void {
  const violations = invariantViolations(c);
  if (violations.length > 0) throw new Error(`case ${c.id} breaks lifecycle invariants: ${violations.join('; ')}`);
}
