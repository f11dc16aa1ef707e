import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, ownHelpdesk } from './local-helpdesk.ts';

// A helpdesk of its own, in the project that runs alone (vitest.config.ts): the bursts measure the
// retry behaviour, which other test files competing for the two cores would distort.
let client: Client;
beforeAll(async () => {
  client = await ownHelpdesk({});
});
afterAll(async () => client.helpdesk.stop());

const unique = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const contacts = { primaryContact: { email: 'jan@example.com' }, requester: { email: 'jan@example.com' } };
const complete = (overrides: Record<string, unknown> = {}) => ({ title: 'Printer jams', description: 'Every page.', category: 'hardware', contacts, ...overrides });

async function newCase(overrides: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const { status, body } = await client.call('agent', 'POST', '/cases', complete(overrides));
  if (status !== 201) throw new Error(`could not create a case: ${status} ${JSON.stringify(body)}`);
  return body.case;
}

describe('a burst of new cases', () => {
  it('creates 100 at once, every one with its own number', async () => {
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => client.call('robot', 'POST', '/cases', complete({ title: `Burst ${i}` }))));

    expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
    expect(new Set(results.map((r) => r.body.case.number)).size).toBe(100);
  });

  it('answers a retried creation with the first answer, without taking another number', async () => {
    const key = { 'idempotency-key': unique('create') };
    const body = complete({ title: 'Retried' });

    const first = await Promise.all([1, 2, 3].map(() => client.call('robot', 'POST', '/cases', body, key)));
    const again = await client.call('robot', 'POST', '/cases', body, key);

    const created = [...first, again].filter((r) => r.status === 201).map((r) => r.body.case.id);
    expect(new Set(created).size).toBe(1);
    expect(again.body.case.number).toBe(first.find((r) => r.status === 201)!.body.case.number);
  });
});

describe('many writers on one case', () => {
  it('lands 50 concurrent notes without If-Match, each once, in one unbroken sequence', async () => {
    const { id } = await newCase();
    const texts = Array.from({ length: 50 }, (_, i) => `note ${i}`);

    const results = await Promise.all(texts.map((text) => client.call('agent', 'POST', `/cases/${id}/notes`, { text })));

    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    const page = await client.call('agent', 'GET', `/cases/${id}/timeline?order=oldest_first&limit=100`);
    const notes = page.body.items.filter((e: any) => e.type === 'note');
    expect(notes.map((n: any) => n.text).sort()).toEqual([...texts].sort());
    expect(page.body.items.map((e: any) => e.seq)).toEqual(page.body.items.map((_: unknown, i: number) => i + 1));
    const { body } = await client.call('agent', 'GET', `/cases/${id}`);
    expect(body.case.lastAgentEntry.seq).toBe(Math.max(...notes.map((n: any) => n.seq)));
  });

  it('still refuses a stale If-Match at once while others write', async () => {
    const { id, version } = await newCase();
    await client.call('agent2', 'POST', `/cases/${id}/notes`, { text: 'first' });

    const stale = await client.call('agent', 'POST', `/cases/${id}/notes`, { text: 'stale' }, { 'if-match': `"${version}"` });

    expect(stale.status).toBe(409);
  });
});

describe('a robot taking work from a deep queue', () => {
  it('gets the oldest matching case however many older ones do not match', async () => {
    const category = unique('deep');
    for (let i = 0; i < 25; i++) await newCase({ assigneeId: null, category: `${category}-other` });
    const matching = await newCase({ assigneeId: null, category });
    await newCase({ assigneeId: null, category });

    const taken = await client.call('robot', 'POST', '/robot/next', { category });

    expect(taken.status).toBe(200);
    expect(taken.body.case.id).toBe(matching.id);
  });
});
