import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '../../functions/store/client.ts';
import { TemplateStore } from '../../functions/store/template-store.ts';
import { api } from './api-client.ts';

const uniqueId = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

const reply = { kind: 'reply', language: 'en', name: 'Refund', body: 'Dear {{customer_name}}, your refund for case {{case_number}} is on its way.' };
const acknowledgement = (language: string) => ({
  kind: 'notification', language, purpose: 'acknowledgement', name: 'Our acknowledgement',
  subject: '[#{{case_number}}] Got it', body: 'We have your message about {{case_title}}.',
});

const store = () =>
  new TemplateStore(
    createDocumentClient(new DynamoDBClient({ endpoint: inject('dynamoDbEndpoint'), region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } })),
    inject('tableName'),
  );

describe('templates', () => {
  it('are created, read, listed, updated with If-Match and deleted by an admin', async () => {
    const id = uniqueId('refund');

    const created = await api('admin', 'PUT', `/templates/${id}`, { body: reply });
    const read = await api('agent', 'GET', `/templates/${id}`);
    const listed = await api('agent', 'GET', '/templates?limit=100');
    const updated = await api('admin', 'PUT', `/templates/${id}`, { body: { ...reply, name: 'Refund (new)' }, headers: { 'if-match': '"1"' } });
    const deleted = await api('admin', 'DELETE', `/templates/${id}`, { headers: { 'if-match': '"2"' } });
    const gone = await api('agent', 'GET', `/templates/${id}`);

    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body.template).toEqual({ id, ...reply, version: 1 });
    expect(read.body).toEqual(created.body);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(listed.body.items).toContainEqual(created.body.template);
    expect([updated.status, updated.headers.get('etag'), updated.body.template.name]).toEqual([200, '"2"', 'Refund (new)']);
    expect([deleted.status, deleted.body.template]).toEqual([200, updated.body.template]);
    expect(gone.status).toBe(404);
  });

  it('refuse a stale If-Match, and a create over an existing template, and leave it as it was', async () => {
    const id = uniqueId('stale');
    await api('admin', 'PUT', `/templates/${id}`, { body: reply });
    await api('admin', 'PUT', `/templates/${id}`, { body: { ...reply, name: 'Second' }, headers: { 'if-match': '"1"' } });

    const staleUpdate = await api('admin', 'PUT', `/templates/${id}`, { body: { ...reply, name: 'Lost' }, headers: { 'if-match': '"1"' } });
    const staleDelete = await api('admin', 'DELETE', `/templates/${id}`, { headers: { 'if-match': '"1"' } });
    const recreate = await api('admin', 'PUT', `/templates/${id}`, { body: reply });

    expect([staleUpdate.status, staleUpdate.body.error.code]).toEqual([409, 'version_conflict']);
    expect(staleUpdate.body.error.message).toContain('version 2, not 1');
    expect(staleDelete.status).toBe(409);
    expect([recreate.status, recreate.body.error.code]).toEqual([409, 'template_exists']);
    expect((await api('agent', 'GET', `/templates/${id}`)).body.template).toMatchObject({ name: 'Second', version: 2 });
  });

  it.each(['agent', 'robot'] as const)('may be listed and read by a %s, who may not change or delete them', async (who) => {
    const id = uniqueId('readonly');
    await api('admin', 'PUT', `/templates/${id}`, { body: reply });

    const list = await api(who, 'GET', '/templates');
    const read = await api(who, 'GET', `/templates/${id}`);
    const put = await api(who, 'PUT', `/templates/${id}`, { body: { ...reply, name: 'Mine' }, headers: { 'if-match': '"1"' } });
    const create = await api(who, 'PUT', `/templates/${uniqueId('new')}`, { body: reply });
    const remove = await api(who, 'DELETE', `/templates/${id}`);

    expect([list.status, read.status]).toEqual([200, 200]);
    expect([put.status, create.status, remove.status]).toEqual([403, 403, 403]);
    expect((await api('admin', 'GET', `/templates/${id}`)).body.template.version).toBe(1);
  });

  it('need a token', async () => {
    expect((await api('nobody', 'GET', '/templates')).status).toBe(401);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an unknown placeholder', { ...reply, body: 'Hi {{nope}}' }, ['body.body']],
    ['{{reply_text}} in a reply template', { ...reply, body: 'As I said: {{reply_text}}' }, ['body.body']],
    ['a purpose on a reply template', { ...reply, purpose: 'acknowledgement' }, ['body.purpose']],
    ['an unknown purpose', { ...acknowledgement('en'), purpose: 'welcome' }, ['body.purpose']],
    ['an id in the body', { ...reply, id: 'other' }, ['body']],
    ['a notification without a subject and with a bad placeholder in the body', { ...acknowledgement('en'), subject: undefined, body: '{{x}}' }, ['body.subject', 'body.body']],
  ])('refuse %s with the field paths at fault', async (_name, body, paths) => {
    const id = uniqueId('bad');

    const response = await api('admin', 'PUT', `/templates/${id}`, { body });

    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(paths);
    expect((await api('admin', 'GET', `/templates/${id}`)).status).toBe(404);
  });

  it('refuse an id that is not lower-case letters, digits, _ or -', async () => {
    const response = await api('admin', 'PUT', '/templates/Not%20OK', { body: reply });

    expect(response.status).toBe(400);
    expect(response.body.error.issues[0].path).toBe('params.templateId');
  });

  it('answer 404 for a missing template, to reads, updates and deletes', async () => {
    const id = uniqueId('missing');

    const responses = await Promise.all([
      api('agent', 'GET', `/templates/${id}`),
      api('admin', 'PUT', `/templates/${id}`, { body: reply, headers: { 'if-match': '"1"' } }),
      api('admin', 'DELETE', `/templates/${id}`),
    ]);

    expect(responses.map((r) => r.status)).toEqual([404, 404, 404]);
  });

  it('list in pages by id, each template once, and refuse a cursor from elsewhere', async () => {
    const prefix = uniqueId('page');
    const ids = [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`];
    for (const id of ids) await api('admin', 'PUT', `/templates/${id}`, { body: reply });

    const seen: string[] = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await api(
        'agent', 'GET', `/templates?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((t) => t.id));
      cursor = page.body.nextCursor;
    }
    const foreign = await api('agent', 'GET', `/templates?cursor=${Buffer.from(JSON.stringify({ s: 'templates', k: { pk: 'CASE#x', sk: 'CASE' } })).toString('base64url')}`);

    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => id.startsWith(prefix))).toEqual(ids);
    expect([foreign.status, foreign.body.error.issues[0].path]).toEqual([400, 'query.cursor']);
  });
});

describe('a template purpose', () => {
  it('names one template per language, which the mail sender finds; it moves and is freed with its template', async () => {
    const [first, second, polish] = [uniqueId('ack'), uniqueId('ack'), uniqueId('ack')];
    await api('admin', 'PUT', `/templates/${first}`, { body: acknowledgement('en') });

    const taken = await api('admin', 'PUT', `/templates/${second}`, { body: acknowledgement('en') });
    const otherLanguage = await api('admin', 'PUT', `/templates/${polish}`, { body: acknowledgement('pl') });
    const found = await store().forPurpose('acknowledgement', 'en');
    const keptOnUpdate = await api('admin', 'PUT', `/templates/${first}`, { body: { ...acknowledgement('en'), name: 'Renamed' }, headers: { 'if-match': '"1"' } });
    const released = await api('admin', 'PUT', `/templates/${first}`, { body: { ...acknowledgement('en'), purpose: undefined }, headers: { 'if-match': '"2"' } });
    const claimed = await api('admin', 'PUT', `/templates/${second}`, { body: acknowledgement('en') });
    const foundAfterMove = await store().forPurpose('acknowledgement', 'en');
    await api('admin', 'DELETE', `/templates/${second}`);
    const afterDelete = await store().forPurpose('acknowledgement', 'en');

    expect([taken.status, taken.body.error.code]).toEqual([409, 'template_purpose_taken']);
    expect(taken.body.error.message).toContain(first);
    expect(otherLanguage.status).toBe(201);
    expect(found).toMatchObject({ id: first, purpose: 'acknowledgement', language: 'en', version: 1 });
    expect([keptOnUpdate.status, released.status, claimed.status]).toEqual([200, 200, 201]);
    expect(released.body.template).not.toHaveProperty('purpose');
    expect(foundAfterMove?.id).toBe(second);
    expect(afterDelete).toBeNull();
    expect((await store().forPurpose('acknowledgement', 'pl'))?.id).toBe(polish);
    expect(await store().forPurpose('reply_notification', 'en')).toBeNull();
    // Other tests share this helpdesk, and its mail acknowledges new cases with this purpose's template.
    await api('admin', 'DELETE', `/templates/${polish}`);
  });

  it('goes to exactly one of two admins claiming it at once', async () => {
    const ids = [uniqueId('race'), uniqueId('race')];

    const responses = await Promise.all(ids.map((id) => api('admin', 'PUT', `/templates/${id}`, { body: { ...acknowledgement('en'), purpose: 'reply_notification', body: '{{reply_text}}' } })));

    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    const winner = ids[responses.findIndex((r) => r.status === 201)];
    expect((await store().forPurpose('reply_notification', 'en'))?.id).toBe(winner);
    await api('admin', 'DELETE', `/templates/${winner}`);
  });
});
