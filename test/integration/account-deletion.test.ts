import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import { api } from './api-client.ts';
import { activate, PASSWORD, registration, signInCustomer, submitAndGetToken } from './intake-client.ts';
import { eventually } from './local-helpdesk.ts';
import { casesOf, sendMail, timeline, uniqueSender } from './mail-client.ts';
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

  it('deletes the mails and files they sent from the mail bucket, forgets their used link and the items keyed by their address, and finds the phone however written', async () => {
    const email = uniqueSender('erase');
    const submittedInHour = new Date().toISOString().slice(0, 13);
    const pdf = Buffer.from('%PDF-1.4 contract of Jan Kowalski\n');
    const upload = (await api('nobody', 'POST', '/public/intake/uploads', { body: { filename: 'umowa.pdf', contentType: 'application/pdf', size: pdf.length } })).body;
    await fetch(upload.uploadUrl, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: pdf });
    const linkToken = await submitAndGetToken(email, { name: 'Jan Kowalski', attachments: [{ key: upload.key, filename: 'umowa.pdf', contentType: 'application/pdf', size: pdf.length }] });
    await activate(linkToken, registration);
    const token = (await signInCustomer(email, PASSWORD)).accessToken!;
    await asCustomer(token, 'PATCH', '/my/profile', { phone: '+48 600 700 800' });
    await sendMail({ from: `Jan Kowalski <${email}>`, subject: 'A scan for you', text: 'Call me at 600-700-800.', attachments: [{ filename: 'skan.png', content: Buffer.from('png bytes'), contentType: 'image/png' }] });
    const cases = await eventually(async () => {
      const found = await casesOf(email);
      return found.length === 2 && found;
    });
    for (const c of cases) await api('agent', 'POST', `/cases/${c.id}/notes`, { body: { text: 'He said 0048 600.700.800 or (600) 700800 works.' } });
    const entries = (await Promise.all(cases.map((c: { id: string }) => timeline(c.id)))).flat();
    const mailed = entries.find((entry) => entry.mail)!.mail;
    const stored = [mailed.rawKey, mailed.htmlKey, mailed.fullTextKey, ...mailed.attachments.map((file: { key: string }) => file.key), upload.key.replace('uploads/', 'intake/')].filter(Boolean);
    const s3 = new URL(upload.uploadUrl);
    const bucketPath = s3.pathname.slice(0, s3.pathname.indexOf('/', 1));
    const exists = async (key: string) => (await fetch(`${s3.origin}${bucketPath}/${key}`, { method: 'HEAD' })).status;
    expect(await Promise.all(stored.map(exists))).toEqual(stored.map(() => 200));
    expect(stored.length).toBeGreaterThanOrEqual(3);
    // The counter is of the hour the form was sent in, which the test may have left since.
    const hours = [...new Set([submittedInHour, new Date().toISOString().slice(0, 13)])];
    const addressItems = async () => [...(await Promise.all(hours.map((hour) => itemsOf(`INTAKE_RATE#${email}#${hour}`)))).flat(), ...(await itemsOf(`AUTOREPLY#${email}`))];
    expect((await addressItems()).map((item) => item.kind)).toEqual(['intake-rate', 'auto-replies']);

    expect((await asCustomer(token, 'DELETE', '/my/account')).status).toBe(204);

    expect(await Promise.all(stored.map(exists))).toEqual(stored.map(() => 404));
    const after = JSON.stringify(await Promise.all(cases.map(async (c: { id: string }) => itemsOf(`CASE#${c.id}`))));
    for (const key of stored) expect(after).not.toContain(key);
    for (const personal of ['Kowalski', email, '700-800', '700.800', '700800', '700 800']) expect(after.toLowerCase()).not.toContain(personal.toLowerCase());
    const link = await itemsOf(`ACTIVATION#${createHash('sha256').update(linkToken).digest('base64url')}`);
    expect(link).toHaveLength(1);
    expect(JSON.stringify(link)).not.toMatch(/Kowalski|erase-/i);
    expect(await addressItems()).toEqual([]);
  });
});
