import { describe, expect, it } from 'vitest';
import { api, newCase } from './api-client.ts';
import { casesOf, sendMail, timeline, uniqueSender } from './mail-client.ts';

const draftPath = (caseId: string) => `/cases/${caseId}/reply-draft`;
const save = (caseId: string, text: string, who: 'agent' | 'agent2' = 'agent') => api(who, 'PUT', draftPath(caseId), { body: { text } });
const caseOf = async (caseId: string) => (await api('agent', 'GET', `/cases/${caseId}`)).body.case;

describe('reply drafts', () => {
  it('keeps the caller\'s unsent reply across reloads, off the timeline, and starts work on a New case with the first save', async () => {
    const c = await newCase();
    expect((await caseOf(c.id)).labels.agent).toBe('NEW');
    const before = await timeline(c.id);

    const first = await save(c.id, 'Dear Jan, ');
    const started = await caseOf(c.id);
    const second = await save(c.id, 'Dear Jan, the new tray');

    expect(first.status).toBe(200);
    expect(started).toMatchObject({ status: 'in_progress', labels: { agent: 'OPEN' }, version: c.version + 1 });
    expect(second.body.draft).toMatchObject({ text: 'Dear Jan, the new tray', includeHistory: false });
    expect((await caseOf(c.id)).version).toBe(started.version);
    expect((await api('agent', 'GET', draftPath(c.id))).body.draft).toEqual(second.body.draft);
    const after = await timeline(c.id);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toMatchObject([{ type: 'field_change', changes: [{ field: 'status', from: 'new', to: 'in_progress' }] }]);
    expect(JSON.stringify(after)).not.toContain('Dear Jan');
  });

  it('shows each agent only their own draft', async () => {
    const c = await newCase();

    await save(c.id, 'Mine');

    expect((await api('agent2', 'GET', draftPath(c.id))).body).toEqual({ draft: null });
    expect((await api('agent', 'GET', draftPath(c.id))).body.draft.text).toBe('Mine');
  });

  it('never makes a colleague\'s write conflict once the draft exists', async () => {
    const c = await newCase();
    await save(c.id, 'Dear Jan,');
    const { version } = await caseOf(c.id);

    await save(c.id, 'Dear Jan, more');
    const patched = await api('agent2', 'PATCH', `/cases/${c.id}`, { body: { priority: 'high' }, headers: { 'if-match': `"${version}"` } });

    expect(patched.status).toBe(200);
  });

  it('is discarded when the reply is sent, and by DELETE', async () => {
    const replied = await newCase();
    const resolved = await newCase();
    const discarded = await newCase();
    await Promise.all([save(replied.id, 'Sent soon'), save(resolved.id, 'Resolving soon'), save(discarded.id, 'Never mind')]);

    const reply = await api('agent', 'POST', `/cases/${replied.id}/replies`, { body: { text: 'Sent soon' } });
    const resolve = await api('agent', 'POST', `/cases/${resolved.id}/resolve`, { body: { method: 'replied_to_customer', reply: { text: 'Resolving soon' } } });
    const deleted = await api('agent', 'DELETE', draftPath(discarded.id));

    expect([reply.status, reply.body.case.labels.agent]).toEqual([200, 'SENT']);
    expect(resolve.status).toBe(200);
    expect(deleted).toMatchObject({ status: 204, body: null });
    for (const c of [replied, resolved, discarded]) expect((await api('agent', 'GET', draftPath(c.id))).body).toEqual({ draft: null });
  });

  it('sends a reply that had no draft, and answers 404 for an unknown case and 403 to a robot', async () => {
    const c = await newCase();
    const unknown = '00000000-0000-4000-8000-000000000000';

    expect((await api('agent', 'POST', `/cases/${c.id}/replies`, { body: { text: 'No draft first' } })).status).toBe(200);
    expect((await api('agent', 'GET', draftPath(unknown))).status).toBe(404);
    expect((await save(unknown, 'Hello')).status).toBe(404);
    expect((await api('agent', 'DELETE', draftPath(unknown))).status).toBe(404);
    expect((await api('robot', 'PUT', draftPath(c.id), { body: { text: 'Beep' } })).status).toBe(403);
  });
});

describe('the HTML of an inbound e-mail', () => {
  it('is returned sanitised: the message\'s script is gone, its text is there', async () => {
    const from = uniqueSender();

    await sendMail({
      from, subject: 'Formatted', text: 'Plain version.',
      html: '<p>Hello <b>team</b></p><script>alert("owned")</script><img src="https://tracker.example/p.gif"><a href="javascript:alert(1)">x</a>',
    });

    const [created] = await casesOf(from);
    const [entry] = await timeline(created.id);
    const { status, body } = await api('agent', 'GET', `/cases/${created.id}/timeline/${entry.seq}/html`);
    expect(status).toBe(200);
    expect(body.html).toContain('<p>Hello <b>team</b></p>');
    expect(body.html).not.toMatch(/<script|alert|tracker\.example|javascript:/);
  });

  it('answers 404 for a message without HTML and for an entry that is no message', async () => {
    const from = uniqueSender();
    await sendMail({ from, subject: 'Plain only', text: 'Just text.' });
    const [created] = await casesOf(from);
    const [entry] = await timeline(created.id);
    const c = await newCase();

    expect((await api('agent', 'GET', `/cases/${created.id}/timeline/${entry.seq}/html`)).status).toBe(404);
    expect((await api('agent', 'GET', `/cases/${c.id}/timeline/1/html`)).status).toBe(404);
  });
});
