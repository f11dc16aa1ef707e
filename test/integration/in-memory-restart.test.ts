import { describe, expect, it } from 'vitest';
import { eventually, openCase, ownHelpdesk } from './local-helpdesk.ts';

// In a file of its own: the function modules keep the DynamoDB client of the first helpdesk their
// process ran, as a Lambda keeps its clients, so each helpdesk with other ports needs its own process.
describe('an in-memory DynamoDB Local that dies', () => {
  it('comes back with the table, so the helpdesk takes new cases again (the old ones are gone)', async () => {
    const inMemory = await ownHelpdesk({ dynamoDbRestartDelayMs: 200 });
    try {
      const lost = await openCase(inMemory);
      process.kill(inMemory.helpdesk.dynamoDb.pid()!, 'SIGKILL');
      await eventually(async () => !inMemory.helpdesk.dynamoDb.up());
      await eventually(async () => inMemory.helpdesk.dynamoDb.up(), 20_000);

      const created = await openCase(inMemory);
      const gone = await inMemory.call('agent', 'GET', `/cases/${lost}`);

      expect(created).toMatch(/^[0-9a-f-]{36}$/);
      expect(gone.status).toBe(404);
    } finally {
      await inMemory.helpdesk.stop();
    }
  });
});
