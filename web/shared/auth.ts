import type { RuntimeConfig } from './runtime-config.ts';

/**
 * Sign-in with the OAuth 2 authorization-code flow and PKCE, against Cognito's hosted UI in the
 * cloud and the local runtime's stand-in locally. The access token lives in this tab's
 * sessionStorage: only the app's own scripts can read it (the CSP allows no other), and inbound
 * mail is shown in a sandboxed frame without scripts or this origin.
 */
const TOKEN_KEY = 'helpdesk.token';
const PENDING_KEY = 'helpdesk.signin';

export interface Session {
  token: string;
  /** The caller's id (the token's `sub`). */
  userId: string;
  groups: string[];
  expiresAt: number;
}

interface PendingSignIn {
  state: string;
  verifier: string;
  /** Where in the app to return after signing in. */
  returnTo: string;
}

/** The current session; finishes a sign-in when the page is the redirect back from the sign-in page. */
export async function currentSession(config: RuntimeConfig): Promise<Session | null> {
  const params = new URLSearchParams(location.search);
  if (params.has('code')) return finishSignIn(config, params);
  const stored = sessionStorage.getItem(TOKEN_KEY);
  if (!stored) return null;
  const session = sessionOf(stored);
  return session && session.expiresAt > Date.now() / 1000 + 60 ? session : null;
}

export async function signIn(config: RuntimeConfig): Promise<never> {
  const verifier = randomText(32);
  const pending: PendingSignIn = { state: randomText(16), verifier, returnTo: location.pathname + location.hash };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(config.auth.authorizeUrl, location.href);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.auth.clientId,
    redirect_uri: redirectUri(),
    scope: config.auth.scope,
    state: pending.state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
  return new Promise<never>(() => undefined);
}

export function signOut(config: RuntimeConfig): void {
  sessionStorage.removeItem(TOKEN_KEY);
  if (config.auth.logoutUrl) {
    const url = new URL(config.auth.logoutUrl, location.href);
    url.search = new URLSearchParams({ client_id: config.auth.clientId, logout_uri: redirectUri() }).toString();
    location.assign(url.toString());
  } else {
    location.assign(redirectUri());
  }
}

async function finishSignIn(config: RuntimeConfig, params: URLSearchParams): Promise<Session | null> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as PendingSignIn | null;
  sessionStorage.removeItem(PENDING_KEY);
  if (!pending || params.get('state') !== pending.state) return null;
  const response = await fetch(new URL(config.auth.tokenUrl, location.href), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.auth.clientId,
      code: params.get('code') ?? '',
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) return null;
  const { access_token: token } = (await response.json()) as { access_token: string };
  sessionStorage.setItem(TOKEN_KEY, token);
  history.replaceState(null, '', pending.returnTo.startsWith('/') ? pending.returnTo : redirectUri());
  return sessionOf(token);
}

function sessionOf(token: string): Session | null {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    return {
      token,
      userId: String(payload.sub),
      groups: Array.isArray(payload['cognito:groups']) ? (payload['cognito:groups'] as string[]) : [],
      expiresAt: Number(payload.exp),
    };
  } catch {
    return null;
  }
}

/** The app's root: the one callback URL its client has. */
const redirectUri = () => new URL(import.meta.env.BASE_URL, location.origin).toString();

function randomText(bytes: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
