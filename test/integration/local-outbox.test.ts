import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../local/free-port.ts';
import { ownHelpdesk } from './local-helpdesk.ts';

const RAW = 'From: support@acme.example\r\nTo: jan@example.com\r\nSubject: [#7] Hello\r\n\r\nHi.\r\n';

describe('the local helpdesk outbox', () => {
  it('receives what an SESv2 client configured from the environment sends, and keeps it across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-outbox-'));
    const ports = { dynamoDbPort: await freePort(), stepFunctionsPort: await freePort(), sesPort: await freePort() };
    const first = await ownHelpdesk({ dataDir, ...ports });
    let messageId: string | undefined;
    try {
      // As a deployed function builds it: no endpoint in code, AWS_ENDPOINT_URL_SESV2 points it locally.
      const ses = new SESv2Client({});
      messageId = (await ses.send(new SendEmailCommand({ Content: { Raw: { Data: Buffer.from(RAW) } } }))).MessageId;
      ses.destroy();
    } finally {
      await first.helpdesk.stop();
    }

    const second = await ownHelpdesk({ dataDir, ...ports });
    try {
      const listing = (await (await fetch(second.helpdesk.outbox.url)).json()) as { messages: { messageId: string }[] };

      expect(listing.messages.map((m) => m.messageId)).toEqual([messageId]);
      expect(second.helpdesk.outbox.dir).toBe(join(dataDir, 'outbox'));
    } finally {
      await second.helpdesk.stop();
    }
  });
});
