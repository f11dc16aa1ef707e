import { describe, expect, it } from 'vitest';
import { api, newCase } from './api-client.ts';
import { eventually } from './local-helpdesk.ts';
import { casesOf, sendMail, timeline, uniqueSender } from './mail-client.ts';
import { asCustomer, registeredCustomer } from './portal-client.ts';

const caseOf = async (id: string) => (await api('agent', 'GET', `/cases/${id}`)).body;
const mergeInto = (sourceId: string, into: number, headers: Record<string, string> = {}) =>
  api('agent', 'POST', `/cases/${sourceId}/merge`, { headers, body: { into } });
const linkToken = async (id: string) => {
  const url = (await api('agent', 'GET', `/cases/${id}/public-link`)).body.url as string;
  return url.slice(url.indexOf('#') + 1);
};

/** The same customer wrote twice by mail: two cases, the second a duplicate of the first. */
async function duplicateMail() {
  const customer = uniqueSender('ola');
  await sendMail({ from: customer, subject: 'Printer offline', text: 'The printer on floor 3 is offline.' });
  await sendMail({ from: customer, subject: 'Still offline', text: 'Any news about the printer?' });
  const [duplicate, original] = await eventually(async () => {
    const cases = await casesOf(customer);
    return cases.length === 2 && cases;
  });
  await api('agent', 'POST', `/cases/${original.id}/claim`);
  return { customer, original: original as { id: string; number: number }, duplicate: duplicate as { id: string; number: number } };
}

describe('merging a case into another', () => {
  it('resolves the source as merged, shows its public entries on the target, and the mail, link and comments of the source reach the target', async () => {
    const { customer, original, duplicate } = await duplicateMail();
    const colleague = uniqueSender('cc');
    await api('agent', 'PATCH', `/cases/${duplicate.id}`, { body: { contacts: { requester: { email: colleague } } } });
    const token = await linkToken(duplicate.id);
    const publicSeqs = (await timeline(duplicate.id)).filter((e) => e.visibility === 'public').map((e) => e.seq);

    const merged = await mergeInto(duplicate.id, original.number);

    expect(merged.status).toBe(200);
    expect(merged.body.case).toMatchObject({ status: 'resolved', timer: null, resolution: { method: 'merged' }, labels: { enate: 'Resolved – updated an existing request' } });
    expect(merged.body.target.links).toEqual([{ kind: 'merged_from', caseId: duplicate.id, number: duplicate.number }]);
    expect(merged.body.target.contacts.cc).toEqual([{ email: colleague }]);
    const onTarget = await timeline(original.id);
    expect(onTarget.find((e) => e.type === 'related_entries')).toMatchObject({ relation: 'merged_from', caseId: duplicate.id, caseNumber: duplicate.number, seqs: publicSeqs });
    expect(publicSeqs).toHaveLength(2);

    await sendMail({ from: customer, subject: `Re: [#${duplicate.number}] Still offline`, text: 'It works again, thanks.' });
    await eventually(async () => (await timeline(original.id)).some((e) => e.type === 'inbound_message' && e.text === 'It works again, thanks.'));
    expect((await timeline(duplicate.id)).filter((e) => e.type === 'inbound_message')).toHaveLength(1);

    const seen = await api('nobody', 'GET', '/public/case', { headers: { 'x-case-link': token } });
    expect(seen.body.case).toMatchObject({ number: original.number, title: 'Printer offline' });
    const commented = await api('nobody', 'POST', '/public/case/comments', { headers: { 'x-case-link': token }, body: { text: 'Via the old link.' } });
    expect(commented.status).toBe(200);
    expect((await timeline(original.id)).at(-1)).toMatchObject({ type: 'inbound_message', text: 'Via the old link.' });
    expect((await caseOf(duplicate.id)).case).toMatchObject({ status: 'resolved', resolution: { method: 'merged' } });
  });

  it('refuses a merge into itself or a case that does not exist (400), into a closed or merged case (409), and a stale If-Match (409)', async () => {
    const source = await newCase('agent');
    const target = await newCase('agent');
    const closed = await newCase('agent');
    await api('agent', 'POST', `/cases/${closed.id}/close`, { body: { method: 'replied_to_customer' } });

    const itself = await mergeInto(source.id, source.number);
    const missing = await mergeInto(source.id, 999_999_999);
    const intoClosed = await mergeInto(source.id, closed.number);
    const stale = await mergeInto(source.id, target.number, { 'if-match': '"0"' });

    expect([itself.status, missing.status, intoClosed.status, stale.status]).toEqual([400, 400, 409, 409]);
    expect(itself.body.error.issues).toEqual([expect.objectContaining({ path: 'body.into' })]);
    expect((await mergeInto(source.id, target.number)).status).toBe(200);
    const backwards = await mergeInto(target.id, source.number);
    expect(backwards.status).toBe(409);
    expect(backwards.body.error.message).toMatch(/was itself merged into another case/);
  });

  it('merges once for a repeated request with the same Idempotency-Key', async () => {
    const source = await newCase('agent');
    const target = await newCase('agent');
    const key = { 'idempotency-key': `merge-${source.id}` };

    const first = await mergeInto(source.id, target.number, key);
    const again = await mergeInto(source.id, target.number, key);

    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    expect((await caseOf(target.id)).case.links).toHaveLength(1);
  });

  it('undoes a merge: the source gets back its status and timer; what reached the target stays there', async () => {
    const source = await newCase('agent');
    const target = await newCase('agent');
    await api('agent', 'POST', `/cases/${source.id}/replies`, { body: { text: 'Does it work now?' } });
    await mergeInto(source.id, target.number);
    await api('agent', 'POST', `/cases/${target.id}/notes`, { body: { text: 'Written while merged.' } });

    const back = await api('agent', 'POST', `/cases/${source.id}/unmerge`);

    expect(back.status).toBe(200);
    expect(back.body.case).toMatchObject({ status: 'answered', resolution: null, links: [], timer: { purpose: 'auto_close' } });
    expect(back.body.target.links).toEqual([]);
    expect((await timeline(target.id)).map((e) => e.event ?? e.type)).toEqual(expect.arrayContaining(['merged', 'note', 'unmerged']));
    expect((await api('agent', 'POST', `/cases/${source.id}/unmerge`)).status).toBe(409);
  });

  it('closes a merged case when the case it went into is closed; a message relayed to it then follows up the target', async () => {
    const source = await newCase('agent');
    const target = await newCase('agent');
    await mergeInto(source.id, target.number);
    const relay = (text: string) => api('robot', 'POST', `/cases/${source.id}/messages`, { body: { text, channel: 'email' } });

    const whileOpen = await relay('Relayed while merged.');

    expect([whileOpen.status, whileOpen.body.case.id]).toEqual([200, target.id]);
    expect((await timeline(target.id)).filter((e) => e.type === 'inbound_message').map((e) => e.text)).toEqual(['Relayed while merged.']);
    await api('agent', 'POST', `/cases/${target.id}/close`, { body: { method: 'replied_to_customer' } });
    const closed = await eventually(async () => {
      const now = await caseOf(source.id);
      return now.case.status === 'closed' && now;
    });
    expect(closed.case).toMatchObject({ resolution: { method: 'merged' }, timer: null });

    const afterwards = await relay('Relayed after both closed.');

    expect(afterwards.status).toBe(201);
    expect(afterwards.body.case.links).toContainEqual(expect.objectContaining({ kind: 'follows', caseId: target.id }));
  });
});

describe('what the customer sees of related cases in the portal', () => {
  it('lists the cases their case was split into as their own, without the reasons; a merged case opens its target and takes comments for it', async () => {
    const { token, caseNumber } = await registeredCustomer('Two problems at once');
    const first = (await api('agent', 'GET', `/cases?number=${caseNumber}`)).body.items[0] as { id: string };
    await api('agent', 'POST', `/cases/${first.id}/notes`, { body: { text: 'INTERNAL: split because billing and IT differ' } });
    const split = await api('agent', 'POST', `/cases/${first.id}/split`, {
      body: { cases: [{ title: 'Refund the charge', description: 'Billing part.' }, { title: 'Fix the printer', description: 'IT part.' }] },
    });
    const [refund, printer] = split.body.created as { id: string; number: number }[];

    const listed = await asCustomer(token, 'GET', '/my/cases');

    expect(listed.body.items.map((c: { number: number }) => c.number)).toEqual(expect.arrayContaining([caseNumber, refund!.number, printer!.number]));
    const seen = await asCustomer(token, 'GET', `/my/cases/${refund!.id}`);
    expect(seen.body.case).toMatchObject({ title: 'Refund the charge', timeline: [expect.objectContaining({ text: 'Billing part.' })] });
    expect(JSON.stringify(seen.body)).not.toMatch(/INTERNAL|split|related/i);

    await mergeInto(printer!.id, refund!.number);
    const relisted = await asCustomer(token, 'GET', '/my/cases');
    expect(relisted.body.items.find((c: { id: string }) => c.id === printer!.id)).toMatchObject({ mergedInto: refund!.number });
    const opened = await asCustomer(token, 'GET', `/my/cases/${printer!.id}`);
    expect(opened.body.case).toMatchObject({ id: printer!.id, number: refund!.number, title: 'Refund the charge' });
    const commented = await asCustomer(token, 'POST', `/my/cases/${printer!.id}/comments`, { text: 'Thanks for both.' });
    expect(commented.status).toBe(200);
    expect((await timeline(refund!.id)).at(-1)).toMatchObject({ type: 'inbound_message', text: 'Thanks for both.' });
  });
});
