import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, eventually, ownHelpdesk } from './local-helpdesk.ts';

/** A day lasts 0.864 s: the 3-day auto-close after an answer comes in about 2.6 s, on the real ASL. */
const TIME_SCALE = 0.00001;
const PASSWORD = 'Kot-na-dachu-7';

let client: Client;
beforeAll(async () => {
  client = await ownHelpdesk({ timeScale: TIME_SCALE, timerRetryIntervalMs: 20 });
});
afterAll(async () => client.helpdesk.stop());

const anonymous = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${client.helpdesk.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
};
const asCustomer = (token: string, method: string, path: string, body?: unknown) => anonymous(method, path, body, { authorization: `Bearer ${token}` });

/** The text of the mails the local SES sent to an address, oldest first, once there are `count`. */
async function mailsTo(address: string, count: number): Promise<{ subject: string; text: string }[]> {
  const outbox = client.helpdesk.outbox.url;
  return eventually(async () => {
    const listing = (await (await fetch(outbox)).json()) as { messages: { messageId: string; to: string[]; sentAt: string }[] };
    const mine = listing.messages.filter((m) => m.to.includes(address)).sort((a, b) => a.sentAt.localeCompare(b.sentAt));
    if (mine.length < count) return false;
    return Promise.all(
      mine.map(async (m) => {
        const mail = await PostalMime.parse(await (await fetch(`${outbox}/${m.messageId}.eml`)).text());
        return { subject: mail.subject ?? '', text: mail.text ?? '' };
      }),
    );
  });
}

async function signIn(email: string): Promise<string> {
  const { cognitoUrl, clientId } = client.helpdesk.customerPool;
  const response = await fetch(cognitoUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
    body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: email, PASSWORD: PASSWORD } }),
  });
  return ((await response.json()) as { AuthenticationResult: { AccessToken: string } }).AuthenticationResult.AccessToken;
}

const tokenIn = (text: string) => /\/activate#([A-Za-z0-9_-]{43})/.exec(text)![1]!;

describe('the "5 ways" flow, end to end on the local runtime', () => {
  it('form → activation mail → registration → "to assign" → claimed → answered by mail with the link → ANSWER RECEIVED → auto-closed → archive; then a second case in one click', async () => {
    const email = `anna-${Date.now()}@customer.example`;
    const form = { name: 'Anna Nowak', email, subject: 'Brak faktury za październik', message: 'Zapłaciłam 3 listopada.' };

    expect((await anonymous('POST', '/public/intake', form)).status).toBe(202);
    const [activationMail] = await mailsTo(email, 1);
    const activation = { 'x-activation-token': tokenIn(activationMail!.text) };
    expect((await anonymous('GET', '/public/activation', undefined, activation)).body.state).toBe('register');
    const activated = await anonymous('POST', '/public/activation', { password: PASSWORD, passwordAgain: PASSWORD, acceptTerms: true }, activation);
    expect(activated.status).toBe(201);

    const toAssign = await client.call('agent', 'GET', '/queues/to-assign?limit=100');
    const listed = toAssign.body.items.find((item: { number: number }) => item.number === activated.body.caseNumber);
    expect(listed).toMatchObject({ title: form.subject, status: 'new' });
    expect((await client.call('agent', 'POST', `/cases/${listed.id}/claim`)).status).toBe(200);
    await client.call('agent', 'POST', `/cases/${listed.id}/replies`, { text: 'Faktura jest już w załączniku konta.' });

    const [, replyMail] = await mailsTo(email, 2);
    const link = (await client.call('agent', 'GET', `/cases/${listed.id}/public-link`)).body.url as string;
    expect(replyMail!.text).toContain('Faktura jest już w załączniku konta.');
    expect(replyMail!.text).toContain(link);

    const token = await signIn(email);
    const answered = await asCustomer(token, 'GET', `/my/cases/${listed.id}`);
    expect(answered.body.case).toMatchObject({ status: 'ANSWER RECEIVED', open: true });

    const archived = await eventually(async () => {
      const archive = await asCustomer(token, 'GET', '/my/cases?view=archive');
      return archive.body.items.length === 1 && archive.body;
    });
    expect(archived.items[0]).toMatchObject({ id: listed.id, status: 'CLOSED', open: false });
    expect(archived.hasArchive).toBe(true);
    expect((await client.call('admin', 'GET', `/cases/${listed.id}`)).body.case).toMatchObject({ status: 'closed', timer: null });

    expect((await anonymous('POST', '/public/intake', { ...form, subject: 'Druga sprawa' })).status).toBe(202);
    const second = (await mailsTo(email, 3)).at(-1)!;
    const secondActivation = { 'x-activation-token': tokenIn(second.text) };
    expect((await anonymous('GET', '/public/activation', undefined, secondActivation)).body.state).toBe('activate');
    expect((await anonymous('POST', '/public/activation', {}, secondActivation)).body.registered).toBe(false);
    const mine = await asCustomer(token, 'GET', '/my/cases');
    expect(mine.body.items.map((item: { title: string; status: string }) => [item.title, item.status])).toEqual([['Druga sprawa', 'NEW']]);
  });
});
