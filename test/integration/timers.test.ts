import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, eventually, openCase, ownHelpdesk, sleep } from './local-helpdesk.ts';

/** A day lasts 0.864 s, the 3-day auto-close 2.6 s: the real ASL and durations, on a faster clock. */
const TIME_SCALE = 0.00001;
const DAY_MS = 86_400_000 * TIME_SCALE;

let client: Client;
beforeAll(async () => {
  client = await ownHelpdesk({ timeScale: TIME_SCALE, timerRetryIntervalMs: 20 });
});
afterAll(async () => client.helpdesk.stop());

/** A case the agent has started on (In Progress). */
const open = async () => {
  const id = await openCase(client);
  await client.call('agent', 'POST', `/cases/${id}/notes`, { text: 'started' });
  return id;
};
/** Looked at by an admin, so the assignee's highlight stays until the assignee opens the case. */
const get = async (id: string) => (await client.call('admin', 'GET', `/cases/${id}`)).body;
const statusBecomes = (id: string, status: string) =>
  eventually(async () => {
    const view = await get(id);
    return view.case.status === status && view;
  });
const customerWrites = (id: string, text = 'Here is the photo') => client.call('robot', 'POST', `/cases/${id}/messages`, { text, channel: 'email', from: 'jan@example.com' });
const systemEvents = (view: any) => view.timeline.filter((e: any) => e.type === 'system').map((e: any) => e.event);

describe('waits', () => {
  it('bring the case back highlighted when the days run out', async () => {
    const id = await open();

    await client.call('agent', 'PUT', `/cases/${id}/wait`, { kind: 'more_info', days: 1 });
    const back = await statusBecomes(id, 'in_progress');

    expect(back.case).toMatchObject({ highlighted: true, wait: null, timer: null, assigneeId: 'agent-ala' });
    expect(systemEvents(back)).toEqual(['timer_fired']);
    const highlighted = async () => (await client.call('agent', 'GET', '/queues/mine?highlighted=true&limit=100')).body.items.map((c: any) => c.id);
    expect(await highlighted()).toContain(id);

    const opened = await client.call('agent', 'GET', `/cases/${id}`);
    expect(opened.body.case).toMatchObject({ highlighted: false, status: 'in_progress', assigneeId: 'agent-ala' });
    expect(await highlighted()).not.toContain(id);
  });

  it('close the case as "no customer response" when set to close if nobody replies', async () => {
    const id = await open();

    await client.call('agent', 'PUT', `/cases/${id}/wait`, { kind: 'more_info', days: 1, closeIfNoReply: true });
    const closed = await statusBecomes(id, 'closed');

    expect(closed.case.resolution).toMatchObject({ method: 'no_customer_response', by: 'timer' });
    const archive = (await client.call('agent', 'GET', '/queues/archive?limit=100')).body.items;
    expect(archive.map((c: any) => c.id)).toContain(id);
  });

  it('bring the case back on the follow-up date', async () => {
    const id = await open();
    const until = new Date(Date.now() + 2 * DAY_MS / TIME_SCALE).toISOString();

    await client.call('agent', 'PUT', `/cases/${id}/wait`, { kind: 'follow_up', until });
    const waiting = (await client.call('agent', 'GET', '/queues/waiting?limit=100')).body.items.find((c: any) => c.id === id);
    expect(waiting.dueAt).toBe(until);

    expect((await statusBecomes(id, 'in_progress')).case.highlighted).toBe(true);
  });

  it('end at once when the customer writes, and the timer later does nothing', async () => {
    const id = await open();
    await client.call('agent', 'PUT', `/cases/${id}/wait`, { kind: 'more_info', days: 1, closeIfNoReply: true });

    const answered = await customerWrites(id);
    expect(answered.body.case).toMatchObject({ status: 'in_progress', highlighted: true, timer: null });
    await sleep(2 * DAY_MS);

    const later = await get(id);
    expect(later.case.status).toBe('in_progress');
    expect(systemEvents(later)).toEqual([]);
  });

  it('do nothing once cancelled', async () => {
    const id = await open();
    await client.call('agent', 'PUT', `/cases/${id}/wait`, { kind: 'more_info', days: 1, closeIfNoReply: true });

    await client.call('agent', 'DELETE', `/cases/${id}/wait`);
    await sleep(2 * DAY_MS);

    const later = await get(id);
    expect(later.case).toMatchObject({ status: 'in_progress', highlighted: false });
    expect(systemEvents(later)).toEqual([]);
  });
});

describe('auto-close and the feedback window', () => {
  it('close an answered case into the archive after the auto-close period', async () => {
    const id = await open();

    await client.call('agent', 'POST', `/cases/${id}/replies`, { text: 'Fixed.' });
    const closed = await statusBecomes(id, 'closed');

    expect(closed.case).toMatchObject({ resolution: { method: 'replied_to_customer' }, labels: { agent: 'CLOSED', customer: 'CLOSED' } });
    expect(systemEvents(closed)).toEqual(['auto_closed']);
  });

  it('bring an answered case back to the agent when the customer replies', async () => {
    const id = await open();
    await client.call('agent', 'POST', `/cases/${id}/replies`, { text: 'Try restarting it.' });

    await customerWrites(id, 'Still broken');
    await sleep(4 * DAY_MS);

    expect((await get(id)).case).toMatchObject({ status: 'in_progress', highlighted: true });
  });

  it('close a resolved case when the feedback window passes quietly', async () => {
    const id = await open();

    await client.call('agent', 'POST', `/cases/${id}/resolve`, { method: 'rejected' });
    const closed = await statusBecomes(id, 'closed');

    expect(closed.case.resolution.method).toBe('rejected');
  });

  it('reopen a resolved case to its assignee when the customer replies within the window', async () => {
    const id = await open();
    await client.call('agent', 'POST', `/cases/${id}/resolve`, { method: 'replied_to_customer' });

    const reopened = await customerWrites(id, 'It happened again');
    await sleep(4 * DAY_MS);

    expect(reopened.body.case).toMatchObject({ status: 'in_progress', assigneeId: 'agent-ala', highlighted: true });
    expect((await get(id)).case.status).toBe('in_progress');
  });
});

describe('a message after Closed', () => {
  it('starts a new case linked to the closed one (default policy)', async () => {
    const id = await open();
    await client.call('agent', 'POST', `/cases/${id}/spam`);

    const followUp = await customerWrites(id, 'Not spam, really');

    expect(followUp.status).toBe(201);
    expect(followUp.body.case).toMatchObject({ status: 'new', assigneeId: null, links: [{ kind: 'follows', caseId: id }] });
    const old = await get(id);
    expect(old.case).toMatchObject({ status: 'closed', links: [{ kind: 'followed_by', caseId: followUp.body.case.id }] });
    const fresh = await get(followUp.body.case.id);
    expect(fresh.timeline[0]).toMatchObject({ type: 'inbound_message', text: 'Not spam, really', actor: { kind: 'customer' } });
  });
});
