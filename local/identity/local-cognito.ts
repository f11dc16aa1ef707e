import { join } from 'node:path';
import { serveAwsEndpoint, type ServedEndpoint } from '../aws-endpoint.ts';
import { LOCAL_ACCOUNTS, TokenIssuer } from '../token-issuer.ts';
import { createCognitoEndpoint, type LocalUserPool } from './cognito-idp-endpoint.ts';
import { LOCAL_CUSTOMER_POOL_ID, LOCAL_PORTAL_CLIENT_ID, LocalCustomerPool } from './customer-pool.ts';

/**
 * The staff pool the local accounts live in, with the groups CDK creates (lib/identity.ts). The robot is
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

export interface LocalCognito extends ServedEndpoint {
  /** Signs and verifies customers' tokens: another issuer and key than staff tokens, so neither passes for the other. */
  customerIssuer: TokenIssuer;
}

/**
 * The local user pools' API: the agent directory the functions list, and the customers' pool the
 * intake registers accounts in and the portal signs in to. With a data folder, customers' accounts
 * and the key of their tokens survive restarts.
 */
export async function startLocalCognito(options: { port?: number; dataDir?: string } = {}): Promise<LocalCognito> {
  const customerIssuer = new TokenIssuer({
    issuer: 'http://localhost/helpdesk-local/customers',
    audiences: [LOCAL_PORTAL_CLIENT_ID],
    ...(options.dataDir ? { keyFile: join(options.dataDir, 'customer-token-key.pem') } : {}),
  });
  const pool = new LocalCustomerPool(customerIssuer, LOCAL_PORTAL_CLIENT_ID, options.dataDir ? join(options.dataDir, 'customer-accounts.json') : undefined);
  const endpoint = createCognitoEndpoint(LOCAL_USER_POOL, { id: LOCAL_CUSTOMER_POOL_ID, clientId: LOCAL_PORTAL_CLIENT_ID, pool });
  return { ...(await serveAwsEndpoint(endpoint, 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER', options.port)), customerIssuer };
}
