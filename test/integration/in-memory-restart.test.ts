import { describe, expect, it } from 'vitest';
import { executionArnOf } from './execution-arn.ts';
import { eventually, openCase, ownHelpdesk } from './local-helpdesk.ts';

// In a file of its own: the function modules keep the DynamoDB client of the first helpdesk their
// process ran, as a Lambda keeps its clients, so each helpdesk with other ports needs its own process.
describe('an in-memory DynamoDB Local that dies', () => {
  it('comes back with the table and its stream, so the helpdesk takes new cases and arms their timers again', async () => {
    const inMemory = await ownHelpdesk({ dynamoDbRestartDelayMs: 200 });
    try {
      const lost = await openCase(inMemory);
      process.kill(inMemory.helpdesk.dynamoDb.pid()!, 'SIGKILL');
      await eventually(async () => !inMemory.helpdesk.dynamoDb.up());
      await eventually(async () => inMemory.helpdesk.dynamoDb.up(), 20_000);

      const created = await openCase(inMemory);
      await inMemory.call('agent', 'POST', `/cases/${created}/replies`, { text: 'Answer' });
      const gone = await inMemory.call('agent', 'GET', `/cases/${lost}`);

      expect(gone.status).toBe(404);
      await eventually(async () => inMemory.helpdesk.stepFunctions.describeExecution(executionArnOf(created)).status === 'RUNNING', 20_000);
    } finally {
      await inMemory.helpdesk.stop();
    }
  });
});
