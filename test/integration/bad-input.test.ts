import { beforeAll, describe, expect, it } from 'vitest';
import { type Route, routes } from '../../functions/routes.ts';
import { api, newCase, type Who } from './api-client.ts';
import { registeredCustomer } from './portal-client.ts';

const all = Object.entries(routes) as [string, Route][];
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
/** Someone the route lets in, so what is tested is the input, not the role: a staff role, or a signed-in customer. */
const callerOf = (route: Route): Who =>
  route.auth === 'public' || route.auth === 'customer' ? 'nobody' : (['agent', 'admin', 'robot'] as const).find((role) => route.auth.includes(role))!;
let customerToken = '';
beforeAll(async () => {
  customerToken = (await registeredCustomer()).token;
});
/** Calls the route as its caller; the customer's token goes in its header. */
const call = (route: Route, method: string, path: string, options: Parameters<typeof api>[3] = {}) =>
  api(callerOf(route), method, path, route.auth === 'customer' ? { ...options, headers: { ...options.headers, authorization: `Bearer ${customerToken}` } } : options);
/** Numbers (an entry, an attachment) are the first of their kind: only the case is unknown. */
const NUMERIC_PARAMS = new Set(['seq', 'index']);
const pathWith = (route: Route, value: string) =>
  route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (value !== UNKNOWN_ID) return value;
    return name === 'queue' ? 'mine' : NUMERIC_PARAMS.has(name) ? '1' : value;
  });
/** Wrong for every kind of path parameter: ids, slugs, numbers and queue names. */
const MALFORMED = 'Not%20an%20id!';
const idOf = (route: Route) => all.find(([, r]) => r === route)![0];
/** The smallest valid body per route that needs one. */
const VALID_BODIES: Record<string, Record<string, unknown>> = {
  delegateCase: { agentId: 'agent-ewa' }, addNote: { text: 'n' }, addReply: { text: 'r' }, setWait: { kind: 'more_info', days: 1 },
  rejectCase: { reason: 'r' }, linkCustomer: { customerId: UNKNOWN_ID }, updateCase: { priority: 'low' }, createCustomer: { email: 'c@example.com' },
  recordCustomerMessage: { text: 'm', channel: 'email' }, createAttachmentUpload: { filename: 'a.pdf', contentType: 'application/pdf', size: 1 },
  saveReplyDraft: { text: 'Dear customer,' },
  splitCase: { cases: [{ title: 'a', description: 'a' }, { title: 'b', description: 'b' }] }, spawnCase: { title: 's', description: 's' }, mergeCase: { into: 1 },
  commentOnMyCase: { text: 'c' }, createMyCase: { expertId: 'agent-ala', subject: 's', message: 'm' }, updateMyProfile: { phone: '+48 600 100 200' },
  submitIntake: { name: 'n', email: 'n@example.com', subject: 's', message: 'm' }, createIntakeUpload: { filename: 'a.pdf', contentType: 'application/pdf', size: 1 },
};

describe.each(all.filter(([, r]) => r.params))('%s with a malformed path parameter', (_id, route) => {
  it('answers 400 naming the parameter', async () => {
    const response = await call(route, route.method, pathWith(route, MALFORMED));

    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((i: any) => i.path)).toContainEqual(expect.stringMatching(/^params\./));
  });
});

describe.each(all.filter(([, r]) => r.body))('%s with a bad body', (_id, route) => {
  it('answers 400 for malformed JSON', async () => {
    const response = await call(route, route.method, pathWith(route, UNKNOWN_ID), { rawBody: '{"text": ' });

    expect(response.status).toBe(400);
    expect(response.body.error.issues).toEqual([{ path: 'body', message: 'not valid JSON' }]);
  });

  it('answers 400 for an unknown field, naming it', async () => {
    const body = { ...VALID_BODIES[idOf(route)], surprise: true };

    const response = await call(route, route.method, pathWith(route, UNKNOWN_ID), { body });

    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error.issues)).toContain('surprise');
  });

  it('answers 413 for a body over 256 KB', async () => {
    const response = await call(route, route.method, pathWith(route, UNKNOWN_ID), { rawBody: JSON.stringify({ text: 'x'.repeat(300_000) }) });

    expect(response.status).toBe(413);
  });
});

describe.each(all.filter(([, r]) => r.path.includes('{caseId}')))('%s on a case that does not exist', (_id, route) => {
  it('answers 404', async () => {
    const body = VALID_BODIES[idOf(route)];

    const response = await call(route, route.method, pathWith(route, UNKNOWN_ID), body ? { body } : {});

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
  });
});

describe('field validation', () => {
  it('reports every bad field of a request together with its path', async () => {
    const response = await api('agent', 'POST', '/cases', {
      body: { title: '', priority: 'asap', contacts: { primaryContact: { email: 'not-an-email' } } },
    });

    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((i: any) => i.path).sort()).toEqual(['body.contacts.primaryContact.email', 'body.priority', 'body.title']);
  });

  it('rejects a wait in the past and a wait of 0 days', async () => {
    const { id } = await newCase();

    const past = await api('agent', 'PUT', `/cases/${id}/wait`, { body: { kind: 'follow_up', until: '2001-01-01T00:00:00Z' } });
    const zero = await api('agent', 'PUT', `/cases/${id}/wait`, { body: { kind: 'more_info', days: 0 } });

    expect([past.status, past.body.error.issues[0].path]).toEqual([400, 'body.until']);
    expect([zero.status, zero.body.error.issues[0].path]).toEqual([400, 'body.days']);
  });

  it('rejects bad query parameters and a foreign cursor', async () => {
    const badLimit = await api('agent', 'GET', '/queues/mine?limit=0');
    const badQueue = await api('agent', 'GET', '/queues/everything');
    const badCursor = await api('agent', 'GET', '/queues/archive?cursor=bm90LWEtY3Vyc29y');

    expect([badLimit.status, badLimit.body.error.issues[0].path]).toEqual([400, 'query.limit']);
    expect([badQueue.status, badQueue.body.error.issues[0].path]).toEqual([400, 'params.queue']);
    expect([badCursor.status, badCursor.body.error.issues[0].path]).toEqual([400, 'query.cursor']);
  });

  it('rejects a malformed If-Match or Idempotency-Key', async () => {
    const { id } = await newCase();

    const ifMatch = await api('agent', 'POST', `/cases/${id}/notes`, { body: { text: 'x' }, headers: { 'if-match': 'yesterday' } });
    const key = await api('agent', 'POST', `/cases/${id}/notes`, { body: { text: 'x' }, headers: { 'idempotency-key': 'a b' } });

    expect([ifMatch.status, ifMatch.body.error.issues[0].path]).toEqual([400, 'headers.if-match']);
    expect([key.status, key.body.error.issues[0].path]).toEqual([400, 'headers.idempotency-key']);
  });
});

describe('authentication and authorisation', () => {
  it.each(all.filter(([, r]) => r.auth !== 'public'))('%s needs a token (401)', async (_id, route) => {
    const response = await api('nobody', route.method, pathWith(route, UNKNOWN_ID));

    expect(response.status).toBe(401);
  });

  it('refuses a forged token', async () => {
    const response = await fetch(`${(await import('vitest')).inject('apiUrl')}/queues/mine`, { headers: { authorization: 'Bearer a.b.c' } });

    expect(response.status).toBe(401);
  });

  it.each([
    ['a robot creating a customer', 'robot', 'POST', '/customers', { email: 'r@example.com' }],
    ['an agent taking robot work', 'agent', 'POST', '/robot/next', {}],
    ['an agent rejecting as a robot', 'agent', 'POST', `/cases/${UNKNOWN_ID}/reject`, { reason: 'x' }],
    ['an agent reading another agent\'s queue', 'agent', 'GET', '/queues/mine?agentId=agent-ewa', undefined],
  ] as const)('forbids %s (403)', async (_what, who, method, path, body) => {
    const response = await api(who, method, path, body === undefined ? {} : { body });

    expect(response.status).toBe(403);
  });

  it('lets an admin read another agent\'s queue', async () => {
    await newCase('agent2', { title: 'Ewa\'s own' });

    const response = await api('admin', 'GET', '/queues/mine?agentId=agent-ewa');

    expect(response.status).toBe(200);
    expect(response.body.items.every((c: any) => c.assigneeId === 'agent-ewa')).toBe(true);
  });

  it('forbids unassigning someone else\'s case', async () => {
    const { id } = await newCase('agent2');

    const response = await api('agent', 'POST', `/cases/${id}/unassign`);

    expect(response.status).toBe(403);
  });
});
