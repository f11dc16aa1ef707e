import type { PortalConfig } from '../shared/runtime-config.ts';

const KEY = 'helpdesk.portal.session';

interface Session {
  accessToken: string;
  /** Epoch ms: the token is dropped a minute before, so a request never goes out with one about to lapse. */
  expiresAt: number;
}

/** The signed-in customer's access token, for this tab only (sessionStorage), or null. */
export function currentToken(): string | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  const session = JSON.parse(raw) as Session;
  if (Date.now() >= session.expiresAt - 60_000) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return session.accessToken;
}

export const signOut = (): void => sessionStorage.removeItem(KEY);

export class SignInRefused extends Error {}

/** Cognito's answer to a refused request: which exception, and its message (the password policy's, for a weak one). */
export class CognitoRefused extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

async function cognito<T>(pool: PortalConfig['customerPool'], operation: string, body: object): Promise<T> {
  const response = await fetch(pool.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as T & { __type?: string; message?: string };
  if (!response.ok) throw new CognitoRefused((answer.__type ?? '').split('#').at(-1) ?? '', answer.message ?? `${operation} failed (${response.status})`);
  return answer;
}

/** Cognito's ChangePassword with the signed-in customer's token: the current password proves it is them. */
export async function changePassword(pool: PortalConfig['customerPool'], previous: string, proposed: string): Promise<void> {
  const accessToken = currentToken();
  if (!accessToken) throw new CognitoRefused('NotAuthorizedException', 'signed out');
  await cognito(pool, 'ChangePassword', { AccessToken: accessToken, PreviousPassword: previous, ProposedPassword: proposed });
}

/**
 * Signs the customer in with Cognito's InitiateAuth (USER_PASSWORD_AUTH) on the customers' pool:
 * the same request to the local pool and to AWS, so the portal has one sign-in path.
 */
export async function signIn(pool: PortalConfig['customerPool'], email: string, password: string): Promise<void> {
  let answer: { AuthenticationResult?: { AccessToken: string; ExpiresIn: number } };
  try {
    answer = await cognito(pool, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: pool.clientId, AuthParameters: { USERNAME: email, PASSWORD: password } });
  } catch (error) {
    if (error instanceof CognitoRefused && (error.type === 'NotAuthorizedException' || error.type === 'UserNotFoundException')) throw new SignInRefused();
    throw error;
  }
  if (!answer.AuthenticationResult) throw new Error('sign-in needs another step this portal does not offer');
  const { AccessToken, ExpiresIn } = answer.AuthenticationResult;
  sessionStorage.setItem(KEY, JSON.stringify({ accessToken: AccessToken, expiresAt: Date.now() + ExpiresIn * 1000 } satisfies Session));
}
