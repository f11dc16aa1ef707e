import { describe, expect, it } from 'vitest';
import { api, completeCase, newCase } from './api-client.ts';
import { eventually } from './local-helpdesk.ts';
import { casesOf, outboxFor, sendMail, uniqueSender } from './mail-client.ts';

const tokenOf = (url: string) => url.slice(url.indexOf('#') + 1);
const asHolder = (token: string) => ({ headers: { 'x-case-link': token } });

/** A case with every kind of internal detail a customer must never see, and a public conversation. */
async function caseWithSecrets(customer = uniqueSender('jan')) {
  const { id } = await newCase('agent', { contacts: { primaryContact: { email: customer, name: 'Jan Kowalski' }, requester: { email: customer } } });
  await api('agent', 'POST', `/cases/${id}/notes`, { body: { text: 'INTERNAL: the customer owes us 300 PLN' } });
  await api('agent', 'PATCH', `/cases/${id}`, { body: { priority: 'urgent', category: 'hardware-secret-category' } });
  await api('agent', 'POST', `/cases/${id}/delegate`, { body: { agentId: 'agent-ewa' } });
  await api('agent2', 'POST', `/cases/${id}/replies`, { body: { text: 'We are replacing the printer tomorrow.' } });
  const link = await api('agent2', 'GET', `/cases/${id}/public-link`);
  return { id, customer, url: link.body.url as string, token: tokenOf(link.body.url) };
}

describe('a case through its public link', () => {
  it("shows the customer's label and the public conversation, and nothing internal", async () => {
    const { url, token } = await caseWithSecrets();

    const seen = await api('nobody', 'GET', '/public/case', asHolder(token));

    expect(url).toMatch(/^http:\/\/localhost:\d+\/portal\/link#[A-Za-z0-9_-]{70}$/);
    expect(seen.status).toBe(200);
    expect(seen.body.case).toMatchObject({ title: 'Printer on floor 2 jams', status: 'ANSWER RECEIVED', open: true });
    expect(seen.body.case.timeline).toEqual([
      expect.objectContaining({ from: 'customer', author: null, text: 'It jams on every page since Monday.' }),
      expect.objectContaining({ from: 'helpdesk', author: 'Ewa (agent)', text: 'We are replacing the printer tomorrow.' }),
    ]);
    const everything = JSON.stringify(seen.body);
    for (const internal of ['INTERNAL', 'owes', 'urgent', 'hardware-secret-category', 'agent-ala', 'agent-ewa', 'delegat', 'assignee', 'field_change', 'version', '@']) {
      expect(everything).not.toContain(internal);
    }
  });

  it('answers 404 alike for a forged, a truncated and an unknown token, and 400 without one or to a bad comment, recording nothing', async () => {
    const { token } = await caseWithSecrets();
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;

    const answers = await Promise.all(
      [forged, token.slice(0, 40), 'x'.repeat(70)].map((bad) => api('nobody', 'GET', '/public/case', asHolder(bad))),
    );
    const without = await api('nobody', 'GET', '/public/case');
    const empty = await api('nobody', 'POST', '/public/case/comments', { ...asHolder(token), body: { text: '  ' } });
    const extra = await api('nobody', 'POST', '/public/case/comments', { ...asHolder(token), body: { text: 'Hi', assigneeId: 'agent-ala' } });
    const unchanged = await api('nobody', 'GET', '/public/case', asHolder(token));

    expect(answers.map((a) => [a.status, a.body.error.message])).toEqual(Array(3).fill([404, answers[0]!.body.error.message]));
    expect([without.status, without.body.error.issues[0].path]).toEqual([400, 'headers.x-case-link']);
    expect([empty.status, empty.body.error.issues[0].path]).toEqual([400, 'body.text']);
    expect(extra.status).toBe(400);
    expect(unchanged.body.case.timeline).toHaveLength(2);
  });

  it('takes a comment as the customer: the case comes back to its agent, in progress and highlighted', async () => {
    const { id, token } = await caseWithSecrets();

    const commented = await api('nobody', 'POST', '/public/case/comments', { ...asHolder(token), body: { text: 'Tomorrow works, thank you.' } });
    // Read by a colleague: the assignee opening it would clear the highlight.
    const staff = await api('agent', 'GET', `/cases/${id}`);

    expect(commented.status).toBe(200);
    expect(commented.body.token).toBe(token);
    expect(commented.body.case.timeline.at(-1)).toMatchObject({ from: 'customer', text: 'Tomorrow works, thank you.' });
    expect(staff.body.case).toMatchObject({ status: 'in_progress', highlighted: true, assigneeId: 'agent-ewa' });
    expect(staff.body.timeline).toContainEqual(
      expect.objectContaining({ type: 'inbound_message', channel: 'portal', text: 'Tomorrow works, thank you.', actor: expect.objectContaining({ kind: 'customer', name: 'Jan Kowalski' }) }),
    );
  });

  it('reopens a resolved case, and on a closed one starts a linked case whose own token the answer carries', async () => {
    const resolved = await caseWithSecrets();
    await api('agent2', 'POST', `/cases/${resolved.id}/resolve`, { body: { method: 'replied_to_customer' } });
    const closed = await caseWithSecrets();
    await api('agent2', 'POST', `/cases/${closed.id}/close`, { body: { method: 'replied_to_customer' } });

    const reopening = await api('nobody', 'POST', '/public/case/comments', { ...asHolder(resolved.token), body: { text: 'It jams again.' } });
    const following = await api('nobody', 'POST', '/public/case/comments', { ...asHolder(closed.token), body: { text: 'A new problem.' } });
    const followUp = await api('nobody', 'GET', '/public/case', asHolder(following.body.token));
    const old = await api('nobody', 'GET', '/public/case', asHolder(closed.token));

    expect([reopening.status, reopening.body.case.status, (await api('agent2', 'GET', `/cases/${resolved.id}`)).body.case.status]).toEqual([
      200, 'NEW', 'in_progress',
    ]);
    expect(following.status).toBe(201);
    expect(following.body.token).not.toBe(closed.token);
    expect(followUp.body.case.timeline.at(-1)).toMatchObject({ text: 'A new problem.' });
    expect(followUp.body.case.number).not.toBe(old.body.case.number);
    expect(old.body.case).toMatchObject({ status: 'CLOSED', open: false });
  });

  it('stops working once an agent replaces it; the new link works and the timeline says so', async () => {
    const { id, token } = await caseWithSecrets();

    const replaced = await api('agent', 'POST', `/cases/${id}/public-link`);
    const newToken = tokenOf((await api('agent', 'GET', `/cases/${id}/public-link`)).body.url);
    const robot = await api('robot', 'POST', `/cases/${id}/public-link`);

    expect(replaced.status).toBe(200);
    expect(newToken).not.toBe(token);
    expect((await api('nobody', 'GET', '/public/case', asHolder(token))).status).toBe(404);
    expect((await api('nobody', 'GET', '/public/case', asHolder(newToken))).status).toBe(200);
    expect((await api('agent', 'GET', `/cases/${id}`)).body.timeline).toContainEqual(expect.objectContaining({ type: 'system', event: 'public_link_regenerated' }));
    expect(robot.status).toBe(403);
  });

  it("is what the reply mail carries as the case's link", async () => {
    const { token, customer } = await caseWithSecrets();

    const [raw] = await eventually(async () => (await outboxFor(customer)).length === 1 && outboxFor(customer));

    expect(raw!.replace(/=\r?\n/g, '')).toContain(`/portal/link#${token}`);
  });

  it('is not offered for a draft', async () => {
    const draft = await api('agent', 'POST', '/cases', { body: { ...completeCase(), draft: true } });
    const link = await api('agent', 'GET', `/cases/${draft.body.case.id}/public-link`);

    expect(draft.status).toBe(201);
    expect((await api('nobody', 'GET', '/public/case', asHolder(tokenOf(link.body.url)))).status).toBe(404);
  });
});

describe('files through a public link', () => {
  it("downloads what the view lists (the customer's attachment, an agent's reply file) and nothing of an internal entry", async () => {
    const customer = uniqueSender('anna');
    await sendMail({ from: customer, subject: 'Broken screen', text: 'Photo attached.', attachments: [{ filename: 'screen.txt', content: 'pixels', contentType: 'text/plain' }] });
    const [summary] = await casesOf(customer);
    const id = summary.id as string;
    await api('agent', 'POST', `/cases/${id}/notes`, { body: { text: 'internal' } });
    const upload = await api('agent', 'POST', `/cases/${id}/attachments`, { body: { filename: 'manual.txt', contentType: 'text/plain', size: 6 } });
    await fetch(upload.body.uploadUrl, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'manual' });
    await api('agent', 'POST', `/cases/${id}/replies`, {
      body: { text: 'See the manual.', attachments: [{ key: upload.body.key, filename: 'manual.txt', contentType: 'text/plain' }] },
    });
    const token = tokenOf((await api('agent', 'GET', `/cases/${id}/public-link`)).body.url);

    const view = (await api('nobody', 'GET', '/public/case', asHolder(token))).body.case;
    const mail = view.timeline.find((e: { files: string[] }) => e.files.includes('screen.txt'));
    const reply = view.timeline.find((e: { files: string[] }) => e.files.includes('manual.txt'));
    const links = await Promise.all([mail, reply].map((e) => api('nobody', 'GET', `/public/case/entries/${e.seq}/files/0`, asHolder(token))));
    const contents = await Promise.all(links.map(async (link) => (await fetch(link.body.url)).text()));
    const staff = (await api('agent', 'GET', `/cases/${id}`)).body.timeline;
    const noteSeq = staff.find((e: { type: string }) => e.type === 'note').seq;
    const refused = await Promise.all([
      api('nobody', 'GET', `/public/case/entries/${noteSeq}/files/0`, asHolder(token)),
      api('nobody', 'GET', `/public/case/entries/${mail.seq}/files/1`, asHolder(token)),
      api('nobody', 'GET', `/public/case/entries/9999/files/0`, asHolder(token)),
      api('nobody', 'GET', `/public/case/entries/${mail.seq}/files/0`, asHolder('x'.repeat(70))),
    ]);

    expect(links.map((l) => [l.status, l.body.filename])).toEqual([[200, 'screen.txt'], [200, 'manual.txt']]);
    expect(contents).toEqual(['pixels', 'manual']);
    expect(refused.map((r) => r.status)).toEqual([404, 404, 404, 404]);
  });
});

describe('the public routes', () => {
  it('are throttled: a burst past the limit is answered 429', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => api('nobody', 'GET', '/public/case', asHolder('x'))));

    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThan(0);
  });
});
