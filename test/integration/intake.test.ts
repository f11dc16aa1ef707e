import { describe, expect, it } from 'vitest';
import { api } from './api-client.ts';
import {
  activate,
  activationLinks,
  asHolder,
  expireLink,
  form,
  PASSWORD,
  registration,
  signInCustomer,
  submit,
  submitAndGetToken,
} from './intake-client.ts';
import { casesOf, outboxFor, uniqueSender } from './mail-client.ts';

const activation = (token: string) => api('nobody', 'GET', '/public/activation', asHolder(token));
const caseNumbered = async (number: number) => (await api('agent', 'GET', `/cases?number=${number}`)).body.items[0];

describe('a case from the web form, before activation', () => {
  it('answers "check your e-mail", mails an activation link, and shows agents nothing: no customer, no case', async () => {
    const email = uniqueSender('jan');

    const answer = await submit(form(email));

    expect(answer.status).toBe(202);
    expect(answer.body.message).toMatch(/check your e-mail/i);
    const [mail] = await activationLinks(email);
    expect(mail!.url).toMatch(/^http:\/\/localhost:\d+\/portal\/activate#[A-Za-z0-9_-]{43}$/);
    expect(mail!.subject).toBe('Aktywuj zgłoszenie: The invoice for October is missing');
    expect(mail!.text).toContain('AKTYWUJ');
    expect((await api('agent', 'GET', `/customers?email=${encodeURIComponent(email)}`)).status).toBe(404);
    const toAssign = await api('agent', 'GET', '/queues/to-assign?limit=100');
    expect(JSON.stringify(toAssign.body)).not.toContain(email);
  });

  it('answers the same to an address with an account, and writes the mail in the language of the page', async () => {
    const known = uniqueSender('known');
    await activate(await submitAndGetToken(known), registration);

    const again = await submit(form(known, { language: 'en', subject: 'Second question' }));
    const stranger = await submit(form(uniqueSender('new')));

    expect([again.status, again.body]).toEqual([stranger.status, stranger.body]);
    const mails = await activationLinks(known, 2);
    expect(mails[1]!.subject).toBe('Activate your case: Second question');
  });

  it('drops a submission with the honeypot filled, with the same answer and no mail', async () => {
    const email = uniqueSender('bot');

    const answer = await submit(form(email, { website: 'http://spam.example' }));

    expect([answer.status, answer.body.message]).toEqual([202, expect.stringMatching(/check your e-mail/i)]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await outboxFor(email)).toEqual([]);
  });

  it('refuses a bad form with the field paths, and a sixth submission from one address in an hour', async () => {
    const bad = await submit({ name: '', email: 'not-an-address', subject: 'x', message: 'y', extra: 1 });
    const email = uniqueSender('busy');
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await submit(form(email))).status);

    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(expect.arrayContaining(['body.name', 'body.email', 'body']));
    expect(answers).toEqual([202, 202, 202, 202, 202, 429]);
    expect(await outboxFor(email)).toHaveLength(5);
  });
});

describe('activating a form case', () => {
  it('registers a first-time sender: the account exists, the case reaches "to assign" as theirs, and they can sign in', async () => {
    const email = uniqueSender('anna');
    const token = await submitAndGetToken(email, { phone: '+48 600 700 800' });

    const state = await activation(token);
    const activated = await activate(token, registration);

    expect(state.body).toEqual({ state: 'register', subject: 'The invoice for October is missing', email, termsUrl: null });
    expect(activated.status).toBe(201);
    expect(activated.body).toEqual({ caseNumber: expect.any(Number), email, registered: true });
    const c = await caseNumbered(activated.body.caseNumber);
    const full = await api('agent', 'GET', `/cases/${c.id}`);
    expect(full.body.case).toMatchObject({ status: 'new', channel: 'form', assigneeId: null, inbox: 'support', title: 'The invoice for October is missing' });
    expect(full.body.timeline[0]).toMatchObject({
      type: 'inbound_message', channel: 'form', from: email, text: 'I paid on the 3rd and have no invoice yet.', actor: { kind: 'customer', name: 'Jan Kowalski' },
    });
    const toAssign = await api('agent', 'GET', '/queues/to-assign?limit=100');
    expect(toAssign.body.items.map((item: { id: string }) => item.id)).toContain(c.id);
    const customer = await api('agent', 'GET', `/customers?email=${encodeURIComponent(email)}`);
    expect(customer.body.customer).toMatchObject({ name: 'Jan Kowalski', phone: '+48 600 700 800', account: { language: 'pl' } });
    expect((await casesOf(email)).map((x) => x.id)).toEqual([c.id]);
    expect((await signInCustomer(email, PASSWORD)).accessToken).toEqual(expect.any(String));
    expect((await signInCustomer(email, 'Wrong-password-1')).type).toBe('NotAuthorizedException');
  });

  it('asks a registered customer for one click: no password, and the new case joins their record', async () => {
    const email = uniqueSender('ola');
    await activate(await submitAndGetToken(email), registration);
    const second = await submitAndGetToken(email, { subject: 'Another one' });

    const state = await activation(second);
    const activated = await activate(second);

    expect(state.body).toEqual({ state: 'activate', subject: 'Another one', email });
    expect(activated.body.registered).toBe(false);
    expect((await casesOf(email)).map((x) => x.title)).toEqual(['Another one', 'The invoice for October is missing']);
  });

  it('refuses registration without both passwords alike, a weak password or the terms, naming each field', async () => {
    const token = await submitAndGetToken(uniqueSender('weak'));

    const nothing = await activate(token);
    const differ = await activate(token, { ...registration, passwordAgain: 'Kot-na-dachu-8' });
    const weak = await activate(token, { password: 'password', passwordAgain: 'password', acceptTerms: true });
    const terms = await activate(token, { ...registration, acceptTerms: false });

    const paths = (answer: { body: { error: { issues: { path: string }[] } } }) => answer.body.error.issues.map((issue) => issue.path);
    expect([nothing.status, paths(nothing)]).toEqual([400, ['body.password', 'body.acceptTerms']]);
    expect([differ.status, paths(differ)]).toEqual([400, ['body.passwordAgain']]);
    expect([weak.status, new Set(paths(weak))]).toEqual([400, new Set(['body.password'])]);
    expect([terms.status, paths(terms)]).toEqual([400, ['body.acceptTerms']]);
    expect((await activation(token)).body.state).toBe('register');
  });

  it('makes one case of a link used twice, even at the same moment, and says which case on reuse', async () => {
    const email = uniqueSender('twice');
    await activate(await submitAndGetToken(email), registration);
    const token = await submitAndGetToken(email, { subject: 'Clicked twice' });

    const answers = await Promise.all([activate(token), activate(token)]);
    const reused = await activate(token);

    const made = answers.find((answer) => answer.status === 201)!;
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 410]);
    expect([reused.status, reused.body.error.code]).toEqual([410, 'activation_used']);
    expect((await activation(token)).body).toEqual({ state: 'used', caseNumber: made.body.caseNumber });
    expect((await casesOf(email)).filter((x) => x.title === 'Clicked twice')).toHaveLength(1);
  });

  it('refuses an expired link with a way out: a fresh link by mail, which works while the old one no longer does', async () => {
    const email = uniqueSender('late');
    const token = await submitAndGetToken(email);
    await expireLink(token);

    const state = await activation(token);
    const refused = await activate(token, registration);
    const resent = await api('nobody', 'POST', '/public/activation/resend', asHolder(token));
    const [, fresh] = await activationLinks(email, 2);

    expect(state.body).toEqual({ state: 'expired' });
    expect([refused.status, refused.body.error.code]).toEqual([410, 'activation_expired']);
    expect(resent.status).toBe(202);
    expect(fresh!.token).not.toBe(token);
    expect((await activation(token)).body).toEqual({ state: 'gone' });
    expect((await activate(fresh!.token, registration)).status).toBe(201);
  });

  it('answers 404 alike for a forged and a malformed token, and 400 without one', async () => {
    const token = await submitAndGetToken(uniqueSender('forge'));
    const forged = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;

    const answers = await Promise.all([forged, 'short', 'x'.repeat(43)].map((bad) => activation(bad)));
    const without = await api('nobody', 'GET', '/public/activation');

    expect(answers.map((a) => [a.status, a.body.error.message])).toEqual(Array(3).fill([404, answers[0]!.body.error.message]));
    expect([without.status, without.body.error.issues[0].path]).toEqual([400, 'headers.x-activation-token']);
  });
});

describe('files with a form case', () => {
  const pdf = Buffer.from('%PDF-1.4 the invoice\n');
  const uploadFor = (file: Record<string, unknown>) => api('nobody', 'POST', '/public/intake/uploads', { body: file });

  it('upload first, go with the case once activated (out of the expiring uploads/), and download for the agent and the customer alike', async () => {
    const email = uniqueSender('files');
    const upload = await uploadFor({ filename: 'faktura.pdf', contentType: 'application/pdf', size: pdf.length });
    const put = await fetch(upload.body.uploadUrl, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: pdf });
    const token = await submitAndGetToken(email, { attachments: [{ key: upload.body.key, filename: 'faktura.pdf', contentType: 'application/pdf', size: pdf.length }] });
    const activated = await activate(token, registration);

    expect([upload.status, put.status]).toEqual([201, 200]);
    expect(upload.body.key).toMatch(/^uploads\/[0-9a-f-]{36}$/);
    const c = await caseNumbered(activated.body.caseNumber);
    const full = await api('agent', 'GET', `/cases/${c.id}`);
    const kept = upload.body.key.replace('uploads/', 'intake/');
    expect(full.body.timeline[0].attachments).toEqual([{ key: kept, filename: 'faktura.pdf', contentType: 'application/pdf' }]);
    const uploaded = new URL(upload.body.uploadUrl);
    expect((await fetch(`${uploaded.origin}${uploaded.pathname}`, { method: 'HEAD' })).status).toBe(404);
    const link = await api('agent', 'GET', `/cases/${c.id}/timeline/1/attachments/0`);
    expect(Buffer.from(await (await fetch(link.body.url)).arrayBuffer())).toEqual(pdf);
    const publicLink = (await api('agent', 'GET', `/cases/${c.id}/public-link`)).body.url as string;
    const seen = await api('nobody', 'GET', '/public/case', { headers: { 'x-case-link': publicLink.slice(publicLink.indexOf('#') + 1) } });
    expect(seen.body.case.timeline[0].files).toEqual(['faktura.pdf']);
  });

  it('refuses a type or size the form may not send, and a submission naming a file never uploaded or of another size', async () => {
    const exe = await uploadFor({ filename: 'setup.exe', contentType: 'application/x-msdownload', size: 100 });
    const huge = await uploadFor({ filename: 'scan.pdf', contentType: 'application/pdf', size: 11 * 1024 * 1024 });
    const sneaky = await uploadFor({ filename: '../../etc/passwd', contentType: 'text/plain', size: 10 });
    const upload = await uploadFor({ filename: 'a.txt', contentType: 'text/plain', size: 5 });
    await fetch(upload.body.uploadUrl, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    const file = (key: string, size: number) => ({ key, filename: 'a.txt', contentType: 'text/plain', size });

    const never = await submit(form(uniqueSender('never'), { attachments: [file(`uploads/${crypto.randomUUID()}`, 5)] }));
    const otherSize = await submit(form(uniqueSender('size'), { attachments: [file(upload.body.key, 6)] }));
    const foreign = await submit(form(uniqueSender('foreign'), { attachments: [file('outbound/some-case/x', 5)] }));

    const paths = (answer: { body: { error: { issues: { path: string }[] } } }) => answer.body.error.issues.map((issue) => issue.path);
    expect([exe.status, paths(exe)]).toEqual([400, ['body.contentType']]);
    expect([huge.status, paths(huge)]).toEqual([400, ['body.size']]);
    expect([sneaky.status, paths(sneaky)]).toEqual([400, ['body.filename']]);
    expect([never.status, paths(never)]).toEqual([400, ['body.attachments.0.key']]);
    expect([otherSize.status, paths(otherSize)]).toEqual([400, ['body.attachments.0.key']]);
    expect([foreign.status, paths(foreign)]).toEqual([400, ['body.attachments.0.key']]);
  });
});
