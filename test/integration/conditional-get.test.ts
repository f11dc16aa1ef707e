import { describe, expect, it } from 'vitest';
import { api, newCase } from './api-client.ts';

const unique = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const ifNoneMatch = (etag: string) => ({ headers: { 'if-none-match': etag } });

describe('polling a case with If-None-Match', () => {
  it('answers 304 with no body while the case is unchanged, then 200 with a new ETag', async () => {
    const { id } = await newCase();
    const etag = (await api('agent', 'GET', `/cases/${id}`)).headers.get('etag')!;

    const unchanged = await api('agent', 'GET', `/cases/${id}`, ifNoneMatch(etag));
    await api('agent2', 'POST', `/cases/${id}/notes`, { body: { text: 'Ewa adds a note' } });
    const changed = await api('agent', 'GET', `/cases/${id}`, ifNoneMatch(etag));

    expect([unchanged.status, unchanged.body, unchanged.headers.get('etag')]).toEqual([304, null, etag]);
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.body.timeline.at(-1)).toMatchObject({ type: 'note', text: 'Ewa adds a note' });
  });

  it('gives each caller the ETag of its own answer, as the commands it may run are its own', async () => {
    const { id } = await newCase('agent');
    const assignee = await api('agent', 'GET', `/cases/${id}`);

    const colleague = await api('agent2', 'GET', `/cases/${id}`, ifNoneMatch(assignee.headers.get('etag')!));

    expect(assignee.body.case.allowedCommands).toContain('unassign');
    expect(colleague.status).toBe(200);
    expect(colleague.body.case.allowedCommands).not.toContain('unassign');
    expect(colleague.headers.get('etag')).not.toBe(assignee.headers.get('etag'));
  });

  it('keeps the version first in the ETag, so it still works in If-Match', async () => {
    const { id, version } = await newCase();
    const etag = (await api('agent', 'GET', `/cases/${id}`)).headers.get('etag')!;

    const changed = await api('agent', 'PATCH', `/cases/${id}`, { body: { priority: 'high' }, headers: { 'if-match': etag } });

    expect(etag.startsWith(`"${version}.`)).toBe(true);
    expect(changed.status).toBe(200);
  });
});

describe('polling a queue with If-None-Match', () => {
  it('answers 304 while the page is unchanged, then 200 with a new ETag', async () => {
    const category = unique('polled');
    await newCase('agent', { category });
    const first = await api('agent', 'GET', `/queues/mine?category=${category}`);
    const etag = first.headers.get('etag')!;

    const unchanged = await api('agent', 'GET', `/queues/mine?category=${category}`, ifNoneMatch(etag));
    await newCase('agent', { category });
    const changed = await api('agent', 'GET', `/queues/mine?category=${category}`, ifNoneMatch(etag));

    expect(etag).toMatch(/^"[\w-]{43}"$/);
    expect([unchanged.status, unchanged.body, unchanged.headers.get('etag')]).toEqual([304, null, etag]);
    expect([changed.status, changed.body.items.length]).toEqual([200, 2]);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });
});
