import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EventBridgeEvent } from 'aws-lambda';
import { describe, expect, inject, it } from 'vitest';
import type { SesEvent } from '../../functions/mail/delivery-report.ts';
import { recordDelivery } from '../../functions/mail/record-delivery.ts';
import { CaseStore } from '../../functions/store/case-store.ts';
import { createDocumentClient } from '../../functions/store/client.ts';
import { api } from './api-client.ts';
import { eventually } from './local-helpdesk.ts';
import { casesOf, mailbox, outboxFor, sendMail, timeline, uniqueSender } from './mail-client.ts';

const cases = new CaseStore(
  createDocumentClient(new DynamoDBClient({ endpoint: inject('dynamoDbEndpoint'), region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } })),
  inject('tableName'),
);
const domain = () => mailbox().split('@')[1]!;
const sesEvent = (detail: SesEvent) => ({ detail }) as EventBridgeEvent<string, SesEvent>;

describe('SES delivery events', () => {
  it('move a sent reply forward, and a late or repeated event never moves it back', async () => {
    const customer = uniqueSender();
    await sendMail({ from: customer, subject: 'Delivery', text: 'Question.' });
    const [summary] = await casesOf(customer);
    await api('agent', 'POST', `/cases/${summary.id}/claim`);
    await api('agent', 'POST', `/cases/${summary.id}/replies`, { body: { text: 'Answer.' } });
    const sent = await eventually(async () => (await timeline(summary.id)).find((e) => e.type === 'reply' && e.delivery === 'sent'));
    const mail = { commonHeaders: { messageId: `<${sent.messageId}>` } };
    const deps = { cases, mailDomain: domain() };
    const delivery = async () => (await timeline(summary.id)).find((e) => e.seq === sent.seq);

    await recordDelivery(sesEvent({ eventType: 'Delivery', mail }), deps);
    expect(await delivery()).toMatchObject({ delivery: 'delivered' });

    await recordDelivery(sesEvent({ eventType: 'Delivery', mail }), deps);
    await recordDelivery(sesEvent({ eventType: 'Send', mail }), deps);
    expect(await delivery()).toMatchObject({ delivery: 'delivered' });

    await recordDelivery(sesEvent({ eventType: 'Complaint', mail, complaint: { complaintFeedbackType: 'abuse' } }), deps);
    await recordDelivery(sesEvent({ eventType: 'Delivery', mail }), deps);
    expect(await delivery()).toMatchObject({ delivery: 'complained', deliveryDetail: 'marked as abuse' });
  });
});

describe('a reply SES refuses', () => {
  it('is marked failed on its entry with the reason, and is not sent again', async () => {
    const created = await api('agent', 'POST', '/cases', {
      body: { title: 'Unreachable', description: 'd', category: 'c', contacts: { primaryContact: { email: 'someone@nowhere.invalid' }, requester: { email: 'someone@nowhere.invalid' } } },
    });

    await api('agent', 'POST', `/cases/${created.body.case.id}/replies`, { body: { text: 'Can you hear me?' } });

    const failed = await eventually(async () => (await timeline(created.body.case.id)).find((e) => e.type === 'reply' && e.delivery === 'failed'));
    expect(failed.deliveryDetail).toMatch(/MessageRejected: Email address is not verified: someone@nowhere.invalid/);
    expect(failed).not.toHaveProperty('messageId');
    expect(await outboxFor('someone@nowhere.invalid')).toEqual([]);
  });
});
