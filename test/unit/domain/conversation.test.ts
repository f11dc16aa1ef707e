import { describe, expect, it } from 'vitest';
import { addNote, addReply, receiveCustomerMessage, startReply } from '../../../functions/domain/conversation.ts';
import { agentLabel } from '../../../functions/domain/labels.ts';
import { InvalidTransitionError } from '../../../functions/domain/errors.ts';
import { aCase, agent, ctx, customer, settings } from '../../fixtures/cases.ts';

const reply = { text: 'We refunded the second charge.', includeHistory: false };
const waiting = aCase({
  status: 'waiting', assigneeId: 'agent-ala', timerGeneration: 2,
  wait: { kind: 'more_info', days: 3, closeIfNoReply: true, until: '2026-11-28T09:00:00.000Z' },
  timer: { purpose: 'wait', dueAt: '2026-11-28T09:00:00.000Z', generation: 2 },
});

describe('addNote', () => {
  it('records an internal note and leaves the timer of an answered case alone', () => {
    const answered = aCase({
      status: 'answered', assigneeId: 'agent-ala', timerGeneration: 1,
      timer: { purpose: 'auto_close', dueAt: '2026-11-28T09:00:00.000Z', generation: 1 },
    });

    const { case: next, entries } = addNote(answered, ctx(agent('agent-ala')), { text: 'Customer is a VIP', templateId: 'vip' });

    expect(entries).toMatchObject([{ type: 'note', visibility: 'internal', text: 'Customer is a VIP', templateId: 'vip', seq: 2 }]);
    expect(next.timer).toEqual(answered.timer);
    expect(next.lastAgentEntry).toEqual({ seq: 2, at: '2026-11-25T09:00:00.000Z' });
  });

  it('is refused on a closed case', () => {
    expect(() => addNote(aCase({ status: 'closed' }), ctx(), { text: 'late' })).toThrow(InvalidTransitionError);
  });
});

describe('addReply', () => {
  it('makes the case Answered and arms the auto-close timer for the tenant period', () => {
    const c = aCase({ status: 'in_progress', assigneeId: 'agent-ala' });

    const { case: next, entries } = addReply(c, ctx(agent('agent-ala'), { settings: settings({ autoClosePeriod: 'P2DT12H' }) }), reply);

    expect(next).toMatchObject({
      status: 'answered',
      timer: { purpose: 'auto_close', dueAt: '2026-11-27T21:00:00.000Z', generation: 1 },
      timerGeneration: 1,
    });
    expect(entries[0]).toMatchObject({ type: 'reply', visibility: 'public', to: ['jan@example.com'], delivery: 'queued', fromMailbox: 'support@acme.example' });
  });

  it('ends a wait and re-arms the timer with a new generation', () => {
    const { case: next } = addReply(waiting, ctx(agent('agent-ala')), reply);

    expect(next).toMatchObject({ status: 'answered', wait: null, timer: { purpose: 'auto_close', generation: 3 } });
  });

  it('takes an unassigned case for the replying agent', () => {
    const { case: next } = addReply(aCase(), ctx(agent('agent-ala')), reply);

    expect(next).toMatchObject({ status: 'answered', assigneeId: 'agent-ala' });
  });

  it('fills an empty draft title and description from the e-mail and keeps the draft', () => {
    const draft = aCase({ status: 'draft', title: '', description: '', assigneeId: 'agent-ala' });

    const { case: next } = addReply(draft, ctx(agent('agent-ala')), { ...reply, subject: 'Your refund' });

    expect(next).toMatchObject({ status: 'draft', title: 'Your refund', description: reply.text, timer: null });
  });
});

describe('startReply', () => {
  it('moves the assignee\'s New case In Progress, which the agent sees as OPEN, and records the change only', () => {
    const c = aCase({ assigneeId: 'agent-ala' });

    const outcome = startReply(c, ctx(agent('agent-ala')));

    expect(outcome?.case).toMatchObject({ status: 'in_progress', assigneeId: 'agent-ala', version: c.version + 1 });
    expect(agentLabel(outcome!.case)).toBe('OPEN');
    expect(outcome?.entries).toMatchObject([{ type: 'field_change', visibility: 'internal', changes: [{ field: 'status', from: 'new', to: 'in_progress' }] }]);
  });

  it('takes an unassigned New case for the agent, as any first update does', () => {
    const outcome = startReply(aCase(), ctx(agent('agent-ala')));

    expect(outcome?.case).toMatchObject({ status: 'in_progress', assigneeId: 'agent-ala', delegatedBy: null });
  });

  it('takes a colleague\'s New case only under the "any action" policy', () => {
    const c = aCase({ assigneeId: 'agent-ewa', delegatedBy: 'agent-ola' });

    const outcome = startReply(c, ctx(agent('agent-ala'), { settings: settings({ assignmentPolicy: 'any_action' }) }));

    expect(outcome?.case).toMatchObject({ status: 'in_progress', assigneeId: 'agent-ala', delegatedBy: null });
  });

  it.each([
    ['a colleague\'s New case', aCase({ assigneeId: 'agent-ewa' })],
    ['a draft case', aCase({ status: 'draft', assigneeId: 'agent-ala' })],
    ['an In Progress case', aCase({ status: 'in_progress', assigneeId: 'agent-ala' })],
    ['an answered case', aCase({ status: 'answered', assigneeId: 'agent-ala' })],
    ['a closed case', aCase({ status: 'closed', assigneeId: 'agent-ala', closedAt: '2026-11-24T10:00:00.000Z' })],
  ])('changes nothing on %s, so only the draft is saved', (_name, c) => {
    expect(startReply(c, ctx(agent('agent-ala')))).toBeNull();
  });
});

describe('receiveCustomerMessage', () => {
  const message = { text: 'Here is the invoice number', channel: 'email' as const, from: 'jan@example.com' };

  it.each([
    ['waiting', waiting],
    ['answered', aCase({ status: 'answered', assigneeId: 'agent-ala', timerGeneration: 1, timer: { purpose: 'auto_close', dueAt: '2026-11-28T09:00:00.000Z', generation: 1 } })],
  ])('brings a %s case back In Progress, highlighted, timer cancelled', (_status, c) => {
    const { case: next } = receiveCustomerMessage(c, ctx(customer()), message);

    expect(next).toMatchObject({ status: 'in_progress', highlighted: true, timer: null, wait: null, assigneeId: 'agent-ala' });
  });

  it('reopens a resolved case to its last assignee', () => {
    const resolved = aCase({
      status: 'resolved', assigneeId: 'agent-ala', timerGeneration: 1,
      resolution: { method: 'replied_to_customer', at: '2026-11-25T08:00:00.000Z', by: 'agent-ala', entrySeq: null },
      timer: { purpose: 'feedback_window', dueAt: '2026-11-28T08:00:00.000Z', generation: 1 },
    });

    const { case: next, entries } = receiveCustomerMessage(resolved, ctx(customer()), message);

    expect(next).toMatchObject({ status: 'in_progress', assigneeId: 'agent-ala', resolution: null, highlighted: true });
    expect(entries.map((e) => e.type)).toEqual(['inbound_message', 'system', 'field_change']);
  });

  it('records the message as public and from the customer', () => {
    const { entries } = receiveCustomerMessage(aCase(), ctx(customer('customer-9')), message);

    expect(entries[0]).toMatchObject({ type: 'inbound_message', visibility: 'public', actor: { kind: 'customer', id: 'customer-9' } });
  });

  it('is refused on a closed case (the mail channel opens a linked case instead)', () => {
    expect(() => receiveCustomerMessage(aCase({ status: 'closed' }), ctx(customer()), message)).toThrow(InvalidTransitionError);
  });
});
