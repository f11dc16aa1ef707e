import { describe, expect, it } from 'vitest';
import { api } from './api-client.ts';
import { eventually } from './local-helpdesk.ts';
import { outboxFor } from './mail-client.ts';
import { asCustomer, registeredCustomer } from './portal-client.ts';

const caseNumbered = async (number: number) => (await api('agent', 'GET', `/cases?number=${number}`)).body.items[0];

/** What agents do on a case that a customer must never see: a note, a field change, a delegation, a custom status. */
async function workOn(caseId: string) {
  await api('agent', 'POST', `/cases/${caseId}/claim`);
  await api('agent', 'POST', `/cases/${caseId}/notes`, { body: { text: 'INTERNAL: check the contract first' } });
  await api('agent', 'PATCH', `/cases/${caseId}`, { body: { priority: 'urgent', category: 'secret-category', customStatusId: 'escalated' } });
  await api('agent', 'POST', `/cases/${caseId}/delegate`, { body: { agentId: 'agent-ewa' } });
  await api('agent2', 'POST', `/cases/${caseId}/replies`, { body: { text: 'Please restart it once more.' } });
}

describe("the customer's portal", () => {
  it('lists the customer\'s open cases and shows one with its public conversation only, in the customer\'s words', async () => {
    const { token, caseNumber } = await registeredCustomer();
    const c = await caseNumbered(caseNumber);
    await workOn(c.id);

    const mine = await asCustomer(token, 'GET', '/my/cases');
    const seen = await asCustomer(token, 'GET', `/my/cases/${c.id}`);

    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({
      items: [expect.objectContaining({ id: c.id, number: caseNumber, title: 'My printer is offline', status: 'ANSWER RECEIVED', open: true })],
      nextCursor: null,
      hasArchive: false,
    });
    expect(seen.body.case).toMatchObject({ id: c.id, status: 'ANSWER RECEIVED', open: true });
    expect(seen.body.case.timeline.map((entry: { from: string; text: string }) => [entry.from, entry.text])).toEqual([
      ['customer', 'I paid on the 3rd and have no invoice yet.'],
      ['helpdesk', 'Please restart it once more.'],
    ]);
    const everything = JSON.stringify([mine.body, seen.body]);
    for (const internal of ['INTERNAL', 'contract', 'urgent', 'secret-category', 'escalated', 'Przekazane', 'agent-ala', 'agent-ewa', 'delegat', 'assignee', 'field_change', 'version', '@']) {
      expect(everything).not.toContain(internal);
    }
  });

  it("answers 404 for another customer's case, as for one that does not exist, and takes no write on it", async () => {
    const anna = await registeredCustomer();
    const piotr = await registeredCustomer('Piotr’s own case');
    const piotrsCase = await caseNumbered(piotr.caseNumber);
    const before = (await api('agent', 'GET', `/cases/${piotrsCase.id}`)).body.case;

    const read = await asCustomer(anna.token, 'GET', `/my/cases/${piotrsCase.id}`);
    const missing = await asCustomer(anna.token, 'GET', `/my/cases/${crypto.randomUUID()}`);
    const write = await asCustomer(anna.token, 'POST', `/my/cases/${piotrsCase.id}/comments`, { text: 'Hello?' });
    const cancel = await asCustomer(anna.token, 'POST', `/my/cases/${piotrsCase.id}/cancel`);

    expect([read.status, missing.status, write.status, cancel.status]).toEqual([404, 404, 404, 404]);
    expect(read.body.error.message).toBe(missing.body.error.message);
    expect((await api('agent', 'GET', `/cases/${piotrsCase.id}`)).body.case).toMatchObject({ status: 'new', version: before.version });
  });

  it('takes no staff token on its routes and gives a customer token nothing on staff routes', async () => {
    const { token } = await registeredCustomer();

    const staffOnPortal = await api('agent', 'GET', '/my/cases');
    const customerOnStaff = await asCustomer(token, 'GET', '/queues/to-assign');
    const customerOnCustomers = await asCustomer(token, 'GET', '/customers?email=x%40example.com');
    const nobody = await api('nobody', 'GET', '/my/cases');

    expect([staffOnPortal.status, customerOnStaff.status, customerOnCustomers.status, nobody.status]).toEqual([401, 401, 401, 401]);
  });

  it('takes a comment as a customer message: the answered case comes back to its agent, in progress and highlighted', async () => {
    const { token, caseNumber } = await registeredCustomer();
    const c = await caseNumbered(caseNumber);
    await workOn(c.id);

    const written = await asCustomer(token, 'POST', `/my/cases/${c.id}/comments`, { text: 'Restarted, still offline.' });

    expect(written.status).toBe(200);
    expect(written.body.case.status).toBe('NEW');
    expect(written.body.case.timeline.at(-1)).toMatchObject({ from: 'customer', text: 'Restarted, still offline.' });
    const seenByAgent = await api('agent', 'GET', `/cases/${c.id}`);
    expect(seenByAgent.body.case).toMatchObject({ status: 'in_progress', highlighted: true, assigneeId: 'agent-ewa' });
    expect(seenByAgent.body.timeline.at(-2)).toMatchObject({ type: 'inbound_message', channel: 'portal', actor: { kind: 'customer' } });
  });

  it('cancels a case: closed as "cancelled by the customer", moved to the archive, and writing on it starts a linked case', async () => {
    const { token, caseNumber } = await registeredCustomer();
    const c = await caseNumbered(caseNumber);

    const cancelled = await asCustomer(token, 'POST', `/my/cases/${c.id}/cancel`);
    const again = await asCustomer(token, 'POST', `/my/cases/${c.id}/cancel`);
    const active = await asCustomer(token, 'GET', '/my/cases');
    const archive = await asCustomer(token, 'GET', '/my/cases?view=archive');
    const followUp = await asCustomer(token, 'POST', `/my/cases/${c.id}/comments`, { text: 'Sorry, it is broken again.' });

    expect(cancelled.body.case).toMatchObject({ status: 'CLOSED', open: false });
    expect((await api('agent', 'GET', `/cases/${c.id}`)).body.case).toMatchObject({
      status: 'closed', timer: null, resolution: { method: 'cancelled_by_customer' },
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'invalid_transition']);
    expect([active.body.items, active.body.hasArchive]).toEqual([[], true]);
    expect(archive.body.items.map((item: { id: string }) => item.id)).toEqual([c.id]);
    expect(followUp.status).toBe(201);
    expect(followUp.body.case).toMatchObject({ status: 'NEW', open: true, timeline: [expect.objectContaining({ text: 'Sorry, it is broken again.' })] });
    expect(followUp.body.case.id).not.toBe(c.id);
    expect((await asCustomer(token, 'GET', '/my/cases')).body.items.map((item: { id: string }) => item.id)).toEqual([followUp.body.case.id]);
  });
});

describe("a customer's experts", () => {
  it('are the agents of their cases: a new case goes straight to one, highlighted in their queue, and to nobody else', async () => {
    const { token, caseNumber } = await registeredCustomer();
    const first = await caseNumbered(caseNumber);
    await api('agent', 'POST', `/cases/${first.id}/claim`);

    const experts = await asCustomer(token, 'GET', '/my/experts');
    const created = await asCustomer(token, 'POST', '/my/cases', { expertId: 'agent-ala', subject: 'A follow-up question', message: 'Can I pay in two parts?' });
    const stranger = await asCustomer(token, 'POST', '/my/cases', { expertId: 'agent-ewa', subject: 'x', message: 'y' });

    expect(experts.body).toEqual({ items: [{ id: 'agent-ala', name: 'Ala (agent)' }] });
    expect(created.status).toBe(201);
    expect(created.body.case).toMatchObject({ title: 'A follow-up question', status: 'NEW', open: true });
    const seen = await api('agent2', 'GET', `/cases/${created.body.case.id}`);
    expect(seen.body.case).toMatchObject({ status: 'new', assigneeId: 'agent-ala', highlighted: true, channel: 'portal', inbox: 'support' });
    const mine = await api('agent', 'GET', '/queues/mine?limit=100');
    expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(created.body.case.id);
    expect([stranger.status, stranger.body.error.issues[0].path]).toEqual([400, 'body.expertId']);
  });
});

describe("a customer's settings", () => {
  it('show and change the language and invoice data, which agents see on the record', async () => {
    const { token, email } = await registeredCustomer();
    const invoice = { name: 'Nowak Sp. z o.o.', taxId: '5260001246', street: 'ul. Polna 1', postalCode: '00-001', city: 'Warszawa', country: 'PL' };

    const before = await asCustomer(token, 'GET', '/my/profile');
    const changed = await asCustomer(token, 'PATCH', '/my/profile', { language: 'en', invoice });
    const empty = await asCustomer(token, 'PATCH', '/my/profile', {});
    const bad = await asCustomer(token, 'PATCH', '/my/profile', { invoice: { ...invoice, country: 'Poland' } });

    expect(before.body.profile).toEqual({ name: 'Jan Kowalski', email, phone: null, language: 'pl', invoice: null });
    expect(changed.body.profile).toMatchObject({ language: 'en', invoice });
    expect(empty.status).toBe(400);
    expect([bad.status, bad.body.error.issues[0].path]).toEqual([400, 'body.invoice.country']);
    const record = await api('agent', 'GET', `/customers?email=${encodeURIComponent(email)}`);
    expect(record.body.customer).toMatchObject({ invoice, account: { language: 'en' } });
  });
});

describe("a customer's language", () => {
  it('is the language of the mail they get: an English account gets replies in English in a Polish helpdesk', async () => {
    const { token, email, caseNumber } = await registeredCustomer();
    await asCustomer(token, 'PATCH', '/my/profile', { language: 'en' });
    const c = await caseNumbered(caseNumber);

    await api('agent', 'POST', `/cases/${c.id}/replies`, { body: { text: 'Here is your invoice.' } });

    const mails = await eventually(async () => {
      const sent = (await outboxFor(email)).filter((raw) => raw.includes('Here is your invoice.'));
      return sent.length === 1 && sent;
    });
    expect(mails[0]!.replace(/=\r?\n/g, '')).toContain(`Case #${caseNumber}:`);
  });
});
