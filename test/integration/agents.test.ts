import { describe, expect, it } from 'vitest';
import { api, completeCase, newCase } from './api-client.ts';

describe('the agent directory', () => {
  it('lists the local staff accounts by name, for agents and robots alike', async () => {
    const forAgent = await api('agent', 'GET', '/agents');
    const forRobot = await api('robot', 'GET', '/agents');

    expect(forAgent.status).toBe(200);
    expect(forAgent.body.agents).toEqual([
      { id: 'agent-ala', name: 'Ala (agent)', email: 'ala@staff.example' },
      { id: 'agent-ewa', name: 'Ewa (agent)', email: 'ewa@staff.example' },
      { id: 'admin-ola', name: 'Ola (admin)', email: 'ola@staff.example' },
    ]);
    expect(forRobot.body).toEqual(forAgent.body);
  });

  it('is not for a caller without a token', async () => {
    expect((await api('nobody', 'GET', '/agents')).status).toBe(401);
  });
});

describe('assignees from the directory', () => {
  it('refuses to delegate to an id that is not in it, naming the field, and leaves the case as it was', async () => {
    const { id, version } = await newCase('agent');

    const refused = await api('agent', 'POST', `/cases/${id}/delegate`, { body: { agentId: 'nobody-123' } });
    const after = await api('agent', 'GET', `/cases/${id}`);

    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([{ path: 'body.agentId', message: expect.stringContaining('nobody-123') }]);
    expect(after.body.case).toMatchObject({ assigneeId: 'agent-ala', version });
  });

  it('delegates to an agent who is in it', async () => {
    const { id } = await newCase('agent');

    const delegated = await api('agent', 'POST', `/cases/${id}/delegate`, { body: { agentId: 'admin-ola' } });

    expect(delegated.status).toBe(200);
    expect(delegated.body.case).toMatchObject({ assigneeId: 'admin-ola', delegatedBy: 'agent-ala' });
  });

  it('refuses to create a case for an assignee who is not in it', async () => {
    const refused = await api('robot', 'POST', '/cases', { body: completeCase({ assigneeId: 'nobody-123' }) });

    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([{ path: 'body.assigneeId', message: expect.stringContaining('nobody-123') }]);
  });

  it('creates a case for an agent in it, or for "to assign"', async () => {
    const forEwa = await api('robot', 'POST', '/cases', { body: completeCase({ assigneeId: 'agent-ewa' }) });
    const toAssign = await api('agent', 'POST', '/cases', { body: completeCase({ assigneeId: null }) });

    expect([forEwa.status, forEwa.body.case.assigneeId]).toEqual([201, 'agent-ewa']);
    expect([toAssign.status, toAssign.body.case.assigneeId]).toEqual([201, null]);
  });
});
