import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CaseLinks } from './case-links.ts';
import { type Config, loadConfig } from './config.ts';
import type { Deps } from './deps.ts';

let loaded: Promise<CaseLinks> | undefined;

/** The function's CaseLinks, its secret read once per cold start (again after a failed read). */
export function caseLinks(config: Config = loadConfig()): Promise<CaseLinks> {
  loaded ??= load(config).catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

async function load(config: Config): Promise<CaseLinks> {
  if (!config.portalUrl) throw new Error('PORTAL_URL is not set: this function cannot make public links');
  if (config.caseLinkSecret) return new CaseLinks(Buffer.from(config.caseLinkSecret, 'utf8'), config.portalUrl);
  if (!config.caseLinkSecretArn) throw new Error('neither CASE_LINK_SECRET nor CASE_LINK_SECRET_ARN is set: this function cannot make public links');
  const client = new SecretsManagerClient({});
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: config.caseLinkSecretArn }));
    if (!SecretString) throw new Error('the case link secret has no value');
    return new CaseLinks(Buffer.from(SecretString, 'utf8'), config.portalUrl);
  } finally {
    client.destroy();
  }
}

/**
 * The deps `base` gives with public links, for the functions that make or check them (`caseLinks`
 * in ROUTE_GROUPS, and the mail functions): only their bundles carry the Secrets Manager client.
 */
export function withCaseLinks(base: () => Deps): () => Deps {
  let cached: Deps | undefined;
  return () => (cached ??= { ...base(), links: () => caseLinks() });
}
