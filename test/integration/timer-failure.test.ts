import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, eventually, openCase, ownHelpdesk } from './local-helpdesk.ts';
import { executionArnOf } from './execution-arn.ts';

describe('a timer that cannot be applied', () => {
  let client: Client;
  beforeAll(async () => {
    client = await ownHelpdesk({ timeScale: 0.00001, timerRetryIntervalMs: 10 });
  });
  afterAll(async () => client.helpdesk.stop());

  it('is recorded on the case timeline and fails its execution (which the alarm counts)', async () => {
    const id = await openCase(client);
    await client.call('agent', 'POST', `/cases/${id}/replies`, { text: 'Answer' });
    // Corrupt the stored status behind the API's back so that applying the timer must fail.
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: client.helpdesk.dynamoDbEndpoint }));
    await db.send(new UpdateCommand({
      TableName: client.helpdesk.tableName, Key: { pk: `CASE#${id}`, sk: 'CASE' },
      UpdateExpression: 'SET #s = :s', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': 'in_progress' },
    }));

    const failed = await eventually(async () => {
      const execution = client.helpdesk.stepFunctions.describeExecution(executionArnOf(id));
      return execution.status === 'FAILED' && execution;
    });
    const { body } = await client.call('agent', 'GET', `/cases/${id}`);

    expect(failed.error).toBeDefined();
    expect(body.timeline.at(-1)).toMatchObject({ type: 'system', event: 'timer_failed', actor: { kind: 'system' } });
    expect(body.timeline.at(-1).detail).toMatch(/auto_close timer \(generation 1\) could not be applied/);
  });
});
