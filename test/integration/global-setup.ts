import type { TestProject } from 'vitest/node';
import { startLocalHelpdesk } from '../../local/start.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    tokens: Record<'agent' | 'agent2' | 'admin' | 'robot', string>;
    dynamoDbEndpoint: string;
    tableName: string;
    smtpPort: number;
    mailboxes: string[];
    outboxUrl: string;
    customerPool: { cognitoUrl: string; clientId: string };
  }
}

/** One local helpdesk (DynamoDB Local in memory + the HTTP server) for every integration test file. */
export default async function setup(project: TestProject) {
  const helpdesk = await startLocalHelpdesk({ port: 0 });
  project.provide('apiUrl', helpdesk.url);
  project.provide('tokens', helpdesk.tokens);
  project.provide('dynamoDbEndpoint', helpdesk.dynamoDbEndpoint);
  project.provide('tableName', helpdesk.tableName);
  project.provide('smtpPort', helpdesk.mail.smtpPort);
  project.provide('mailboxes', helpdesk.mail.mailboxes);
  project.provide('outboxUrl', helpdesk.outbox.url);
  project.provide('customerPool', { cognitoUrl: helpdesk.customerPool.cognitoUrl, clientId: helpdesk.customerPool.clientId });
  return async () => helpdesk.stop();
}
