import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';

const base = inject('apiUrl');
const callback = `${base}/console/`;

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

const authorizeForm = (challenge: string, overrides: Record<string, string> = {}) =>
  new URLSearchParams({
    client_id: 'local-web',
    redirect_uri: callback,
    state: 'st4te',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    account: 'agent',
    ...overrides,
  });

/** Chooses an account on the sign-in page; returns where the browser is sent. */
async function chooseAccount(form: URLSearchParams): Promise<Response> {
  return fetch(`${base}/local-auth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
}

async function exchange(code: string, verifier: string, redirectUri = callback): Promise<Response> {
  return fetch(`${base}/local-auth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'local-web', code, redirect_uri: redirectUri, code_verifier: verifier }),
  });
}

const codeOf = (response: Response) => new URL(response.headers.get('location')!).searchParams.get('code')!;

describe('the local sign-in page (the stand-in for Cognito hosted UI)', () => {
  it('lists the staff accounts, and its code with the PKCE verifier buys a token the API accepts', async () => {
    const { verifier, challenge } = pkce();
    const page = await fetch(`${base}/local-auth/authorize?${authorizeForm(challenge).toString()}`);
    const html = await page.text();
    const chosen = await chooseAccount(authorizeForm(challenge));
    const location = new URL(chosen.headers.get('location')!);
    const token = await exchange(codeOf(chosen), verifier);
    const { access_token: accessToken } = (await token.json()) as { access_token: string };
    const queue = await fetch(`${base}/queues/mine`, { headers: { authorization: `Bearer ${accessToken}` } });

    expect(page.status).toBe(200);
    expect(html).toContain('Ala (agent)');
    expect(html).not.toContain('robot');
    expect(chosen.status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe(callback);
    expect(location.searchParams.get('state')).toBe('st4te');
    expect(token.status).toBe(200);
    expect(queue.status).toBe(200);
  });

  it('refuses a wrong verifier, and a code used once is spent', async () => {
    const { verifier, challenge } = pkce();
    const code = codeOf(await chooseAccount(authorizeForm(challenge)));

    const wrong = await exchange(code, pkce().verifier);
    const afterwards = await exchange(code, verifier);

    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ error: 'invalid_grant' });
    expect(afterwards.status).toBe(400);
  });

  it('refuses a redirect elsewhere, another client, and a request without PKCE', async () => {
    const { challenge } = pkce();
    const elsewhere = await chooseAccount(authorizeForm(challenge, { redirect_uri: 'https://evil.example/console/' }));
    const otherClient = await chooseAccount(authorizeForm(challenge, { client_id: 'local-robot' }));
    const plain = await chooseAccount(authorizeForm(challenge, { code_challenge_method: 'plain' }));
    const robot = await chooseAccount(authorizeForm(challenge, { account: 'robot' }));

    expect([elsewhere.status, otherClient.status, plain.status, robot.status]).toEqual([400, 400, 400, 400]);
  });

  it('serves the console with its config and a strict Content-Security-Policy, and any app path as the app', async () => {
    const config = await fetch(`${base}/console/config.json`);
    const deepLink = await fetch(`${base}/console/cases/some-case`);

    expect(await config.json()).toMatchObject({ apiUrl: '', auth: { clientId: 'local-web', tokenUrl: '/local-auth/token' } });
    expect(deepLink.status).toBe(200);
    expect(deepLink.headers.get('content-type')).toContain('text/html');
    expect(deepLink.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(deepLink.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
