import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../local/free-port.ts';
import { eventually, openCase, ownHelpdesk } from './local-helpdesk.ts';
import { executionArnOf } from './execution-arn.ts';

describe('pending timers across a restart', () => {
  it('still fire after the local helpdesk restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-restart-'));
    // The 3-day auto-close lasts about 5 s here: long enough to stop before it fires.
    const timeScale = 0.00002;
    const ports = { dynamoDbPort: await freePort(), stepFunctionsPort: await freePort() };
    const first = await ownHelpdesk({ dataDir, timeScale, ...ports });
    let id: string;
    try {
      id = await openCase(first);
      await first.call('agent', 'POST', `/cases/${id}/replies`, { text: 'Answer' });
      await eventually(async () => first.helpdesk.stepFunctions.describeExecution(executionArnOf(id)).status === 'RUNNING');
    } finally {
      await first.helpdesk.stop();
    }

    const second = await ownHelpdesk({ dataDir, timeScale, ...ports });
    try {
      const closed = await eventually(async () => {
        const { body } = await second.call('agent', 'GET', `/cases/${id}`);
        return body.case.status === 'closed' && body;
      }, 20_000);

      expect(closed.timeline.filter((e: any) => e.event === 'auto_closed')).toHaveLength(1);
    } finally {
      await second.helpdesk.stop();
    }
  });
});
