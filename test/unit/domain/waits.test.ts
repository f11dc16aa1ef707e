import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../functions/domain/errors.ts';
import { cancelWait, setWait } from '../../../functions/domain/waits.ts';
import { aCase, agent, ctx } from '../../fixtures/cases.ts';

const working = aCase({ status: 'in_progress', assigneeId: 'agent-ala', highlighted: true });

describe('setWait', () => {
  it('waits N days for more information and arms the wait timer', () => {
    const { case: next } = setWait(working, ctx(agent('agent-ala')), { kind: 'more_info', days: 5, closeIfNoReply: true });

    expect(next).toMatchObject({
      status: 'waiting',
      highlighted: false,
      wait: { kind: 'more_info', days: 5, closeIfNoReply: true, until: '2026-11-30T09:00:00.000Z' },
      timer: { purpose: 'wait', dueAt: '2026-11-30T09:00:00.000Z', generation: 1 },
    });
  });

  it('waits for a follow-up date', () => {
    const { case: next } = setWait(working, ctx(agent('agent-ala')), { kind: 'follow_up', until: '2026-12-01T10:30:00+01:00' });

    expect(next.wait).toEqual({ kind: 'follow_up', until: '2026-12-01T09:30:00.000Z' });
    expect(next.timer?.dueAt).toBe('2026-12-01T09:30:00.000Z');
  });

  it('refuses a follow-up date in the past, naming the field', () => {
    const act = () => setWait(working, ctx(agent('agent-ala')), { kind: 'follow_up', until: '2026-11-25T08:59:59Z' });

    expect(act).toThrow(ValidationError);
    expect(act).toThrow(/body.until: must be in the future/);
  });

  it('replacing a wait bumps the timer generation', () => {
    const first = setWait(working, ctx(agent('agent-ala')), { kind: 'more_info', days: 1, closeIfNoReply: false }).case;

    const { case: second } = setWait(first, ctx(agent('agent-ala')), { kind: 'more_info', days: 2, closeIfNoReply: false });

    expect(second.timer?.generation).toBe(2);
  });

  it('assigns an unassigned To Do case to the agent who parks it', () => {
    const { case: next } = setWait(aCase(), ctx(agent('agent-ala')), { kind: 'more_info', days: 1, closeIfNoReply: false });

    expect(next.assigneeId).toBe('agent-ala');
  });
});

describe('cancelWait', () => {
  it('returns the case to In Progress with no timer', () => {
    const waiting = setWait(working, ctx(agent('agent-ala')), { kind: 'more_info', days: 1, closeIfNoReply: false }).case;

    const { case: next } = cancelWait(waiting, ctx(agent('agent-ala')));

    expect(next).toMatchObject({ status: 'in_progress', wait: null, timer: null, timerGeneration: 1 });
  });
});
