import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireDueTimer } from '../../functions/timers/fire-timer.ts';
import { timerDeps } from '../../functions/timers/timer-deps.ts';
import { type Client, openCase, ownHelpdesk } from './local-helpdesk.ts';

let client: Client;
beforeAll(async () => {
  // Real time: the timers here never fire by themselves; the test fires them.
  client = await ownHelpdesk({});
});
afterAll(async () => client.helpdesk.stop());

describe('a timer firing at the same moment as a customer message', () => {
  it('has exactly one outcome, every time', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 12; round++) {
      const id = await openCase(client);
      const waiting = await client.call('agent', 'PUT', `/cases/${id}/wait`, { kind: 'more_info', days: 3, closeIfNoReply: true });
      const { timer } = waiting.body.case;

      const [fired, message] = await Promise.all([
        fireDueTimer({ caseId: id, ...timer }, timerDeps()),
        client.call('robot', 'POST', `/cases/${id}/messages`, { text: `race ${round}`, channel: 'email' }),
      ]);
      const { body } = await client.call('agent', 'GET', `/cases/${id}`);
      const events = body.timeline.filter((e: any) => e.type === 'system' || e.type === 'inbound_message').map((e: any) => e.event ?? e.type);

      if (fired.outcome === 'fired') {
        // The timer won: the case closed, and the message started a follow-up case instead.
        expect([body.case.status, message.status, events]).toEqual(['closed', 201, ['auto_closed', 'follow_up_case']]);
      } else {
        // The message won: the case is back with the agent and the late firing changed nothing.
        expect([body.case.status, message.status, events]).toEqual(['in_progress', 200, ['inbound_message']]);
      }
      outcomes.push(fired.outcome);
    }
    expect(outcomes).toHaveLength(12);
  });
});
