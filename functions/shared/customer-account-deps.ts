import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoCustomerAccounts } from './cognito-customer-accounts.ts';
import { loadConfig } from './config.ts';
import type { CustomerAccounts } from './customer-accounts.ts';
import type { Deps } from './deps.ts';

export type AccountDeps = Deps & { accounts: CustomerAccounts };

/** The customer pool's accounts, for the functions CDK lets manage them (`customerAccounts` in ROUTE_GROUPS). */
export function customerAccounts(): CustomerAccounts {
  const { customerPoolId } = loadConfig();
  if (!customerPoolId) throw new Error('invalid function environment: CUSTOMER_POOL_ID is required to manage customer accounts');
  return new CognitoCustomerAccounts(new CognitoIdentityProviderClient({}), customerPoolId);
}

/** The deps `base` gives with the customer accounts, built once per cold start. */
export function withCustomerAccounts(base: () => Deps): () => AccountDeps {
  let cached: AccountDeps | undefined;
  return () => (cached ??= { ...base(), accounts: customerAccounts() });
}
