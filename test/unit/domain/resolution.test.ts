import { describe, expect, it } from 'vitest';
import { addNote } from '../../../functions/domain/conversation.ts';
import { ValidationError } from '../../../functions/domain/errors.ts';
import { cancelByCustomer, close, rejectAsSpam, reopen, resolve } from '../../../functions/domain/resolution.ts';
import { ForbiddenError, InvalidTransitionError } from '../../../functions/domain/errors.ts';
import { aCase, agent, ctx, customer, settings } from '../../fixtures/cases.ts';

const working = aCase({ status: 'in_progress', assigneeId: 'agent-ala', entryCount: 4 });
const strict = (actor = agent('agent-ala')) => ctx(actor, { settings: settings({ requireResolution: 'note_or_email' }) });

describe('resolve', () => {
  it('resolves with the method and starts the feedback window', () => {
    const { case: next } = resolve(working, ctx(agent('agent-ala'), { settings: settings({ feedbackWindow: 'P7D' }) }), {
      method: 'no_customer_response',
    });

    expect(next).toMatchObject({
      status: 'resolved',
      resolution: { method: 'no_customer_response', by: 'agent-ala', entrySeq: null },
      timer: { purpose: 'feedback_window', dueAt: '2026-12-02T09:00:00.000Z' },
    });
  });

  it('closes at once when the feedback window is zero', () => {
    const { case: next } = resolve(working, ctx(agent('agent-ala'), { settings: settings({ feedbackWindow: 'PT0S' }) }), {
      method: 'replied_to_customer',
    });

    expect(next).toMatchObject({ status: 'closed', timer: null, closedAt: '2026-11-25T09:00:00.000Z' });
  });

  it('closes mail to an unknown address at once, without asking for a resolution note', () => {
    const { case: next } = resolve(working, strict(), { method: 'unknown_address' });

    expect(next).toMatchObject({ status: 'closed', timer: null, resolution: { method: 'unknown_address' } });
  });

  it('sends and resolves in one step, marking the reply as the resolution', () => {
    const { case: next, entries } = resolve(working, strict(), {
      method: 'replied_to_customer',
      reply: { text: 'Done, refund issued.', includeHistory: true },
    });

    expect(entries[0]).toMatchObject({ type: 'reply', seq: 5 });
    expect(next.resolution?.entrySeq).toBe(5);
  });

  it('requires a note or e-mail when the tenant says so, naming both fields', () => {
    const act = () => resolve(working, strict(), { method: 'replied_to_customer' });

    expect(act).toThrow(ValidationError);
    expect(act).toThrow(/body.note: .*; body.reply: /);
  });

  it('counts a note written just before resolving as the resolution', () => {
    const noted = addNote(working, strict(), { text: 'Root cause: duplicate webhook' }).case;

    const { case: next } = resolve(noted, strict(), { method: 'replied_to_customer' });

    expect(next.resolution?.entrySeq).toBe(noted.lastAgentEntry?.seq);
  });

  it('does not count a note older than the customer\'s latest message', () => {
    const stale = aCase({
      ...working,
      lastAgentEntry: { seq: 3, at: '2026-11-24T10:00:00.000Z' },
      lastCustomerMessageAt: '2026-11-24T11:00:00.000Z',
    });

    expect(() => resolve(stale, strict(), { method: 'replied_to_customer' })).toThrow(ValidationError);
  });

  it('resolves a complete draft at first contact, recording its description', () => {
    const draft = aCase({ status: 'draft', assigneeId: 'agent-ala', entryCount: 0 });

    const { case: next, entries } = resolve(draft, ctx(agent('agent-ala')), { method: 'replied_to_customer' });

    expect(next.status).toBe('resolved');
    expect(entries[0]).toMatchObject({ type: 'description', seq: 1 });
  });

  it('refuses an incomplete draft with its missing fields', () => {
    const draft = aCase({ status: 'draft', category: null });

    expect(() => resolve(draft, ctx(), { method: 'replied_to_customer' })).toThrow(/case.category/);
  });
});

describe('reopen', () => {
  it('brings a resolved case back In Progress without its resolution or timer', () => {
    const resolved = resolve(working, ctx(agent('agent-ala')), { method: 'replied_to_customer' }).case;

    const { case: next, entries } = reopen(resolved, ctx(agent('agent-ala')));

    expect(next).toMatchObject({ status: 'in_progress', resolution: null, timer: null });
    expect(entries.some((e) => e.type === 'system' && e.event === 'reopened')).toBe(true);
  });
});

describe('close', () => {
  it('ends the feedback window of a resolved case early and keeps its method', () => {
    const resolved = resolve(working, ctx(agent('agent-ala')), { method: 'rejected' }).case;

    const { case: next } = close(resolved, ctx(agent('agent-ala')), { method: 'replied_to_customer' });

    expect(next).toMatchObject({ status: 'closed', timer: null, resolution: { method: 'rejected' } });
  });

  it('resolves and closes an open case in one step', () => {
    const { case: next } = close(working, ctx(agent('agent-ala')), { method: 'replied_to_customer' });

    expect(next).toMatchObject({ status: 'closed', resolution: { method: 'replied_to_customer' } });
  });

  it('applies the tenant\'s resolution rule to an open case', () => {
    expect(() => close(working, strict(), { method: 'replied_to_customer' })).toThrow(ValidationError);
  });
});

describe('rejectAsSpam', () => {
  it.each(['draft', 'new', 'in_progress', 'answered'] as const)('closes a %s case at once as spam', (status) => {
    const timer = status === 'answered' ? { purpose: 'auto_close' as const, dueAt: '2026-11-28T09:00:00.000Z', generation: 1 } : null;
    const c = aCase({ status, assigneeId: 'agent-ala', timer, timerGeneration: timer ? 1 : 0 });

    const { case: next } = rejectAsSpam(c, ctx(agent('agent-ala')));

    expect(next).toMatchObject({ status: 'closed', timer: null, resolution: { method: 'rejected_spam' } });
  });
});

describe('cancelByCustomer', () => {
  const waiting = aCase({
    status: 'waiting', assigneeId: 'agent-ala', customerId: 'cust-1', highlighted: true,
    wait: { kind: 'more_info', days: 3, closeIfNoReply: true, until: '2026-11-28T09:00:00.000Z' },
    timer: { purpose: 'wait', dueAt: '2026-11-28T09:00:00.000Z', generation: 2 }, timerGeneration: 2,
  });

  it("closes the customer's own case at once: no wait, no timer, no feedback window, the method says who", () => {
    const { case: next } = cancelByCustomer(waiting, ctx(customer('cust-1')));

    expect(next).toMatchObject({
      status: 'closed', wait: null, timer: null, highlighted: false, closedAt: '2026-11-25T09:00:00.000Z',
      resolution: { method: 'cancelled_by_customer', by: 'cust-1', entrySeq: null },
    });
  });

  it('is refused to another customer and to staff, and on a closed case', () => {
    expect(() => cancelByCustomer(waiting, ctx(customer('cust-2')))).toThrow(ForbiddenError);
    expect(() => cancelByCustomer(waiting, ctx(agent('agent-ala')))).toThrow(ForbiddenError);
    expect(() => cancelByCustomer({ ...waiting, status: 'closed', wait: null, timer: null }, ctx(customer('cust-1')))).toThrow(InvalidTransitionError);
  });
});
