import { describe, expect, it } from 'vitest';
import type { Case } from '../../../functions/domain/case.ts';
import { fireTimer } from '../../../functions/domain/timer-firing.ts';
import { rearmOverdueTimer } from '../../../functions/domain/timer-recovery.ts';
import { aCase, ctx, NOW } from '../../fixtures/cases.ts';

const system = { kind: 'system', id: 'timer', name: 'Timer' } as const;
const overdue: Case = aCase({
  status: 'waiting',
  assigneeId: 'agent-ala',
  wait: { kind: 'follow_up', until: '2026-11-25T08:00:00.000Z' },
  timer: { purpose: 'wait', dueAt: '2026-11-25T08:00:00.000Z', generation: 4 },
  timerGeneration: 4,
  entryCount: 6,
  version: 9,
});

describe('rearmOverdueTimer', () => {
  it('arms the same timer under a new generation, due now, and says so on the timeline', () => {
    const outcome = rearmOverdueTimer(overdue, ctx(system), 4)!;

    expect(outcome.case).toMatchObject({ status: 'waiting', timer: { purpose: 'wait', dueAt: NOW, generation: 5 }, timerGeneration: 5, version: 10 });
    expect(outcome.entries).toMatchObject([
      { seq: 7, type: 'system', event: 'timer_rearmed', detail: expect.stringContaining('due at 2026-11-25T08:00:00.000Z') },
    ]);
  });

  it('makes the old generation stale, so only the new one fires', () => {
    const rearmed = rearmOverdueTimer(overdue, ctx(system), 4)!.case;

    expect(fireTimer(rearmed, ctx(system), 4)).toBeNull();
    expect(fireTimer(rearmed, ctx(system), 5)?.case.status).toBe('in_progress');
  });

  it.each([
    ['the timer fired meanwhile', { ...overdue, timer: null }],
    ['a newer timer replaced it', { ...overdue, timer: { ...overdue.timer!, generation: 5 }, timerGeneration: 5 }],
  ])('does nothing when %s', (_why, current) => {
    expect(rearmOverdueTimer(current, ctx(system), 4)).toBeNull();
  });
});
