import { describe, expect, it } from 'vitest';
import type { Case } from '../../../functions/domain/case.ts';
import { receiveCustomerMessage, writeReply } from '../../../functions/domain/conversation.ts';
import { ForbiddenError, InvalidTransitionError, ValidationError } from '../../../functions/domain/errors.ts';
import { invariantViolations } from '../../../functions/domain/invariants.ts';
import { labelsOf } from '../../../functions/domain/labels.ts';
import { allowedCommands } from '../../../functions/domain/lifecycle.ts';
import { merge, mergedInto, mergeTargetClosed, unmerge } from '../../../functions/domain/merge.ts';
import { Mutation } from '../../../functions/domain/mutation.ts';
import { aCase, agent, ctx, NOW, robot, settings, system } from '../../fixtures/cases.ts';

const later = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
const jan = { email: 'jan@example.com', name: 'Jan Kowalski' };
const ewa = { email: 'ewa@example.com', name: 'Ewa Nowak' };
const source = aCase({
  id: 'source', number: 7, status: 'answered', assigneeId: 'agent-ala', entryCount: 5,
  contacts: { primaryContact: ewa, requester: jan },
  timer: { purpose: 'auto_close', dueAt: later(60), generation: 3 }, timerGeneration: 3,
});
const target = aCase({ id: 'target', number: 9, status: 'in_progress', assigneeId: 'agent-ewa', entryCount: 2, contacts: { primaryContact: jan, requester: jan } });

describe('merging a case into another', () => {
  it('resolves the source as "merged" with no timer, linked to the target with what an unmerge gives back', () => {
    const { source: merged } = merge(source, target, ctx(agent('agent-ala')), [1, 3]);

    expect(merged.case).toMatchObject({ status: 'resolved', wait: null, timer: null, highlighted: false, resolution: { method: 'merged', at: NOW, by: 'agent-ala' } });
    expect(merged.case.links).toEqual([
      { kind: 'merged_into', caseId: 'target', number: 9, restore: { status: 'answered', wait: null, timer: { purpose: 'auto_close', dueAt: later(60) } } },
    ]);
    expect(mergedInto(merged.case)).toEqual(merged.case.links[0]);
    expect(invariantViolations(merged.case)).toEqual([]);
    expect(labelsOf(merged.case, settings()).enate).toBe('Resolved – updated an existing request');
    expect(merged.entries).toEqual([
      expect.objectContaining({ type: 'system', event: 'merged', detail: 'merged into #9' }),
      expect.objectContaining({ type: 'field_change' }),
    ]);
  });

  it("shows the source's public entries on the target by reference, links back and takes the source's people the target does not reach in copy", () => {
    const { target: joined } = merge(source, target, ctx(agent('agent-ala')), [1, 3]);

    expect(joined.case.status).toBe('in_progress');
    expect(joined.case.assigneeId).toBe('agent-ewa');
    expect(joined.case.links).toEqual([{ kind: 'merged_from', caseId: 'source', number: 7 }]);
    expect(joined.case.contacts).toEqual({ primaryContact: jan, requester: jan, cc: [ewa] });
    expect(joined.entries).toEqual([
      expect.objectContaining({ seq: 3, type: 'related_entries', relation: 'merged_from', caseId: 'source', caseNumber: 7, seqs: [1, 3] }),
      expect.objectContaining({ seq: 4, type: 'system', event: 'merged', detail: 'case #7 was merged into this one' }),
      expect.objectContaining({ seq: 5, type: 'field_change' }),
    ]);
  });

  it('sends a reply on the target to its primary contact and, in the same message, to the people it took in copy', () => {
    const { target: joined } = merge(source, target, ctx(agent('agent-ala')), []);
    const m = new Mutation(joined.case, ctx(agent('agent-ewa')));

    writeReply(m, { text: 'Both questions answered', includeHistory: true });

    expect(m.finish().entries[0]).toMatchObject({ type: 'reply', to: ['jan@example.com', 'ewa@example.com'] });
  });

  it('adds no contact twice, whatever the case of the address', () => {
    const same = aCase({ ...source, contacts: { primaryContact: { email: 'JAN@example.com' }, requester: null } });

    expect(merge(same, target, ctx(agent('agent-ala')), []).target.case.contacts.cc).toBeUndefined();
  });

  it('refuses a merge into itself (400 on body.into), into a closed case or a merged one, from a draft or closed case, and a robot', () => {
    const merged = merge(source, target, ctx(agent('agent-ala')), []).source.case;

    expect(() => merge(source, source, ctx(agent('agent-ala')), [])).toThrow(ValidationError);
    expect(() => merge(source, aCase({ ...target, status: 'closed', resolution: { method: 'replied_to_customer', at: NOW, by: 'x', entrySeq: null }, closedAt: NOW }), ctx(agent()), [])).toThrow(InvalidTransitionError);
    expect(() => merge(target, merged, ctx(agent()), [])).toThrow(/was itself merged into another case: merge into that one/);
    expect(() => merge(aCase({ ...source, status: 'draft', timer: null }), target, ctx(agent()), [])).toThrow(InvalidTransitionError);
    expect(() => merge(source, target, ctx(robot()), [])).toThrow(ForbiddenError);
  });

  it('refuses to merge a case waiting for the cases it was split into or started', () => {
    const splitting = aCase({ ...source, status: 'waiting', wait: { kind: 'split', since: NOW }, timer: null });

    expect(() => merge(splitting, target, ctx(agent()), [])).toThrow(/waits for related cases/);
  });

  it('lets a chain form (the target merged on) but never a cycle: a merged source can no longer be a target', () => {
    const first = merge(source, target, ctx(agent()), []);
    const third = aCase({ id: 'third', number: 11, status: 'in_progress', assigneeId: 'agent-ala' });
    const second = merge(first.target.case, third, ctx(agent()), []);

    expect(mergedInto(second.source.case)?.caseId).toBe('third');
    expect(() => merge(third, first.source.case, ctx(agent()), [])).toThrow(InvalidTransitionError);
    expect(() => merge(third, second.source.case, ctx(agent()), [])).toThrow(InvalidTransitionError);
  });

  it('offers unmerge, not reopen, on a merged case', () => {
    const merged = merge(source, target, ctx(agent('agent-ala')), []).source.case;

    expect(allowedCommands(merged, agent('agent-ala'), settings())).toContain('unmerge');
    expect(allowedCommands(merged, agent('agent-ala'), settings())).not.toContain('reopen');
    expect(allowedCommands(source, agent('agent-ala'), settings())).not.toContain('unmerge');
  });
});

describe('undoing a merge', () => {
  const merged = merge(source, target, ctx(agent('agent-ala')), [1]);

  it('gives the source back its status and timer (a generation on), highlighted, without the link; the target keeps what it took', () => {
    const { source: back, target: left } = unmerge(merged.source.case, merged.target.case, ctx(agent('agent-ala'), { now: later(10) }));

    expect(back.case).toMatchObject({
      status: 'answered', resolution: null, highlighted: true, links: [],
      timer: { purpose: 'auto_close', dueAt: later(60), generation: 4 }, timerGeneration: 4,
    });
    expect(invariantViolations(back.case)).toEqual([]);
    expect(left.case.links).toEqual([]);
    expect(left.case.contacts.cc).toEqual([ewa]);
    expect(left.entries[0]).toMatchObject({ type: 'system', event: 'unmerged', detail: 'case #7 was taken out again' });
  });

  it('fires a timer that came due meanwhile at once', () => {
    const { source: back } = unmerge(merged.source.case, merged.target.case, ctx(agent(), { now: later(120) }));

    expect(back.case.timer).toEqual({ purpose: 'auto_close', dueAt: later(120), generation: 4 });
  });

  it('gives back a wait for a date', () => {
    const waiting = aCase({ ...source, status: 'waiting', wait: { kind: 'follow_up', until: later(600) }, timer: { purpose: 'wait', dueAt: later(600), generation: 3 } });
    const { source: away, target: joined } = merge(waiting, target, ctx(agent('agent-ala')), []);

    const back = unmerge(away.case, joined.case, ctx(agent('agent-ala'), { now: later(5) })).source.case;

    expect(back).toMatchObject({ status: 'waiting', wait: { kind: 'follow_up', until: later(600) }, timer: { purpose: 'wait', dueAt: later(600) } });
  });

  it('is refused once the feedback window has passed, on a case not merged, and to a robot', () => {
    const threeDays = later(3 * 24 * 60);

    expect(() => unmerge(merged.source.case, merged.target.case, ctx(agent(), { now: threeDays }))).toThrow(/only within the feedback window \(P3D\)/);
    expect(() => unmerge(source, target, ctx(agent()))).toThrow(InvalidTransitionError);
    expect(() => unmerge(merged.source.case, merged.target.case, ctx(robot()))).toThrow(ForbiddenError);
  });
});

describe('closing the target', () => {
  const merged = merge(source, target, ctx(agent('agent-ala')), []);
  const closedTarget: Pick<Case, 'id' | 'number'> = { id: 'target', number: 9 };

  it('closes a case merged into it, once', () => {
    const closed = mergeTargetClosed(merged.source.case, ctx(system()), closedTarget);

    expect(closed?.case).toMatchObject({ status: 'closed', closedAt: NOW, timer: null, resolution: { method: 'merged' } });
    expect(invariantViolations(closed!.case)).toEqual([]);
    expect(mergeTargetClosed(closed!.case, ctx(system()), closedTarget)).toBeNull();
  });

  it('leaves a case that was taken out again, or merged elsewhere', () => {
    const back = unmerge(merged.source.case, merged.target.case, ctx(agent('agent-ala'))).source.case;

    expect(mergeTargetClosed(back, ctx(system()), closedTarget)).toBeNull();
    expect(mergeTargetClosed(merged.source.case, ctx(system()), { id: 'other', number: 12 })).toBeNull();
  });
});

describe('undoing the merge of a To Do case', () => {
  it('gives it back To Do, not In Progress: undoing is not work on the case', () => {
    const todo = aCase({ id: 'todo', number: 8, status: 'new', assigneeId: 'agent-ala' });
    const { source: away, target: joined } = merge(todo, target, ctx(agent('agent-ewa')), []);

    expect(unmerge(away.case, joined.case, ctx(agent('agent-ala'))).source.case).toMatchObject({ status: 'new', assigneeId: 'agent-ala', highlighted: true });
  });
});

describe('what the console may offer on a merged case', () => {
  it('offers the undo within the feedback window only, and says why after it', () => {
    const merged = merge(source, target, ctx(agent('agent-ala')), []).source.case;
    const inTime = later(3 * 24 * 60 - 1);
    const tooLate = later(3 * 24 * 60);

    expect(allowedCommands(merged, agent('agent-ala'), settings(), inTime)).toContain('unmerge');
    expect(allowedCommands(merged, agent('agent-ala'), settings(), tooLate)).not.toContain('unmerge');
    expect(() => unmerge(merged, target, ctx(agent('agent-ala'), { now: tooLate }))).toThrow(/which ended 2026-11-28T09:00:00.000Z/);
  });
});

describe("a merged case's messages", () => {
  const merged = merge(source, target, ctx(agent('agent-ala')), []).source.case;

  it('are refused on it, so the caller takes them to the case it was merged into', () => {
    expect(() => receiveCustomerMessage(merged, ctx(system()), { text: 'Any news?', channel: 'email', from: null })).toThrow(/merged into another: its messages go there/);
  });

  it('still lead to its target once both are closed', () => {
    const closed = mergeTargetClosed(merged, ctx(system()), { id: 'target', number: 9 })!.case;

    expect(mergedInto(closed)?.caseId).toBe('target');
  });
});
