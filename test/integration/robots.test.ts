import { describe, expect, it } from 'vitest';
import { api, newCase } from './api-client.ts';

describe('robots', () => {
  it('take the oldest matching case from "to assign" and can hand it back to To Do', async () => {
    const inbox = `robots-${Date.now()}@acme.example`;
    const older = await newCase('agent', { assigneeId: null, inbox });
    await newCase('agent', { assigneeId: null, inbox });

    const taken = await api('robot', 'POST', '/robot/next', { body: { inbox } });
    expect(taken.status).toBe(200);
    expect(taken.body.case).toMatchObject({ id: older.id, assigneeId: 'robot-1', status: 'new' });

    const rejected = await api('robot', 'POST', `/cases/${older.id}/reject`, { body: { reason: 'scanned attachment unreadable' } });
    expect(rejected.body.case).toMatchObject({ status: 'new', assigneeId: null });
    const timeline = (await api('agent', 'GET', `/cases/${older.id}`)).body.timeline;
    expect(timeline.at(-2)).toMatchObject({ type: 'system', event: 'rejected_by_robot', detail: 'scanned attachment unreadable', actor: { kind: 'robot' } });
  });

  it('never hand one case to two robots racing for it', async () => {
    const inbox = `race-${Date.now()}@acme.example`;
    const only = await newCase('agent', { assigneeId: null, inbox });

    const results = await Promise.all([1, 2, 3].map(() => api('robot', 'POST', '/robot/next', { body: { inbox } })));

    expect(results.filter((r) => r.status === 200).map((r) => r.body.case.id)).toEqual([only.id]);
    expect(results.filter((r) => r.status !== 200).map((r) => r.status)).toEqual([404, 404]);
  });

  it('get 404 when nothing matches', async () => {
    const response = await api('robot', 'POST', '/robot/next', { body: { inbox: 'nobody-writes-here@acme.example' } });

    expect(response.status).toBe(404);
  });
});
