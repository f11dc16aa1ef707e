import { describe, expect, it } from 'vitest';
import { claim, delegate, robotReject, setToDo, unassign } from '../../../functions/domain/assignment.ts';
import { addNote } from '../../../functions/domain/conversation.ts';
import { updateFields } from '../../../functions/domain/fields.ts';
import { aCase, agent, ctx, NOW, robot, settings } from '../../fixtures/cases.ts';

describe('claim', () => {
  it('takes an unassigned To Do case for the agent, who sees it as NEW', () => {
    const c = aCase();

    const { case: next } = claim(c, ctx(agent('agent-ala')));

    expect(next).toMatchObject({ status: 'new', assigneeId: 'agent-ala', delegatedBy: null, version: c.version + 1 });
  });

  it('records the assignment on the timeline as who, from, to', () => {
    const { entries } = claim(aCase(), ctx(agent('agent-ala')));

    expect(entries).toEqual([
      {
        type: 'field_change', visibility: 'internal', seq: 2, at: NOW, actor: { kind: 'agent', id: 'agent-ala', name: 'agent-ala' },
        changes: [{ field: 'assigneeId', from: null, to: 'agent-ala' }],
      },
    ]);
  });
});

describe('delegate', () => {
  it('hands the case over and remembers the delegator', () => {
    const { case: next } = delegate(aCase(), ctx(agent('agent-ala')), 'agent-ewa');

    expect(next).toMatchObject({ status: 'new', assigneeId: 'agent-ewa', delegatedBy: 'agent-ala' });
  });

  it('returns an In Progress case to To Do for its new assignee', () => {
    const c = aCase({ status: 'in_progress', assigneeId: 'agent-ala' });

    const { case: next } = delegate(c, ctx(agent('agent-ala')), 'agent-ewa');

    expect(next.status).toBe('new');
  });

  it('keeps a waiting case waiting, timer and all', () => {
    const c = aCase({
      status: 'waiting', assigneeId: 'agent-ala', timerGeneration: 1,
      wait: { kind: 'follow_up', until: '2026-12-01T10:00:00.000Z' },
      timer: { purpose: 'wait', dueAt: '2026-12-01T10:00:00.000Z', generation: 1 },
    });

    const { case: next } = delegate(c, ctx(agent('agent-ala')), 'agent-ewa');

    expect(next).toMatchObject({ status: 'waiting', wait: c.wait, timer: c.timer, assigneeId: 'agent-ewa' });
  });

  it('to oneself is a claim: no delegator', () => {
    const { case: next } = delegate(aCase(), ctx(agent('agent-ala')), 'agent-ala');

    expect(next.delegatedBy).toBeNull();
  });
});

describe('unassign', () => {
  it('sends the case back to "to assign" and ends its wait and timer', () => {
    const c = aCase({
      status: 'waiting', assigneeId: 'agent-ala', delegatedBy: 'agent-ewa', timerGeneration: 4,
      wait: { kind: 'more_info', days: 2, closeIfNoReply: false, until: '2026-11-27T09:00:00.000Z' },
      timer: { purpose: 'wait', dueAt: '2026-11-27T09:00:00.000Z', generation: 4 },
    });

    const { case: next } = unassign(c, ctx(agent('agent-ala')));

    expect(next).toMatchObject({ status: 'new', assigneeId: null, delegatedBy: null, wait: null, timer: null, timerGeneration: 4 });
  });
});

describe('setToDo', () => {
  it('lets the assignee put the case back to To Do and keep it', () => {
    const c = aCase({ status: 'in_progress', assigneeId: 'agent-ala' });

    const { case: next } = setToDo(c, ctx(agent('agent-ala')));

    expect(next).toMatchObject({ status: 'new', assigneeId: 'agent-ala' });
  });
});

describe('robotReject', () => {
  it('returns the work to To Do for a human with the reason on the timeline', () => {
    const c = aCase({ status: 'in_progress', assigneeId: 'robot-1' });

    const { case: next, entries } = robotReject(c, ctx(robot('robot-1')), 'attachment unreadable');

    expect(next).toMatchObject({ status: 'new', assigneeId: null });
    expect(entries[0]).toMatchObject({ type: 'system', event: 'rejected_by_robot', detail: 'attachment unreadable', actor: { kind: 'robot' } });
  });
});

describe('the first agent update', () => {
  it('assigns an unassigned case to the updating agent and starts it', () => {
    const { case: next } = addNote(aCase(), ctx(agent('agent-ala')), { text: 'Checking the invoice' });

    expect(next).toMatchObject({ status: 'in_progress', assigneeId: 'agent-ala' });
  });

  it('starts a claimed case when its assignee updates it', () => {
    const c = aCase({ assigneeId: 'agent-ala' });

    const { case: next } = updateFields(c, ctx(agent('agent-ala')), { priority: 'high' });

    expect(next.status).toBe('in_progress');
  });

  it('leaves someone else\'s case with its assignee by default (Enate)', () => {
    const c = aCase({ assigneeId: 'agent-ewa' });

    const { case: next } = addNote(c, ctx(agent('agent-ala')), { text: 'FYI' });

    expect(next).toMatchObject({ status: 'new', assigneeId: 'agent-ewa' });
  });

  it('moves the case to whoever acts under the "any action assigns" policy (Welyo)', () => {
    const c = aCase({ status: 'in_progress', assigneeId: 'agent-ewa', delegatedBy: 'agent-ola' });
    const welyo = ctx(agent('agent-ala'), { settings: settings({ assignmentPolicy: 'any_action' }) });

    const { case: next } = addNote(c, welyo, { text: 'Taking over' });

    expect(next).toMatchObject({ status: 'in_progress', assigneeId: 'agent-ala', delegatedBy: null });
  });

  it('does not assign a draft or a resolved case\'s status forward', () => {
    const draft = aCase({ status: 'draft', assigneeId: null });

    const { case: next } = addNote(draft, ctx(agent('agent-ala')), { text: 'draft note' });

    expect(next).toMatchObject({ status: 'draft', assigneeId: null });
  });
});
