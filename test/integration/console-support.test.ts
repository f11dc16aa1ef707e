import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '../../functions/store/client.ts';
import { CaseStore } from '../../functions/store/case-store.ts';
import { queuePartition } from '../../functions/store/keys.ts';
import { api, newCase } from './api-client.ts';

const unique = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

const documentClient = () =>
  createDocumentClient(new DynamoDBClient({ endpoint: inject('dynamoDbEndpoint'), region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));

const countOf = (body: { counts: { queue: string; count: number; more: boolean }[] }, queue: string) => body.counts.find((c) => c.queue === queue);

describe('tenant settings for clients', () => {
  it("answers the demo tenant's custom statuses and choices, with a 304 when polled unchanged", async () => {
    const first = await api('agent', 'GET', '/settings');
    const again = await api('agent', 'GET', '/settings', { headers: { 'if-none-match': first.headers.get('etag')! } });

    expect(first.status).toBe(200);
    expect(first.body.settings).toMatchObject({
      name: 'Helpdesk',
      language: 'pl',
      timeZone: 'Europe/Warsaw',
      customStatuses: [
        { id: 'awaiting-parts', label: 'Czeka na części', systemStatus: 'waiting' },
        { id: 'escalated', label: 'Przekazane do działu IT', systemStatus: 'in_progress' },
      ],
      categories: [],
      types: [],
      requireResolution: 'none',
    });
    expect(again.status).toBe(304);
  });

  it('is not for a caller without a token', async () => {
    expect((await api('nobody', 'GET', '/settings')).status).toBe(401);
  });
});

describe('queue counts', () => {
  it('count a new case in "to assign" and a claimed one in the claimer\'s own queue', async () => {
    const before = (await api('agent2', 'GET', '/queues')).body;
    const { id } = await newCase('robot', { assigneeId: null });
    const withNew = (await api('agent2', 'GET', '/queues')).body;
    await api('agent2', 'POST', `/cases/${id}/claim`);
    const claimed = (await api('agent2', 'GET', '/queues')).body;

    expect(withNew.counts.map((c: { queue: string }) => c.queue)).toEqual(['to-assign', 'mine', 'delegated', 'waiting']);
    // Other tests share this helpdesk, so a count only ever grows by at least what this test added.
    expect(countOf(withNew, 'to-assign')!.count).toBeGreaterThanOrEqual(Math.min(countOf(before, 'to-assign')!.count + 1, 100));
    expect(countOf(claimed, 'mine')!.count).toBeGreaterThanOrEqual(Math.min(countOf(before, 'mine')!.count + 1, 100));
  });

  it('stop at the cap and say there are more, and count exactly below it', async () => {
    const store = new CaseStore(documentClient(), inject('tableName'));
    const owner = unique('counted-agent');
    const items = Array.from({ length: 7 }, (_, i) => ({
      pk: `COUNT-TEST#${owner}#${i}`, sk: 'CASE', gsi1pk: queuePartition.mine(owner), gsi1sk: `2026-01-0${i + 1}T00:00:00.000Z#${i}`,
    }));
    await documentClient().send(new BatchWriteCommand({ RequestItems: { [inject('tableName')]: items.map((Item) => ({ PutRequest: { Item } })) } }));

    expect(await store.countQueue('mine', owner, 5)).toEqual({ count: 5, more: true });
    expect(await store.countQueue('mine', owner, 7)).toEqual({ count: 7, more: false });
    expect(await store.countQueue('mine', owner, 8)).toEqual({ count: 7, more: false });
    expect(await store.countQueue('waiting', owner, 5)).toEqual({ count: 0, more: false });
  });
});

describe("an agent's preferences", () => {
  it('are none until saved, then follow the agent, and are their own', async () => {
    const before = await api('admin', 'GET', '/me/preferences');
    const saved = await api('admin', 'PUT', '/me/preferences', { body: { language: 'en', timeZone: 'America/New_York' } });
    const read = await api('admin', 'GET', '/me/preferences');
    const someoneElse = await api('agent2', 'GET', '/me/preferences');

    expect([before.status, saved.status]).toEqual([200, 200]);
    expect(saved.body.preferences).toEqual({ language: 'en', timeZone: 'America/New_York', updatedAt: expect.any(String) });
    expect(read.body).toEqual(saved.body);
    expect(someoneElse.body.preferences?.timeZone).not.toBe('America/New_York');
  });

  it('refuse an unknown time zone or language with the field paths, and a robot', async () => {
    const bad = await api('agent', 'PUT', '/me/preferences', { body: { language: 'de', timeZone: 'Mars/Olympus' } });
    const robot = await api('robot', 'PUT', '/me/preferences', { body: { language: 'en', timeZone: 'UTC' } });

    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.language', 'body.timeZone']);
    expect(robot.status).toBe(403);
  });
});

describe('a template filled in for a case', () => {
  it("replaces the case's and the caller's placeholders, leaving the template as saved", async () => {
    const templateId = unique('thanks');
    await api('admin', 'PUT', `/templates/${templateId}`, {
      body: { kind: 'reply', language: 'pl', name: 'Podziękowanie', subject: 'Re: {{case_title}}', body: 'Dzień dobry {{customer_name}},\nw sprawie #{{case_number}} pisze {{agent_name}}.' },
    });
    const { id, number } = await newCase('agent', { title: 'Drukarka {{case_number}}' });

    const rendered = await api('agent', 'GET', `/cases/${id}/templates/${templateId}`);

    expect(rendered.status).toBe(200);
    expect(rendered.body.rendered).toEqual({
      templateId,
      kind: 'reply',
      language: 'pl',
      subject: 'Re: Drukarka {{case_number}}',
      body: `Dzień dobry Jan,\nw sprawie #${number} pisze Ala (agent).`,
    });
  });

  it('refuses a notification template, and answers 404 for a template or case that does not exist', async () => {
    const templateId = unique('notice');
    await api('admin', 'PUT', `/templates/${templateId}`, { body: { kind: 'notification', language: 'en', name: 'N', subject: 'S', body: 'B' } });
    const { id } = await newCase();

    const notification = await api('agent', 'GET', `/cases/${id}/templates/${templateId}`);
    const missingTemplate = await api('agent', 'GET', `/cases/${id}/templates/${unique('missing')}`);
    const missingCase = await api('agent', 'GET', `/cases/00000000-0000-4000-8000-000000000000/templates/${templateId}`);

    expect([notification.status, notification.body.error.issues[0].path]).toEqual([400, 'params.templateId']);
    expect([missingTemplate.status, missingCase.status]).toEqual([404, 404]);
  });
});
