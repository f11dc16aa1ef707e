import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { noAgentDirectory } from './agent-directory.ts';
import { CognitoAgentDirectory } from './cognito-agent-directory.ts';
import { loadConfig } from './config.ts';
import { defaultDeps, type Deps } from './deps.ts';

let cached: Deps | undefined;

/**
 * The shared deps with the agent directory, for the route groups that read it (`agentDirectory`
 * in ROUTE_GROUPS); only their bundles carry the Cognito client. Locally the endpoint comes from
 * AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, which the SDK reads itself.
 */
export function agentDeps(): Deps {
  if (!cached) {
    const { userPoolId } = loadConfig();
    cached = {
      ...defaultDeps(),
      agents: userPoolId ? new CognitoAgentDirectory(new CognitoIdentityProviderClient({}), userPoolId) : noAgentDirectory,
    };
  }
  return cached;
}
