import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, openCase, ownHelpdesk } from './local-helpdesk.ts';

describe('under the "reopen closed cases" policy (Sugester)', () => {
  let client: Client;
  beforeAll(async () => {
    client = await ownHelpdesk({ settings: { reopenClosed: 'reopen' } });
  });
  afterAll(async () => client.helpdesk.stop());

  it('a message after Closed reopens the same case', async () => {
    const id = await openCase(client);
    await client.call('agent', 'POST', `/cases/${id}/close`, { method: 'replied_to_customer' });

    const reopened = await client.call('robot', 'POST', `/cases/${id}/messages`, { text: 'Again', channel: 'email' });

    expect(reopened.status).toBe(200);
    expect(reopened.body.case).toMatchObject({ id, status: 'in_progress', highlighted: true, closedAt: null, assigneeId: 'agent-ala' });
  });
});
