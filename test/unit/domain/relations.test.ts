import { describe, expect, it } from 'vitest';
import { ForbiddenError, InvalidTransitionError, ValidationError } from '../../../functions/domain/errors.ts';
import { labelsOf } from '../../../functions/domain/labels.ts';
import { placementOf } from '../../../functions/domain/queues.ts';
import { hasJustFinished, relatedCaseFinished } from '../../../functions/domain/related-case-finished.ts';
import { spawn, SpawnInputSchema } from '../../../functions/domain/spawn.ts';
import { MAX_SPLIT_CASES, split, SplitInputSchema } from '../../../functions/domain/split.ts';
import { aCase, agent, ctx, NOW, robot, settings, system } from '../../fixtures/cases.ts';

const later = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
const working = aCase({ status: 'answered', assigneeId: 'agent-ala', entryCount: 4, customerId: 'cust-1', timer: { purpose: 'auto_close', dueAt: later(60), generation: 1 }, timerGeneration: 1 });
const ids = [
  { id: 'child-a', number: 2001 },
  { id: 'child-b', number: 2002 },
];
const splitInput = SplitInputSchema.parse({
  cases: [
    { title: 'Refund the second charge', description: 'Charged twice in October', entries: [1, 3], assigneeId: 'agent-ewa' },
    { title: 'Fix the invoice address', description: 'Street is wrong', category: 'data' },
  ],
});

describe('splitting a case', () => {
  it('makes the new cases with their own fields, the customer and contacts of the original, a link back and a reference to the chosen entries', () => {
    const { created } = split(working, ctx(agent('agent-ala')), splitInput, ids);

    expect(created.map((o) => o.case)).toEqual([
      expect.objectContaining({
        id: 'child-a', number: 2001, title: 'Refund the second charge', status: 'new', assigneeId: 'agent-ewa', delegatedBy: 'agent-ala',
        category: 'billing', customerId: 'cust-1', contacts: working.contacts, links: [{ kind: 'split_from', caseId: working.id, number: working.number }],
      }),
      expect.objectContaining({ id: 'child-b', status: 'new', assigneeId: null, category: 'data', inbox: working.inbox }),
    ]);
    expect(created[0]!.entries).toEqual([
      expect.objectContaining({ seq: 1, type: 'description', text: 'Charged twice in October' }),
      expect.objectContaining({ seq: 2, type: 'related_entries', relation: 'split_from', caseId: working.id, caseNumber: 1042, seqs: [1, 3] }),
    ]);
  });

  it('puts the original to wait for them, without a timer, out of the inbox and into owned work, linked to each', () => {
    const { original } = split(working, ctx(agent('agent-ala')), splitInput, ids);

    expect(original.case).toMatchObject({ status: 'waiting', wait: { kind: 'split', since: NOW }, timer: null, highlighted: false });
    expect(original.case.links).toEqual([
      { kind: 'split_into', caseId: 'child-a', number: 2001 },
      { kind: 'split_into', caseId: 'child-b', number: 2002 },
    ]);
    expect(placementOf(original.case)).toEqual({ queue: 'waiting', owner: 'agent-ala', sortAt: NOW });
    expect(labelsOf(original.case, settings()).enate).toBe('Resolved – split request');
    expect(original.entries.map((entry) => entry.type)).toEqual(['system', 'field_change']);
  });

  it('takes an unassigned case for the agent who splits it', () => {
    expect(split(aCase({ entryCount: 3 }), ctx(agent('agent-ala')), splitInput, ids).original.case.assigneeId).toBe('agent-ala');
  });

  it('refuses an entry the original does not have, with its path; fewer than two cases or more than the limit; a robot; a closed case', () => {
    const tooFar = SplitInputSchema.parse({ cases: [{ title: 't', description: 'd', entries: [5] }, { title: 't', description: 'd' }] });
    const many = { cases: Array.from({ length: MAX_SPLIT_CASES + 1 }, () => ({ title: 't', description: 'd' })) };

    expect(() => split(working, ctx(), tooFar, ids)).toThrow(ValidationError);
    expect(SplitInputSchema.safeParse({ cases: [{ title: 't', description: 'd' }] }).success).toBe(false);
    expect(SplitInputSchema.safeParse(many).success).toBe(false);
    expect(() => split(working, ctx(robot()), splitInput, ids)).toThrow(ForbiddenError);
    expect(() => split(aCase({ status: 'closed', closedAt: NOW, resolution: { method: 'rejected', at: NOW, by: 'x', entrySeq: null } }), ctx(), splitInput, ids)).toThrow(InvalidTransitionError);
  });
});

describe('the end of a split', () => {
  const waiting = split(working, ctx(agent('agent-ala')), splitInput, ids).original.case;
  const finish = (c: typeof waiting, id: string, status: 'resolved' | 'closed' = 'resolved', minutes = 1) =>
    relatedCaseFinished(c, ctx(system(), { now: later(minutes) }), { id, number: id === 'child-a' ? 2001 : 2002, status });

  it('resolves the original as "split (completed)" only after its last case, exactly once', () => {
    const afterA = finish(waiting, 'child-a')!.case;
    const afterB = finish(afterA, 'child-b', 'closed', 2)!;

    expect(afterA).toMatchObject({ status: 'waiting', wait: { kind: 'split' } });
    expect(afterA.links.find((l) => l.caseId === 'child-a')).toMatchObject({ finishedAt: later(1) });
    expect(afterB.case).toMatchObject({ status: 'resolved', wait: null, resolution: { method: 'split', at: later(2) }, timer: { purpose: 'feedback_window' } });
    expect(labelsOf(afterB.case, settings()).enate).toBe('Resolved – split (completed)');
    expect(finish(afterB.case, 'child-b', 'closed', 3)).toBeNull();
    expect(finish(afterA, 'child-a', 'closed', 3)).toBeNull();
  });

  it('only records the end when the original no longer waits for the split (an agent ended the wait)', () => {
    const resumed = { ...waiting, status: 'in_progress' as const, wait: null };

    const outcome = finish(finish(resumed, 'child-a')!.case, 'child-b')!;

    expect(outcome.case).toMatchObject({ status: 'in_progress', resolution: null });
    expect(outcome.case.links.every((l) => l.finishedAt !== undefined)).toBe(true);
  });

  it('closes at once when the tenant has no feedback window', () => {
    const afterA = finish(waiting, 'child-a')!.case;

    const outcome = relatedCaseFinished(afterA, ctx(system(), { settings: settings({ feedbackWindow: 'PT0S' }) }), { id: 'child-b', number: 2002, status: 'resolved' })!;

    expect(outcome.case).toMatchObject({ status: 'closed', timer: null, resolution: { method: 'split' } });
  });

  it('ignores a case it has no waiting link to, and is for the helpdesk only', () => {
    expect(finish(waiting, 'someone-else')).toBeNull();
    expect(() => relatedCaseFinished(waiting, ctx(agent()), { id: 'child-a', number: 2001, status: 'resolved' })).toThrow(ForbiddenError);
  });

  it('counts as an end only the step into Resolved or Closed', () => {
    expect(hasJustFinished({ status: 'in_progress' }, { status: 'resolved' })).toBe(true);
    expect(hasJustFinished({ status: 'waiting' }, { status: 'closed' })).toBe(true);
    expect(hasJustFinished({ status: 'resolved' }, { status: 'closed' })).toBe(false);
    expect(hasJustFinished({ status: 'resolved' }, { status: 'resolved' })).toBe(false);
    expect(hasJustFinished({ status: 'new' }, { status: 'in_progress' })).toBe(false);
  });
});

describe('starting a linked case', () => {
  const input = (wait: boolean) => SpawnInputSchema.parse({ title: 'Replace the router', description: 'Field team, please', inbox: 'field@acme.example', wait });

  it('links both ways; without waiting the original keeps its status and timer', () => {
    const { original, created } = spawn(working, ctx(agent('agent-ala')), input(false), ids[0]!);

    expect(created.case).toMatchObject({ status: 'new', inbox: 'field@acme.example', links: [{ kind: 'spawned_from', caseId: working.id, number: 1042 }] });
    expect(original.case).toMatchObject({ status: 'answered', timer: working.timer, links: [{ kind: 'spawned', caseId: 'child-a', number: 2001 }] });
  });

  it('waiting, the original leaves the inbox without a timer, and comes back highlighted (not resolved) when the new case ends', () => {
    const { original } = spawn(working, ctx(agent('agent-ala')), input(true), ids[0]!);

    const back = relatedCaseFinished(original.case, ctx(system(), { now: later(5) }), { id: 'child-a', number: 2001, status: 'closed' })!;

    expect(original.case).toMatchObject({ status: 'waiting', wait: { kind: 'spawned_case', caseId: 'child-a' }, timer: null });
    expect(labelsOf(original.case, settings()).enate).toBe('Resolved – new case started');
    expect(back.case).toMatchObject({ status: 'in_progress', wait: null, highlighted: true, resolution: null, assigneeId: 'agent-ala' });
  });
});
