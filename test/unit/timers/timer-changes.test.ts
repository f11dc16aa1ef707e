import { describe, expect, it } from 'vitest';
import { timerChanges } from '../../../functions/timers/timer-changes.ts';

const timer = (generation: number) => ({ purpose: 'wait' as const, dueAt: '2026-12-01T00:00:00.000Z', generation });
const BEFORE_DUE = '2026-11-30T00:00:00.000Z';

describe('timerChanges', () => {
  it.each([
    ['a timer is armed', null, timer(1), { start: timer(1), stop: null }],
    ['a timer is replaced', timer(1), timer(2), { start: timer(2), stop: timer(1) }],
    ['a timer is cleared', timer(3), null, { start: null, stop: timer(3) }],
    ['the timer is unchanged', timer(4), timer(4), { start: null, stop: null }],
    ['there was never a timer', null, null, { start: null, stop: null }],
  ])('when %s', (_what, before, after, expected) => {
    expect(timerChanges(before, after, BEFORE_DUE)).toEqual(expected);
  });

  it('does not stop a timer that has come due: it is firing, or fired and cleared itself', () => {
    expect(timerChanges(timer(2), null, '2026-12-01T00:00:01.000Z')).toEqual({ start: null, stop: null });
  });
});
