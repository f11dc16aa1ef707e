import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOCAL_ACCOUNTS, type TokenIssuer } from '../token-issuer.ts';

/** The staff accounts a person can sign in as; the robot signs in with its printed token. */
const PEOPLE = ['agent', 'agent2', 'admin'] as const satisfies readonly (keyof typeof LOCAL_ACCOUNTS)[];
type Person = (typeof PEOPLE)[number];

const CLIENT_ID = 'local-web';
/** Cognito's hosted UI keeps an authorization code for five minutes; so does this one. */
const CODE_LIFETIME_MS = 5 * 60 * 1000;
/** Sign-in lasts a working day, like a Cognito access token refreshed through the day. */
const TOKEN_LIFETIME_SECONDS = 12 * 3600;

interface PendingCode {
  account: Person;
  redirectUri: string;
  challenge: string;
  expiresAt: number;
}

/**
 * The local stand-in for Cognito's hosted UI: `/local-auth/authorize` shows a page listing the
 * local staff accounts instead of a password form, and `/local-auth/token` exchanges the code for
 * an access token, checking the PKCE verifier as Cognito does. The web clients run the same
 * authorization-code flow in both places; only the URLs in their `config.json` differ.
 */
export class LocalSignIn {
  private readonly codes = new Map<string, PendingCode>();

  constructor(private readonly issuer: TokenIssuer) {}

  /** @returns whether the request was one of its paths. */
  async handle(request: IncomingMessage, response: ServerResponse, url: URL, body: () => Promise<Buffer>): Promise<boolean> {
    if (url.pathname === '/local-auth/authorize' && request.method === 'GET') {
      this.showAccounts(response, url);
      return true;
    }
    if (url.pathname === '/local-auth/authorize' && request.method === 'POST') {
      this.grantCode(response, url, new URLSearchParams((await body()).toString('utf8')));
      return true;
    }
    if (url.pathname === '/local-auth/token' && request.method === 'POST') {
      await this.exchange(response, new URLSearchParams((await body()).toString('utf8')));
      return true;
    }
    return false;
  }

  private showAccounts(response: ServerResponse, url: URL): void {
    const refusal = authorizeRefusal(url.searchParams, url);
    if (refusal) return sendPage(response, 400, 'Sign-in refused', `<p role="alert">${escapeHtml(refusal)}</p>`);
    const hidden = ['client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method']
      .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(url.searchParams.get(name) ?? '')}">`)
      .join('');
    const buttons = PEOPLE.map(
      (account) => `<li><button type="submit" name="account" value="${account}">${escapeHtml(LOCAL_ACCOUNTS[account].name)}</button></li>`,
    ).join('');
    sendPage(
      response,
      200,
      'Sign in to the local helpdesk',
      `<p>This page stands in for the Cognito sign-in page. Choose who you are:</p>
<form method="post" action="/local-auth/authorize">${hidden}<ul>${buttons}</ul></form>`,
    );
  }

  private grantCode(response: ServerResponse, url: URL, form: URLSearchParams): void {
    const refusal = authorizeRefusal(form, url);
    const account = PEOPLE.find((person) => person === form.get('account'));
    if (refusal || !account) return sendPage(response, 400, 'Sign-in refused', `<p role="alert">${escapeHtml(refusal ?? 'unknown account')}</p>`);
    const code = randomBytes(32).toString('base64url');
    this.codes.set(code, { account, redirectUri: form.get('redirect_uri')!, challenge: form.get('code_challenge')!, expiresAt: Date.now() + CODE_LIFETIME_MS });
    const target = new URL(form.get('redirect_uri')!);
    target.searchParams.set('code', code);
    if (form.get('state')) target.searchParams.set('state', form.get('state')!);
    response.writeHead(302, { location: target.toString(), 'cache-control': 'no-store' });
    response.end();
  }

  private async exchange(response: ServerResponse, form: URLSearchParams): Promise<void> {
    const code = form.get('code') ?? '';
    const pending = this.codes.get(code);
    // A code works once, as at Cognito, whether or not the exchange succeeds.
    this.codes.delete(code);
    const verifier = form.get('code_verifier') ?? '';
    if (
      form.get('grant_type') !== 'authorization_code' ||
      form.get('client_id') !== CLIENT_ID ||
      !pending ||
      pending.expiresAt < Date.now() ||
      pending.redirectUri !== form.get('redirect_uri') ||
      !sameText(createHash('sha256').update(verifier).digest('base64url'), pending.challenge)
    ) {
      return sendJson(response, 400, { error: 'invalid_grant' });
    }
    const claims = LOCAL_ACCOUNTS[pending.account];
    const accessToken = await this.issuer.issue(claims, TOKEN_LIFETIME_SECONDS);
    sendJson(response, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS });
  }
}

/**
 * Why an authorization request is refused, as Cognito refuses it: another client, a redirect that
 * is not one of the client's callback URLs (here: the web apps on this server), or no S256 PKCE.
 */
function authorizeRefusal(params: URLSearchParams, url: URL): string | null {
  if (params.get('client_id') !== CLIENT_ID) return `unknown client_id; the local web client is '${CLIENT_ID}'`;
  let redirect: URL;
  try {
    redirect = new URL(params.get('redirect_uri') ?? '');
  } catch {
    return 'redirect_uri is not a URL';
  }
  if (redirect.host !== url.host || !redirect.pathname.startsWith('/console/')) return 'redirect_uri is not a callback URL of this client';
  if (params.get('code_challenge_method') !== 'S256' || !/^[\w-]{43}$/.test(params.get('code_challenge') ?? '')) {
    return 'a PKCE code_challenge with code_challenge_method S256 is required';
  }
  return null;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function sendPage(response: ServerResponse, status: number, title: string, content: string): void {
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}
ul{list-style:none;padding:0}li{margin:.5rem 0}button{font:inherit;padding:.5rem 1rem;min-width:12rem;cursor:pointer}
button:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${content}</main></body></html>`;
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  });
  response.end(page);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
