import { describe, expect, it } from 'vitest';
import { api, completeCase, newCase } from './api-client.ts';

describe('a case through its whole life over HTTP', () => {
  it('goes create → claim → note → reply → wait → resolve → reopen → close, recording each step', async () => {
    const created = await api('robot', 'POST', '/cases', { body: completeCase() });
    expect(created.status).toBe(201);
    expect(created.body.case).toMatchObject({ status: 'new', assigneeId: null, channel: 'api', version: 1 });
    expect(created.headers.get('etag')).toBe('"1"');
    const id = created.body.case.id as string;

    const claimed = await api('agent', 'POST', `/cases/${id}/claim`);
    expect(claimed.body.case).toMatchObject({ status: 'new', assigneeId: 'agent-ala', labels: { agent: 'NEW' } });

    const noted = await api('agent', 'POST', `/cases/${id}/notes`, { body: { text: 'Toner looks fine' } });
    expect(noted.body.case).toMatchObject({ status: 'in_progress', labels: { agent: 'OPEN' } });

    const replied = await api('agent', 'POST', `/cases/${id}/replies`, { body: { text: 'Please send a photo of the tray.' } });
    expect(replied.body.case).toMatchObject({ status: 'answered', labels: { agent: 'SENT', customer: 'ANSWER RECEIVED' }, timer: { purpose: 'auto_close' } });

    const waiting = await api('agent', 'PUT', `/cases/${id}/wait`, { body: { kind: 'more_info', days: 2, closeIfNoReply: true } });
    expect(waiting.body.case).toMatchObject({ status: 'waiting', wait: { kind: 'more_info', days: 2, closeIfNoReply: true } });

    const resolved = await api('agent', 'POST', `/cases/${id}/resolve`, {
      body: { method: 'replied_to_customer', reply: { text: 'Fixed: the tray was bent.' } },
    });
    expect(resolved.body.case).toMatchObject({ status: 'resolved', wait: null, resolution: { method: 'replied_to_customer' }, timer: { purpose: 'feedback_window' } });

    const reopened = await api('agent', 'POST', `/cases/${id}/reopen`);
    expect(reopened.body.case).toMatchObject({ status: 'in_progress', resolution: null, timer: null });

    const closed = await api('agent', 'POST', `/cases/${id}/close`, { body: { method: 'replied_to_customer' } });
    expect(closed.body.case).toMatchObject({ status: 'closed', timer: null, labels: { agent: 'CLOSED', customer: 'CLOSED' } });

    const { body, headers } = await api('agent', 'GET', `/cases/${id}`);
    expect(headers.get('etag')).toMatch(new RegExp(`^"${closed.body.case.version}\\.`));
    expect(body.timeline.map((e: any) => e.type)).toEqual([
      'description', 'field_change', 'field_change', 'note', 'field_change', 'reply', 'field_change', 'field_change',
      'reply', 'field_change', 'system', 'field_change', 'field_change',
    ]);
    expect(body.timeline.filter((e: any) => e.isResolution).map((e: any) => e.text)).toEqual(['Fixed: the tray was bent.']);
  });

  it('lists the case in the queue that matches each step', async () => {
    const { id } = await newCase('agent', { assigneeId: null, category: 'queues' });
    const inQueue = async (queue: string, who: 'agent' | 'agent2' = 'agent') =>
      (await api(who, 'GET', `/queues/${queue}?category=queues&limit=100`)).body.items.some((c: any) => c.id === id);

    expect(await inQueue('to-assign')).toBe(true);

    await api('agent', 'POST', `/cases/${id}/delegate`, { body: { agentId: 'agent-ewa' } });
    expect([await inQueue('to-assign'), await inQueue('delegated'), await inQueue('mine', 'agent2')]).toEqual([false, true, true]);

    await api('agent2', 'PUT', `/cases/${id}/wait`, { body: { kind: 'follow_up', until: '2099-01-01T10:00:00Z' } });
    expect([await inQueue('mine', 'agent2'), await inQueue('waiting', 'agent2')]).toEqual([false, true]);

    await api('agent2', 'POST', `/cases/${id}/spam`);
    expect([await inQueue('waiting', 'agent2'), await inQueue('delegated'), await inQueue('archive')]).toEqual([false, false, true]);
  });

  it('submits a draft, reporting every missing field first', async () => {
    const draft = await api('agent', 'POST', '/cases', { body: { draft: true, title: 'Half-written' } });
    expect(draft.body.case).toMatchObject({ status: 'draft', version: 1 });
    const id = draft.body.case.id;

    const refused = await api('agent', 'POST', `/cases/${id}/submit`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues.map((i: any) => i.path)).toEqual([
      'body.description', 'body.category', 'body.contacts.primaryContact', 'body.contacts.requester',
    ]);

    await api('agent', 'PATCH', `/cases/${id}`, { body: { description: 'Details', category: 'misc', contacts: completeCase().contacts } });
    const submitted = await api('agent', 'POST', `/cases/${id}/submit`);
    expect(submitted.body.case).toMatchObject({ status: 'new', assigneeId: 'agent-ala' });

    const rewritten = await api('agent', 'PATCH', `/cases/${id}`, { body: { description: 'Rewritten' } });
    expect([rewritten.status, rewritten.body.error.issues[0].path]).toEqual([400, 'body.description']);
  });

  it('numbers cases in the order they are created (a failed creation may leave a gap)', async () => {
    const first = await newCase();
    const second = await newCase();

    expect(second.number).toBeGreaterThan(first.number);
  });

  it('closes a case resolved as mail to an unknown address at once', async () => {
    const { id } = await newCase();

    const resolved = await api('agent', 'POST', `/cases/${id}/resolve`, { body: { method: 'unknown_address' } });

    expect(resolved.body.case).toMatchObject({ status: 'closed', resolution: { method: 'unknown_address' } });
  });

  it('unassigning returns the case to "to assign" for anyone to claim', async () => {
    const { id } = await newCase('agent');
    await api('agent', 'POST', `/cases/${id}/notes`, { body: { text: 'started' } });

    const unassigned = await api('agent', 'POST', `/cases/${id}/unassign`);
    const claimedByEwa = await api('agent2', 'POST', `/cases/${id}/claim`);

    expect(unassigned.body.case).toMatchObject({ status: 'new', assigneeId: null });
    expect(claimedByEwa.body.case.assigneeId).toBe('agent-ewa');
  });
});
