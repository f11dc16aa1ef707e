import { describe, expect, it } from 'vitest';
import { addNote, addReply, receiveCustomerMessage } from '../../../functions/domain/conversation.ts';
import { updateFields } from '../../../functions/domain/fields.ts';
import { MAX_TIMELINE_ENTRIES } from '../../../functions/domain/mutation.ts';
import { aCase, agent, ctx, customer, settings } from '../../fixtures/cases.ts';

/** A case Ala is working on, her last entry a note an hour ago. */
const worked = aCase({
  status: 'in_progress',
  assigneeId: 'agent-ala',
  entryCount: 7,
  version: 7,
  lastAgentEntry: { seq: 6, at: '2026-11-25T08:00:00.000Z' },
});

describe('an outcome that only appends', () => {
  it('is a note on a case its agent already works, within the timeline limit', () => {
    const outcome = addNote(worked, ctx(agent('agent-ala')), { text: 'Called the customer' });

    expect(outcome.append).toEqual({ maxEntriesBefore: MAX_TIMELINE_ENTRIES - 1 });
    expect(outcome.entries.map((e) => e.type)).toEqual(['note']);
    expect(outcome.case.lastAgentEntry).toEqual({ seq: 8, at: outcome.case.updatedAt });
  });

  it('is also a colleague\'s note when the tenant does not hand the case to whoever acts', () => {
    const outcome = addNote(worked, ctx(agent('agent-ewa')), { text: 'FYI: known issue' });

    expect(outcome.append).toBeDefined();
    expect(outcome.case.assigneeId).toBe('agent-ala');
  });

  it('has no entry limit on a resolved case, which may always be wrapped up', () => {
    const resolved = { ...worked, status: 'resolved' as const, resolution: { method: 'replied_to_customer' as const, at: worked.updatedAt, by: 'agent-ala', entrySeq: null }, timer: { purpose: 'feedback_window' as const, dueAt: '2026-12-01T09:00:00.000Z', generation: 1 }, timerGeneration: 1 };

    const outcome = addNote(resolved, ctx(agent('agent-ala')), { text: 'Sent the invoice by post too' });

    expect(outcome.append).toEqual({ maxEntriesBefore: null });
  });

  it('is not a note that starts the work: the case goes In Progress, which others must not write over', () => {
    const claimed = { ...worked, status: 'new' as const };

    const outcome = addNote(claimed, ctx(agent('agent-ala')), { text: 'Looking into it' });

    expect(outcome.case.status).toBe('in_progress');
    expect(outcome.append).toBeUndefined();
  });

  it('is not a note that takes the case, as the "any action" policy does', () => {
    const outcome = addNote(worked, ctx(agent('agent-ewa'), { settings: settings({ assignmentPolicy: 'any_action' }) }), { text: 'Mine now' });

    expect(outcome.case.assigneeId).toBe('agent-ewa');
    expect(outcome.append).toBeUndefined();
  });

  it('is not the first entry of the agent: the pointer to it is set by a full write', () => {
    const outcome = addNote({ ...worked, lastAgentEntry: null }, ctx(agent('agent-ala')), { text: 'First word' });

    expect(outcome.append).toBeUndefined();
  });

  it('is not a reply, a customer message or a field change, which move the case on', () => {
    const reply = addReply(worked, ctx(agent('agent-ala')), { text: 'Fixed', includeHistory: false });
    const message = receiveCustomerMessage(worked, ctx(customer()), { text: 'Thanks', channel: 'portal', from: 'jan@example.com' });
    const fields = updateFields(worked, ctx(agent('agent-ala')), { priority: 'high' });

    expect([reply.append, message.append, fields.append]).toEqual([undefined, undefined, undefined]);
  });
});
