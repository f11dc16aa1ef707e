import { describe, expect, it } from 'vitest';
import { api, completeCase, newCase } from './api-client.ts';

describe('optimistic locking', () => {
  it('refuses a change made against an older version with 409', async () => {
    const { id } = await newCase();
    const seen = await api('agent', 'GET', `/cases/${id}`);
    const etag = seen.headers.get('etag')!;
    await api('agent2', 'POST', `/cases/${id}/notes`, { body: { text: 'Ewa was faster' } });

    const stale = await api('agent', 'PATCH', `/cases/${id}`, { body: { priority: 'urgent' }, headers: { 'if-match': etag } });

    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await api('agent', 'GET', `/cases/${id}`)).body.case.priority).toBe('normal');
  });

  it('accepts a change made against the current version and returns the new ETag', async () => {
    const { id, version } = await newCase();

    const fresh = await api('agent', 'PATCH', `/cases/${id}`, { body: { priority: 'high' }, headers: { 'if-match': `"${version}"` } });

    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).toBe(`"${version + 1}"`);
  });

  it('lets exactly one of two concurrent claims win', async () => {
    const { id, version } = await newCase('agent', { assigneeId: null });
    const ifMatch = { 'if-match': `"${version}"` };

    const results = await Promise.all([
      api('agent', 'POST', `/cases/${id}/claim`, { headers: ifMatch }),
      api('agent2', 'POST', `/cases/${id}/claim`, { headers: ifMatch }),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const timeline = (await api('agent', 'GET', `/cases/${id}`)).body.timeline;
    expect(timeline.filter((e: any) => e.type === 'field_change' && e.changes.some((c: any) => c.field === 'assigneeId'))).toHaveLength(1);
  });

  it('applies concurrent notes without If-Match one after the other, losing none', async () => {
    const { id } = await newCase();

    const results = await Promise.all(
      ['one', 'two', 'three'].map((text) => api('agent', 'POST', `/cases/${id}/notes`, { body: { text } })),
    );

    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const notes = (await api('agent', 'GET', `/cases/${id}`)).body.timeline.filter((e: any) => e.type === 'note');
    expect(notes.map((n: any) => n.text).sort()).toEqual(['one', 'three', 'two']);
  });
});

describe('invalid transitions', () => {
  it('answer 409 and list the commands allowed now', async () => {
    const { id } = await newCase();
    await api('agent', 'POST', `/cases/${id}/spam`);

    const refused = await api('agent', 'POST', `/cases/${id}/replies`, { body: { text: 'too late' } });

    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'invalid_transition', allowed: ['link_customer', 'regenerate_link'] });
  });

  it('refuse to claim a case someone else holds', async () => {
    const { id } = await newCase('agent2');

    const refused = await api('agent', 'POST', `/cases/${id}/claim`);

    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/assigned to agent-ewa/);
  });
});

describe('idempotent retries', () => {
  it('create the case once for two requests with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `create-${Date.now()}` };

    const first = await api('agent', 'POST', '/cases', { body: completeCase({ title: 'Once only' }), headers });
    const retry = await api('agent', 'POST', '/cases', { body: completeCase({ title: 'Once only' }), headers });

    expect(retry.status).toBe(201);
    expect(retry.body.case.id).toBe(first.body.case.id);
    expect(retry.body.case.number).toBe(first.body.case.number);
  });

  it('replay a command instead of refusing it as a repeat', async () => {
    const { id } = await newCase('agent', { assigneeId: null });
    const headers = { 'idempotency-key': `claim-${id}` };

    const first = await api('agent', 'POST', `/cases/${id}/claim`, { headers });
    const retry = await api('agent', 'POST', `/cases/${id}/claim`, { headers });

    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  it('refuse the same key for a different request', async () => {
    const headers = { 'idempotency-key': `reuse-${Date.now()}` };
    await api('agent', 'POST', '/cases', { body: completeCase({ title: 'A' }), headers });

    const reused = await api('agent', 'POST', '/cases', { body: completeCase({ title: 'B' }), headers });

    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });
});
