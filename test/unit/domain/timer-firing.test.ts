import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../functions/domain/actor.ts';
import { addNote, addReply, receiveCustomerMessage } from '../../../functions/domain/conversation.ts';
import { resolve } from '../../../functions/domain/resolution.ts';
import { fireTimer } from '../../../functions/domain/timer-firing.ts';
import { cancelWait, setWait } from '../../../functions/domain/waits.ts';
import { aCase, agent, ctx, customer, settings } from '../../fixtures/cases.ts';

const system: Actor = { kind: 'system', id: 'timer' };
const working = aCase({ status: 'in_progress', assigneeId: 'agent-ala' });
const asAgent = ctx(agent('agent-ala'));
const fire = (c: ReturnType<typeof aCase>, generation = c.timerGeneration) => fireTimer(c, ctx(system), generation);

describe('fireTimer', () => {
  it('brings a case back from a more-information wait, highlighted', () => {
    const waiting = setWait(working, asAgent, { kind: 'more_info', days: 3, closeIfNoReply: false }).case;

    const fired = fire(waiting)!;

    expect(fired.case).toMatchObject({ status: 'in_progress', wait: null, timer: null, highlighted: true, assigneeId: 'agent-ala' });
    expect(fired.entries[0]).toMatchObject({ type: 'system', event: 'timer_fired', detail: 'no reply within 3 days', actor: { kind: 'system' } });
  });

  it('brings a case back on its follow-up date', () => {
    const waiting = setWait(working, asAgent, { kind: 'follow_up', until: '2026-12-01T08:00:00Z' }).case;

    expect(fire(waiting)!.case).toMatchObject({ status: 'in_progress', highlighted: true });
  });

  it('closes a wait set to close if nobody replies, as "no customer response"', () => {
    const waiting = setWait(working, asAgent, { kind: 'more_info', days: 2, closeIfNoReply: true }).case;

    const fired = fire(waiting)!;

    expect(fired.case).toMatchObject({ status: 'closed', resolution: { method: 'no_customer_response', by: 'timer' }, closedAt: ctx().now });
    expect(fired.entries[0]).toMatchObject({ event: 'auto_closed' });
  });

  it('auto-closes an answered case into the archive', () => {
    const answered = addReply(working, asAgent, { text: 'Done', includeHistory: false }).case;

    expect(fire(answered)!.case).toMatchObject({ status: 'closed', resolution: { method: 'replied_to_customer' }, timer: null });
  });

  it('closes a resolved case when its feedback window passes, keeping its method', () => {
    const resolved = resolve(working, asAgent, { method: 'rejected' }).case;

    expect(fire(resolved)!.case).toMatchObject({ status: 'closed', resolution: { method: 'rejected' } });
  });

  it.each([
    ['the customer replied', (c: ReturnType<typeof aCase>) => receiveCustomerMessage(c, ctx(customer()), { text: 'hi', channel: 'email', from: null }).case],
    ['the wait was cancelled', (c: ReturnType<typeof aCase>) => cancelWait(c, asAgent).case],
    ['a newer wait replaced it', (c: ReturnType<typeof aCase>) => setWait(c, asAgent, { kind: 'more_info', days: 9, closeIfNoReply: false }).case],
    ['the agent replied', (c: ReturnType<typeof aCase>) => addReply(c, asAgent, { text: 'x', includeHistory: false }).case],
  ])('does nothing once %s: the firing is stale', (_what, moveOn) => {
    const waiting = setWait(working, asAgent, { kind: 'more_info', days: 3, closeIfNoReply: true }).case;
    const armedGeneration = waiting.timerGeneration;

    expect(fire(moveOn(waiting), armedGeneration)).toBeNull();
  });

  it('is not moved by an internal note: notes leave timers alone', () => {
    const answered = addReply(working, asAgent, { text: 'Done', includeHistory: false }).case;
    const noted = addNote(answered, asAgent, { text: 'internal' }).case;

    expect(fire(noted, answered.timerGeneration)!.case.status).toBe('closed');
  });

  it('uses the tenant period in the timeline detail', () => {
    const tenant = ctx(agent('agent-ala'), { settings: settings({ autoClosePeriod: 'PT2S' }) });
    const answered = addReply(working, tenant, { text: 'Done', includeHistory: false }).case;

    const fired = fireTimer(answered, ctx(system, { settings: settings({ autoClosePeriod: 'PT2S' }) }), answered.timerGeneration)!;

    expect(fired.entries[0]).toMatchObject({ detail: 'no activity for PT2S after the answer' });
  });
});

describe('a customer message after Closed', () => {
  const closed = aCase({ status: 'closed', assigneeId: 'agent-ala', closedAt: '2026-11-20T00:00:00.000Z', resolution: { method: 'replied_to_customer', at: '2026-11-20T00:00:00.000Z', by: 'a', entrySeq: null } });
  const message = { text: 'It broke again', channel: 'email' as const, from: 'jan@example.com' };

  it('reopens the case to its assignee when the tenant reopens closed cases (Sugester)', () => {
    const reopened = receiveCustomerMessage(closed, ctx(customer(), { settings: settings({ reopenClosed: 'reopen' }) }), message).case;

    expect(reopened).toMatchObject({ status: 'in_progress', assigneeId: 'agent-ala', resolution: null, closedAt: null, highlighted: true });
  });

  it('is refused on the closed case otherwise, so the channel starts a new linked case (Enate)', () => {
    expect(() => receiveCustomerMessage(closed, ctx(customer()), message)).toThrow(/new linked case/);
  });
});
