import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (an esbuild alias in
 * lib/handler-function.ts). Lambda gives every function its role's credentials in the environment,
 * so the rest of the default chain (profiles, SSO, STS, instance metadata) is dead weight: about a
 * quarter of each bundle and of its import time.
 */
export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
