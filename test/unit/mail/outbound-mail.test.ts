import { describe, expect, it } from 'vitest';
import { addReply } from '../../../functions/domain/conversation.ts';
import { toOutboundMessage } from '../../../functions/mail/outbound-mail.ts';
import { aCase, agent, ctx } from '../../fixtures/cases.ts';

describe('toOutboundMessage', () => {
  it('addresses a recorded reply to its recipients with the case number in the subject', () => {
    const c = aCase({ status: 'in_progress', assigneeId: 'agent-ala' });
    const { entries } = addReply(c, ctx(agent('agent-ala')), { text: 'Refund issued.', includeHistory: false });
    const reply = entries.find((e) => e.type === 'reply')!;

    const message = toOutboundMessage(c, reply as Extract<typeof reply, { type: 'reply' }>);

    expect(message).toEqual({
      caseId: c.id, caseNumber: 1042, entrySeq: reply.seq, from: 'support@acme.example', to: ['jan@example.com'],
      subject: '[#1042] Invoice question', text: 'Refund issued.',
    });
  });
});
