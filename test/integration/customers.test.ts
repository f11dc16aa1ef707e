import { describe, expect, it } from 'vitest';
import { api, newCase } from './api-client.ts';

const unique = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

describe('customer records', () => {
  it('are created, found by e-mail (any case) or external ID, and fetched by id', async () => {
    const email = `${unique('jan')}@Example.com`;
    const externalId = unique('crm');

    const created = await api('agent', 'POST', '/customers', { body: { name: 'Jan Kowalski', email, externalId, phone: '+48 600 100 200' } });
    const byEmail = await api('agent', 'GET', `/customers?email=${encodeURIComponent(email.toUpperCase())}`);
    const byExternalId = await api('agent', 'GET', `/customers?externalId=${externalId}`);
    const byId = await api('agent', 'GET', `/customers/${created.body.customer.id}`);

    expect(created.status).toBe(201);
    expect(created.body.customer.email).toBe(email.toLowerCase());
    expect([byEmail.body, byExternalId.body, byId.body]).toEqual([created.body, created.body, created.body]);
  });

  it('refuse a second record with the same e-mail, naming the first', async () => {
    const email = `${unique('dup')}@example.com`;
    const first = await api('agent', 'POST', '/customers', { body: { email } });

    const second = await api('agent', 'POST', '/customers', { body: { email } });

    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain(first.body.customer.id);
  });

  it('need an e-mail or an external ID', async () => {
    const response = await api('agent', 'POST', '/customers', { body: { name: 'Anonymous' } });

    expect(response.status).toBe(400);
    expect(response.body.error.issues[0].path).toBe('body.email');
  });

  it('list their cases, linked at creation or by hand, newest first', async () => {
    const customer = (await api('agent', 'POST', '/customers', { body: { email: `${unique('list')}@example.com` } })).body.customer;
    const atCreation = await newCase('agent', { customerId: customer.id, title: 'First' });
    const later = await newCase('agent', { title: 'Second' });

    const linked = await api('agent', 'PUT', `/cases/${later.id}/customer`, { body: { customerId: customer.id } });
    const list = await api('agent', 'GET', `/customers/${customer.id}/cases`);

    expect(linked.body.case.customerId).toBe(customer.id);
    expect(list.body.items.map((c: any) => [c.title, c.status, c.assigneeId])).toEqual([
      ['Second', 'in_progress', 'agent-ala'],
      ['First', 'new', 'agent-ala'],
    ]);
    expect(list.body.items[0]).toHaveProperty('inbox');
    expect(atCreation.id).toBe(list.body.items[1].id);
  });

  it('cannot be linked when they do not exist, and nothing changes', async () => {
    const { id, version } = await newCase();

    const response = await api('agent', 'PUT', `/cases/${id}/customer`, { body: { customerId: '00000000-0000-4000-8000-000000000000' } });

    expect(response.status).toBe(404);
    expect((await api('agent', 'GET', `/cases/${id}`)).body.case.version).toBe(version);
  });
});

describe('the OpenAPI document', () => {
  it('is served without a token and describes every route', async () => {
    const response = await api('nobody', 'GET', '/openapi.json');

    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(Object.keys(response.body.paths)).toContain('/cases/{caseId}/claim');
  });
});

describe('recently accessed', () => {
  it('lists the cases an agent opened, latest first, without assigning them', async () => {
    const { id } = await newCase('agent2');

    const opened = await api('agent', 'GET', `/cases/${id}`);
    const recent = await api('agent', 'GET', '/queues/recent?limit=5');

    expect(opened.body.case.assigneeId).toBe('agent-ewa');
    expect(recent.body.items[0]).toMatchObject({ id, assigneeId: 'agent-ewa' });
  });

  it('are not touched by a refresh: a poll with If-None-Match does not count as opening the case again', async () => {
    const first = await newCase('agent2');
    const second = await newCase('agent2');
    const opened = await api('agent', 'GET', `/cases/${first.id}`);
    await api('agent', 'GET', `/cases/${second.id}`);

    const refreshed = await api('agent', 'GET', `/cases/${first.id}`, { headers: { 'if-none-match': '"stale"' } });
    const recent = await api('agent', 'GET', '/queues/recent?limit=2');

    expect(opened.status).toBe(200);
    expect(refreshed.status).toBe(200);
    expect(recent.body.items.map((c: { id: string }) => c.id)).toEqual([second.id, first.id]);
  });

  it("link a new case by its primary contact's e-mail, or by its external ID first", async () => {
    const email = `${unique('auto')}@example.com`;
    const byEmail = (await api('agent', 'POST', '/customers', { body: { email } })).body.customer;
    const byExternalId = (await api('agent', 'POST', '/customers', { body: { externalId: unique('crm') } })).body.customer;

    const mailed = await newCase('robot', { contacts: { primaryContact: { email: email.toUpperCase() }, requester: { email } } });
    const both = await newCase('robot', { externalId: byExternalId.externalId, contacts: { primaryContact: { email }, requester: { email } } });
    const stranger = await newCase('robot', { contacts: { primaryContact: { email: `${unique('new')}@example.com` }, requester: { email } } });

    const linked = await Promise.all([mailed, both, stranger].map(async (c) => (await api('agent', 'GET', `/cases/${c.id}`)).body.case.customerId));
    expect(linked).toEqual([byEmail.id, byExternalId.id, null]);
  });
});

describe("editing a customer's contact data", () => {
  const create = async (body: Record<string, unknown>) => (await api('agent', 'POST', '/customers', { body })).body.customer;

  it('changes the fields given, and a new e-mail finds the customer while the old one is free again', async () => {
    const oldEmail = `${unique('old')}@example.com`;
    const newEmail = `${unique('new')}@Example.com`;
    const customer = await create({ name: 'Jan', email: oldEmail, phone: '+48 600 100 200' });

    const edited = await api('agent', 'PATCH', `/customers/${customer.id}`, { body: { name: 'Jan Kowalski', email: newEmail, phone: null } });
    const byNew = await api('agent', 'GET', `/customers?email=${encodeURIComponent(newEmail)}`);
    const byOld = await api('agent', 'GET', `/customers?email=${encodeURIComponent(oldEmail)}`);
    const someoneElse = await api('agent', 'POST', '/customers', { body: { email: oldEmail } });

    expect(edited.status).toBe(200);
    expect(edited.headers.get('etag')).toBe('"2"');
    expect(edited.body.customer).toMatchObject({ id: customer.id, name: 'Jan Kowalski', email: newEmail.toLowerCase(), phone: null, version: 2 });
    expect(byNew.body.customer.id).toBe(customer.id);
    expect(byOld.status).toBe(404);
    expect(someoneElse.status).toBe(201);
  });

  it("refuses another customer's e-mail and leaves the record as it was", async () => {
    const taken = `${unique('taken')}@example.com`;
    await create({ email: taken });
    const customer = await create({ email: `${unique('mine')}@example.com` });

    const refused = await api('agent', 'PATCH', `/customers/${customer.id}`, { body: { email: taken } });
    const after = await api('agent', 'GET', `/customers/${customer.id}`);

    expect([refused.status, refused.body.error.code]).toEqual([409, 'customer_exists']);
    expect(after.body.customer).toEqual(customer);
  });

  it('answers 409 to a stale If-Match, 400 to removing both e-mail and external ID, and 404 to an unknown customer', async () => {
    const customer = await create({ email: `${unique('v')}@example.com` });
    await api('agent', 'PATCH', `/customers/${customer.id}`, { body: { name: 'First edit' } });

    const stale = await api('agent', 'PATCH', `/customers/${customer.id}`, { body: { name: 'Second edit' }, headers: { 'if-match': '"1"' } });
    const orphan = await api('agent', 'PATCH', `/customers/${customer.id}`, { body: { email: null } });
    const empty = await api('agent', 'PATCH', `/customers/${customer.id}`, { body: {} });
    const unknown = await api('agent', 'PATCH', '/customers/00000000-0000-4000-8000-000000000000', { body: { name: 'X' } });
    const robot = await api('robot', 'PATCH', `/customers/${customer.id}`, { body: { name: 'X' } });

    expect(stale.status).toBe(409);
    expect([orphan.status, orphan.body.error.issues[0].path]).toEqual([400, 'body.email']);
    expect(empty.status).toBe(400);
    expect([unknown.status, robot.status]).toEqual([404, 403]);
    expect((await api('agent', 'GET', `/customers/${customer.id}`)).body.customer).toMatchObject({ name: 'First edit', version: 2 });
  });
});

describe('merging two customer records of one person', () => {
  const create = async (body: Record<string, unknown>) => (await api('agent', 'POST', '/customers', { body })).body.customer;

  it("moves the cases, points the duplicate's e-mail at the record kept, and fills what it lacked", async () => {
    const keptEmail = `${unique('kept')}@example.com`;
    const duplicateEmail = `${unique('dup')}@example.com`;
    const kept = await create({ name: 'Jan Kowalski', email: keptEmail });
    const duplicate = await create({ email: duplicateEmail, phone: '+48 600 100 200' });
    const contacts = { primaryContact: { email: duplicateEmail }, requester: { email: duplicateEmail } };
    const first = await newCase('agent', { contacts });
    const second = await newCase('agent', { contacts });

    const merged = await api('agent', 'POST', `/customers/${duplicate.id}/merge`, { body: { into: kept.id } });
    const keptCases = await api('agent', 'GET', `/customers/${kept.id}/cases`);
    const byOldEmail = await api('agent', 'GET', `/customers?email=${encodeURIComponent(duplicateEmail)}`);
    const duplicateAfter = await api('agent', 'GET', `/customers/${duplicate.id}`);
    const later = await newCase('agent', { contacts });
    const firstAfter = await api('agent', 'GET', `/cases/${first.id}`);

    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ customer: { id: kept.id, name: 'Jan Kowalski', email: keptEmail, phone: '+48 600 100 200' }, movedCases: 2, moreCases: false });
    expect(keptCases.body.items.map((c: { id: string }) => c.id).sort()).toEqual([first.id, second.id].sort());
    expect(byOldEmail.body.customer.id).toBe(kept.id);
    expect(duplicateAfter.body.customer.mergedInto).toBe(kept.id);
    expect((await api('agent', 'GET', `/cases/${later.id}`)).body.case.customerId).toBe(kept.id);
    expect(firstAfter.body.case).toMatchObject({ customerId: kept.id, assigneeId: 'agent-ala', status: 'new' });
    expect(firstAfter.body.timeline.at(-1)).toMatchObject({ type: 'field_change', changes: [{ field: 'customerId', from: duplicate.id, to: kept.id }] });
  });

  it('may be called again (it carries on) but not into another record, into itself, or into a merged record', async () => {
    const a = await create({ email: `${unique('a')}@example.com` });
    const b = await create({ email: `${unique('b')}@example.com` });
    const c = await create({ email: `${unique('c')}@example.com` });
    await api('agent', 'POST', `/customers/${a.id}/merge`, { body: { into: b.id } });

    const again = await api('agent', 'POST', `/customers/${a.id}/merge`, { body: { into: b.id } });
    const elsewhere = await api('agent', 'POST', `/customers/${a.id}/merge`, { body: { into: c.id } });
    const intoMerged = await api('agent', 'POST', `/customers/${c.id}/merge`, { body: { into: a.id } });
    const itself = await api('agent', 'POST', `/customers/${c.id}/merge`, { body: { into: c.id } });
    const editMerged = await api('agent', 'PATCH', `/customers/${a.id}`, { body: { name: 'X' } });
    const unknown = await api('agent', 'POST', `/customers/${c.id}/merge`, { body: { into: '00000000-0000-4000-8000-000000000000' } });

    expect([again.status, again.body.movedCases]).toEqual([200, 0]);
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([409, 'customer_merged']);
    expect([intoMerged.status, intoMerged.body.error.code]).toEqual([409, 'customer_merged']);
    expect([itself.status, itself.body.error.issues[0].path]).toEqual([400, 'body.into']);
    expect([editMerged.status, editMerged.body.error.code]).toEqual([409, 'customer_merged']);
    expect(unknown.status).toBe(404);
  });
});
