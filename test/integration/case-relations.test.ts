import { describe, expect, it } from 'vitest';
import { api, newCase } from './api-client.ts';
import { eventually } from './local-helpdesk.ts';

const resolve = (id: string) => api('agent', 'POST', `/cases/${id}/resolve`, { body: { method: 'replied_to_customer', note: { text: 'Done.' } } });
const caseOf = async (id: string) => (await api('agent', 'GET', `/cases/${id}`)).body;

async function splitInTwo(originalId: string, headers: Record<string, string> = {}) {
  return api('agent', 'POST', `/cases/${originalId}/split`, {
    headers,
    body: {
      cases: [
        { title: 'Refund the second charge', description: 'Charged twice in October.', entries: [1], assigneeId: 'agent-ewa' },
        { title: 'Correct the invoice address', description: 'The street is wrong.', category: 'data' },
      ],
    },
  });
}

describe('splitting a case', () => {
  it('makes the new cases and the original waits in one write, then resolves as "split (completed)" only after the last', async () => {
    const original = await newCase('agent');

    const split = await splitInTwo(original.id);

    expect(split.status).toBe(201);
    const [a, b] = split.body.created as { id: string; number: number }[];
    expect(split.body.case).toMatchObject({ status: 'waiting', wait: { kind: 'split' }, timer: null, labels: { enate: 'Resolved – split request' } });
    expect(split.body.case.links).toEqual([
      { kind: 'split_into', caseId: a!.id, number: a!.number },
      { kind: 'split_into', caseId: b!.id, number: b!.number },
    ]);
    const first = await caseOf(a!.id);
    expect(first.case).toMatchObject({ status: 'new', assigneeId: 'agent-ewa', customerId: null, links: [{ kind: 'split_from', caseId: original.id, number: original.number }] });
    expect(first.timeline.map((entry: { type: string }) => entry.type)).toEqual(['description', 'related_entries']);
    expect(first.timeline[1]).toMatchObject({ caseId: original.id, caseNumber: original.number, seqs: [1] });
    expect((await caseOf(b!.id)).case).toMatchObject({ status: 'new', assigneeId: null, category: 'data', title: 'Correct the invoice address' });

    await resolve(a!.id);
    await eventually(async () => (await caseOf(original.id)).case.links.some((l: { finishedAt?: string }) => l.finishedAt));
    expect((await caseOf(original.id)).case).toMatchObject({ status: 'waiting', resolution: null });

    await api('agent', 'POST', `/cases/${b!.id}/close`, { body: { method: 'replied_to_customer' } });
    const done = await eventually(async () => {
      const now = await caseOf(original.id);
      return now.case.status === 'resolved' && now;
    });
    expect(done.case).toMatchObject({ resolution: { method: 'split' }, labels: { enate: 'Resolved – split (completed)' }, timer: { purpose: 'feedback_window' } });
  });

  it('resolves the original exactly once when its two cases end at the same moment, while an agent writes on it', async () => {
    const original = await newCase('agent');
    const [a, b] = (await splitInTwo(original.id)).body.created as { id: string }[];

    await Promise.all([resolve(a!.id), resolve(b!.id), ...Array.from({ length: 5 }, (_, i) => api('agent', 'POST', `/cases/${original.id}/notes`, { body: { text: `note ${i}` } }))]);

    await eventually(async () => (await caseOf(original.id)).case.status === 'resolved');
    // Time for a second, wrong resolution to land if the reaction could make one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const timeline = (await api('agent', 'GET', `/cases/${original.id}/timeline?order=oldest_first&limit=100`)).body.items as { type: string; event?: string; changes?: { field: string; to: unknown }[] }[];
    expect(timeline.filter((entry) => entry.changes?.some((change) => change.field === 'status' && change.to === 'resolved'))).toHaveLength(1);
    expect(timeline.filter((entry) => entry.event === 'related_case_finished')).toHaveLength(2);
    expect(timeline.filter((entry) => entry.type === 'note')).toHaveLength(5);
    expect((await caseOf(original.id)).case).toMatchObject({ status: 'resolved', resolution: { method: 'split' } });
  });

  it('makes the cases once for a repeated request with the same Idempotency-Key', async () => {
    const original = await newCase('agent');
    const key = { 'idempotency-key': `split-${original.id}` };

    const first = await splitInTwo(original.id, key);
    const again = await splitInTwo(original.id, key);

    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.created.map((c: { id: string }) => c.id)).toEqual(first.body.created.map((c: { id: string }) => c.id));
    expect((await caseOf(original.id)).case.links).toHaveLength(2);
  });

  it('refuses with field paths one case, an unknown agent and an entry the original lacks, and a stale If-Match with 409; then takes a good request', async () => {
    const original = await newCase('agent');
    const one = await api('agent', 'POST', `/cases/${original.id}/split`, { body: { cases: [{ title: 't', description: 'd' }] } });
    const nobody = await api('agent', 'POST', `/cases/${original.id}/split`, {
      body: { cases: [{ title: 't', description: 'd', assigneeId: 'agent-nobody' }, { title: 't', description: 'd' }] },
    });
    const missing = await api('agent', 'POST', `/cases/${original.id}/split`, {
      body: { cases: [{ title: 't', description: 'd', entries: [99] }, { title: 't', description: 'd' }] },
    });
    const stale = await splitInTwo(original.id, { 'if-match': '"0"' });
    const fine = await splitInTwo(original.id);

    expect([one.status, one.body.error.issues[0].path]).toEqual([400, 'body.cases']);
    expect([nobody.status, nobody.body.error.issues[0].path]).toEqual([400, 'body.cases.0.assigneeId']);
    expect([missing.status, missing.body.error.issues[0].path]).toEqual([400, 'body.cases.0.entries']);
    expect(stale.status).toBe(409);
    expect(fine.status).toBe(201);
  });
});

describe('starting a linked case', () => {
  it('waits for it if asked, and comes back to its agent highlighted when it is closed, not resolved', async () => {
    const original = await newCase('agent');

    const started = await api('agent', 'POST', `/cases/${original.id}/spawn`, {
      body: { title: 'Replace the router on site', description: 'Field team, please.', assigneeId: 'agent-ewa', wait: true },
    });

    expect(started.status).toBe(201);
    const spawned = started.body.created[0] as { id: string; number: number };
    expect(started.body.case).toMatchObject({ status: 'waiting', wait: { kind: 'spawned_case', caseId: spawned.id }, labels: { enate: 'Resolved – new case started' } });
    expect((await caseOf(spawned.id)).case.links).toEqual([{ kind: 'spawned_from', caseId: original.id, number: original.number }]);

    await api('agent2', 'POST', `/cases/${spawned.id}/close`, { body: { method: 'replied_to_customer' } });

    // Read by another agent: the assignee opening the case would clear its highlight.
    const back = await eventually(async () => {
      const now = await api('agent2', 'GET', `/cases/${original.id}`);
      return now.body.case.status === 'in_progress' && now.body;
    });
    expect(back.case).toMatchObject({ wait: null, highlighted: true, resolution: null, assigneeId: 'agent-ala' });
  });

  it('without waiting, leaves the original as it was, linked', async () => {
    const original = await newCase('agent');

    const started = await api('agent', 'POST', `/cases/${original.id}/spawn`, { body: { title: 'Order a spare', description: 'For stock.' } });

    expect(started.body.case).toMatchObject({ status: 'in_progress', links: [{ kind: 'spawned', caseId: started.body.created[0].id }] });
    expect((await api('robot', 'POST', `/cases/${original.id}/spawn`, { body: { title: 't', description: 'd' } })).status).toBe(403);
  });
});
