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

/**
 * Signs the customer in with Cognito's InitiateAuth (USER_PASSWORD_AUTH) on the customers' pool:
 * the same request to the local pool and to AWS, so the portal has one sign-in path.
 */
export async function signIn(pool: PortalConfig['customerPool'], email: string, password: string): Promise<void> {
  const response = await fetch(pool.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
    body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: pool.clientId, AuthParameters: { USERNAME: email, PASSWORD: password } }),
  });
  const body = (await response.json()) as { AuthenticationResult?: { AccessToken: string; ExpiresIn: number }; __type?: string; message?: string };
  if (!response.ok || !body.AuthenticationResult) {
    if (body.__type?.endsWith('NotAuthorizedException') || body.__type?.endsWith('UserNotFoundException')) throw new SignInRefused();
    throw new Error(body.message ?? `sign-in failed (${response.status})`);
  }
  const { AccessToken, ExpiresIn } = body.AuthenticationResult;
  sessionStorage.setItem(KEY, JSON.stringify({ accessToken: AccessToken, expiresAt: Date.now() + ExpiresIn * 1000 } satisfies Session));
}
