import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executionArnOf } from './execution-arn.ts';
import { type Client, eventually, openCase, ownHelpdesk } from './local-helpdesk.ts';

describe('a timer whose execution failed while the database was down', () => {
  let client: Client;
  beforeAll(async () => {
    client = await ownHelpdesk({
      dataDir: mkdtempSync(join(tmpdir(), 'helpdesk-reconcile-')),
      // Retries without pauses: the execution gives up well before the database is back.
      timerRetryIntervalMs: 0,
      dynamoDbRestartDelayMs: 10_000,
      timerReconcileIntervalMs: 500,
      timerReconcileMarginMs: 2_000,
    });
  });
  afterAll(async () => client.helpdesk.stop());

  it('is re-armed once the database is back, and fires exactly once', async () => {
    const id = await openCase(client);
    const until = new Date(Date.now() + 3_000).toISOString();
    const waiting = await client.call('agent', 'PUT', `/cases/${id}/wait`, { kind: 'follow_up', until });
    expect(waiting.status).toBe(200);
    const first = executionArnOf(id, waiting.body.case.timer.generation);
    await eventually(async () => client.helpdesk.stepFunctions.describeExecution(first).status === 'RUNNING');

    process.kill(client.helpdesk.dynamoDb.pid()!, 'SIGKILL');
    await eventually(async () => client.helpdesk.stepFunctions.describeExecution(first).status === 'FAILED', 20_000);
    // The point of the test: the execution gave up while the database was still down.
    expect(client.helpdesk.dynamoDb.up()).toBe(false);

    const fired = await eventually(async () => {
      // Another agent looks, so the highlight the assignee would clear by opening it stays visible.
      const { status, body } = await client.call('agent2', 'GET', `/cases/${id}`);
      return status === 200 && body.case.status === 'in_progress' && body;
    }, 40_000);
    const events = fired.timeline.filter((e: any) => e.type === 'system').map((e: any) => e.event);

    expect(events.filter((event: string) => event === 'timer_fired')).toHaveLength(1);
    expect([events[0], events.at(-1)]).toEqual(['timer_rearmed', 'timer_fired']);
    expect(fired.case).toMatchObject({ timer: null, wait: null, highlighted: true });
  });
});
