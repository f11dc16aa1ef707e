import { serveAwsEndpoint, type ServedEndpoint } from '../aws-endpoint.ts';
import { LOCAL_ACCOUNTS } from '../token-issuer.ts';
import { createCognitoEndpoint, type LocalUserPool } from './cognito-idp-endpoint.ts';

/**
 * The pool the local accounts live in, with the groups CDK creates (lib/identity.ts). The robot is
 * an app client with client credentials, not a user. USER_POOL_ID is its id locally.
 */
export const LOCAL_USER_POOL: LocalUserPool = {
  id: 'eu-central-1_local',
  groups: ['agents', 'admins', 'robots'],
  users: Object.values(LOCAL_ACCOUNTS).flatMap((account) =>
    'cognito:groups' in account
      ? [{ username: account.sub, attributes: { sub: account.sub, name: account.name, email: account.email }, groups: account['cognito:groups'] }]
      : [],
  ),
};

/** The local user pool's API: the agent directory the functions list through `@aws-sdk/client-cognito-identity-provider`. */
export async function startLocalCognito(options: { port?: number } = {}): Promise<ServedEndpoint> {
  return serveAwsEndpoint(createCognitoEndpoint(LOCAL_USER_POOL), 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER', options.port);
}
