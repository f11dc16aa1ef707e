import { describe, expect, it } from 'vitest';
import { addNote, addReply, receiveCustomerMessage } from '../../../functions/domain/conversation.ts';
import { createCase } from '../../../functions/domain/create.ts';
import { CreateCaseInputSchema } from '../../../functions/domain/requests.ts';
import { toCaseView, toCustomerView, toTimelineView } from '../../../functions/domain/views.ts';
import { resolve } from '../../../functions/domain/resolution.ts';
import { agent, CASE_ID, ctx, customer, NOW, settings } from '../../fixtures/cases.ts';

function aConversation() {
  const created = createCase(
    CreateCaseInputSchema.parse({
      title: 'VAT question', description: 'Which VAT rate applies?', category: 'tax',
      contacts: { primaryContact: { email: 'jan@example.com' }, requester: { email: 'jan@example.com' } },
    }),
    ctx(agent('agent-ala')),
    { id: CASE_ID, number: 1 },
  );
  const noted = addNote(created.case, ctx(agent('agent-ala')), { text: 'SECRET: customer owes us money' });
  const replied = addReply(noted.case, ctx(agent('agent-ala')), { text: '23% applies.', includeHistory: false });
  const answered = receiveCustomerMessage(replied.case, ctx(customer()), { text: 'Thanks!', channel: 'email', from: 'jan@example.com' });
  const resolved = resolve(answered.case, ctx(agent('agent-ala')), { method: 'replied_to_customer', note: { text: 'SECRET: closing' } });
  const entries = [created, noted, replied, answered, resolved].flatMap((o) => o.entries);
  return { case: resolved.case, entries };
}

describe('toCustomerView', () => {
  it('shows only the public conversation, never an internal entry', () => {
    const { case: c, entries } = aConversation();

    const view = toCustomerView(c, entries);

    expect(view.timeline.map((e) => [e.type, e.from, e.text])).toEqual([
      ['description', 'agent', 'Which VAT rate applies?'],
      ['reply', 'agent', '23% applies.'],
      ['inbound_message', 'customer', 'Thanks!'],
    ]);
    expect(JSON.stringify(view)).not.toContain('SECRET');
  });

  it('carries no assignee or internal fields', () => {
    const { case: c, entries } = aConversation();

    expect(Object.keys(toCustomerView(c, entries)).sort()).toEqual(['createdAt', 'id', 'number', 'status', 'timeline', 'title', 'updatedAt']);
  });
});

describe('toCaseView and toTimelineView', () => {
  it('label the case and mark the resolution entry', () => {
    const { case: c, entries } = aConversation();

    const view = toCaseView(c, agent(), settings(), NOW);
    const timeline = toTimelineView(c, entries);

    expect(view.labels).toEqual({ agent: 'SENT', customer: 'ANSWER RECEIVED', enate: 'Resolved – manual response', sugester: 'Closed', tenant: 'Resolved (system)' });
    expect(timeline.filter((e) => e.isResolution).map((e) => e.type)).toEqual(['note']);
    expect(view).not.toHaveProperty('entryCount');
  });

  it('carries the commands the caller may run on it now', () => {
    const { case: c } = aConversation();

    const view = toCaseView(c, agent(), settings(), NOW);

    expect(c.status).toBe('resolved');
    expect(view.allowedCommands).toEqual(['delegate', 'note', 'update_fields', 'link_customer', 'reopen', 'close', 'reject_spam', 'regenerate_link']);
  });
});
