import { describe, expect, it } from 'vitest';
import { addNote } from '../../../functions/domain/conversation.ts';
import { MAX_TIMELINE_ENTRIES } from '../../../functions/domain/mutation.ts';
import { close, resolve } from '../../../functions/domain/resolution.ts';
import { fireTimer } from '../../../functions/domain/timer-firing.ts';
import { aCase, agent, ctx } from '../../fixtures/cases.ts';

const full = aCase({ status: 'in_progress', assigneeId: 'agent-ala', entryCount: MAX_TIMELINE_ENTRIES });
const system = { kind: 'system', id: 'timer', name: 'Timer' } as const;

describe('the timeline entry limit', () => {
  it('lets a case fill up to the limit', () => {
    const almost = { ...full, entryCount: MAX_TIMELINE_ENTRIES - 1 };

    const { case: next } = addNote(almost, ctx(agent('agent-ala')), { text: 'last one' });

    expect(next.entryCount).toBe(MAX_TIMELINE_ENTRIES);
  });

  it('refuses another note on a full case with 409 case_full', () => {
    const act = () => addNote(full, ctx(agent('agent-ala')), { text: 'one too many' });

    expect(act).toThrow(expect.objectContaining({ code: 'case_full' }));
  });

  it('still lets a full case be resolved, even with a resolution reply, and closed', () => {
    const resolved = resolve(full, ctx(agent('agent-ala')), { method: 'replied_to_customer', reply: { text: 'Done', includeHistory: false } });
    const closed = close(resolved.case, ctx(agent('agent-ala')), { method: 'replied_to_customer' });

    expect([resolved.case.status, closed.case.status]).toEqual(['resolved', 'closed']);
  });

  it('still lets a timer fire on a full case', () => {
    const waiting = { ...full, status: 'waiting' as const, wait: { kind: 'follow_up' as const, until: '2026-11-26T09:00:00.000Z' }, timer: { purpose: 'wait' as const, dueAt: '2026-11-26T09:00:00.000Z', generation: 3 }, timerGeneration: 3 };

    const fired = fireTimer(waiting, ctx(system), 3);

    expect(fired?.case.status).toBe('in_progress');
  });
});
