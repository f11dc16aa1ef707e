import { describe, expect, it } from 'vitest';
import { api, completeCase, newCase } from './api-client.ts';

const unique = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

describe('a burst of new cases', () => {
  it('creates 100 at once, every one with its own number', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => api('robot', 'POST', '/cases', { body: completeCase({ title: `Burst ${i}` }) })),
    );

    expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
    expect(new Set(results.map((r) => r.body.case.number)).size).toBe(100);
  });

  it('answers a retried creation with the first answer, without taking another number', async () => {
    const key = unique('create');
    const body = completeCase({ title: 'Retried' });

    const [first, ...retries] = await Promise.all(
      [1, 2, 3].map(() => api('robot', 'POST', '/cases', { body, headers: { 'idempotency-key': key } })),
    );
    const again = await api('robot', 'POST', '/cases', { body, headers: { 'idempotency-key': key } });

    const created = [first!, ...retries, again].filter((r) => r.status === 201).map((r) => r.body.case.id);
    expect(new Set(created).size).toBe(1);
    expect(again.body.case.number).toBe(first!.body.case.number);
  });
});

describe('many writers on one case', () => {
  it('lands 50 concurrent notes without If-Match, each once, in one unbroken sequence', async () => {
    const { id } = await newCase();
    const texts = Array.from({ length: 50 }, (_, i) => `note ${i}`);

    const results = await Promise.all(texts.map((text) => api('agent', 'POST', `/cases/${id}/notes`, { body: { text } })));

    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    const page = await api('agent', 'GET', `/cases/${id}/timeline?order=oldest_first&limit=100`);
    const notes = page.body.items.filter((e: any) => e.type === 'note');
    expect(notes.map((n: any) => n.text).sort()).toEqual([...texts].sort());
    expect(page.body.items.map((e: any) => e.seq)).toEqual(page.body.items.map((_: unknown, i: number) => i + 1));
  });

  it('still refuses a stale If-Match at once while others write', async () => {
    const { id, version } = await newCase();
    await api('agent2', 'POST', `/cases/${id}/notes`, { body: { text: 'first' } });

    const stale = await api('agent', 'POST', `/cases/${id}/notes`, { body: { text: 'stale' }, headers: { 'if-match': `"${version}"` } });

    expect(stale.status).toBe(409);
  });
});

describe('a robot taking work from a deep queue', () => {
  it('gets the oldest matching case however many older ones do not match', async () => {
    const category = unique('deep');
    for (let i = 0; i < 25; i++) await newCase('agent', { assigneeId: null, category: `${category}-other` });
    const matching = await newCase('agent', { assigneeId: null, category });
    await newCase('agent', { assigneeId: null, category });

    const taken = await api('robot', 'POST', '/robot/next', { body: { category } });

    expect(taken.status).toBe(200);
    expect(taken.body.case.id).toBe(matching.id);
  });
});
