import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { api } from './api-client.ts';
import { PASSWORD, signInCustomer } from './intake-client.ts';
import { asCustomer, registeredCustomer } from './portal-client.ts';

async function itemsOf(pk: string): Promise<Record<string, unknown>[]> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: inject('dynamoDbEndpoint'), region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  try {
    const { Items } = await client.send(new QueryCommand({ TableName: inject('tableName'), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }));
    return Items ?? [];
  } finally {
    client.destroy();
  }
}

describe('deleting a customer account', () => {
  it('erases the person from their record and every case, keeps the cases, and ends the account', async () => {
    const { token, email, caseNumber } = await registeredCustomer('Jan Kowalski asks about the invoice');
    await asCustomer(token, 'PATCH', '/my/profile', {
      phone: '+48 600 700 800',
      invoice: { name: 'Kowalski Trade', taxId: '5260001246', street: 'ul. Polna 1', postalCode: '00-001', city: 'Warszawa', country: 'PL' },
    });
    const c = (await api('agent', 'GET', `/cases?number=${caseNumber}`)).body.items[0];
    await api('agent', 'POST', `/cases/${c.id}/claim`);
    await api('agent', 'POST', `/cases/${c.id}/notes`, { body: { text: `Called Jan Kowalski at +48 600 700 800 (${email}).` } });
    await api('agent', 'POST', `/cases/${c.id}/replies`, { body: { text: 'Dear Jan Kowalski, the invoice is on its way.' } });
    await asCustomer(token, 'POST', `/my/cases/${c.id}/comments`, { text: 'Thanks! Jan Kowalski, Kowalski Trade, NIP 5260001246' });
    const customerId = (await api('agent', 'GET', `/customers?email=${encodeURIComponent(email)}`)).body.customer.id;

    const deleted = await asCustomer(token, 'DELETE', '/my/account');

    expect(deleted.status).toBe(204);
    const everything = JSON.stringify([...(await itemsOf(`CASE#${c.id}`)), ...(await itemsOf(`CUSTOMER#${customerId}`))]);
    for (const personal of ['Jan Kowalski', 'Kowalski', email, '600 700 800', '5260001246', 'Polna']) {
      expect(everything.toLowerCase()).not.toContain(personal.toLowerCase());
    }
    const kept = await api('agent', 'GET', `/cases/${c.id}`);
    expect(kept.body.case).toMatchObject({ id: c.id, status: 'in_progress', customerId, contacts: { primaryContact: null, requester: null } });
    expect(kept.body.timeline.map((entry: { type: string }) => entry.type)).toContain('reply');
    expect((await api('agent', 'GET', `/customers/${customerId}`)).body.customer).toMatchObject({ name: null, email: null, phone: null, account: null, invoice: null });
    expect((await api('agent', 'GET', `/customers?email=${encodeURIComponent(email)}`)).status).toBe(404);
    expect((await signInCustomer(email, PASSWORD)).type).toBe('NotAuthorizedException');
    expect((await asCustomer(token, 'GET', '/my/cases')).status).toBe(401);
  });
});
