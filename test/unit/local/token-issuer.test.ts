import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type JWTPayload, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { LOCAL_ACCOUNTS, TokenIssuer } from '../../../local/token-issuer.ts';

const ISSUER = 'http://localhost/helpdesk-local';
const keyFile = join(mkdtempSync(join(tmpdir(), 'token-issuer-')), 'token-key.pem');
const issuer = new TokenIssuer({ issuer: ISSUER, keyFile });
const ownKey = createPrivateKey(readFileSync(keyFile));
const now = () => Math.floor(Date.now() / 1000);

/** A token signed with the issuer's own key, so only the varied field can make it fail. */
function forge(overrides: JWTPayload, options: { kid?: string; key?: typeof ownKey } = {}): Promise<string> {
  const payload = { iss: ISSUER, iat: now(), exp: now() + 3600, token_use: 'access', client_id: 'local-web', sub: 'agent-ala', ...overrides };
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: options.kid ?? issuer.keyId }).sign(options.key ?? ownKey);
}

describe('the local token issuer', () => {
  it('accepts its own access token and returns the claims', async () => {
    const token = await issuer.issue(LOCAL_ACCOUNTS.agent);

    const claims = await issuer.verify(token);

    expect(claims).toMatchObject({ iss: ISSUER, sub: 'agent-ala', client_id: 'local-web', 'cognito:groups': ['agents'] });
  });

  it('accepts the robot client and a token whose aud names a local client', async () => {
    const robot = await issuer.issue(LOCAL_ACCOUNTS.robot);
    const withAud = await forge({ aud: 'local-web', client_id: undefined });

    const verified = await Promise.all([issuer.verify(robot), issuer.verify(withAud)]);

    expect(verified.map((claims) => claims?.sub)).toEqual(['robot-1', 'agent-ala']);
  });

  it('accepts its tokens after a restart with the same key file, which stays private to the owner', async () => {
    const token = await issuer.issue(LOCAL_ACCOUNTS.admin);

    const restarted = new TokenIssuer({ issuer: ISSUER, keyFile });

    expect(await restarted.verify(token)).toMatchObject({ sub: 'admin-ola' });
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['a tampered signature', async () => `${(await issuer.issue(LOCAL_ACCOUNTS.agent)).slice(0, -4)}AAAA`],
    ['an extra segment', async () => `${await issuer.issue(LOCAL_ACCOUNTS.agent)}.x`],
    ['a kid that is not the issuer key', () => forge({}, { kid: 'local' })],
    ['the right kid on a foreign key', () => forge({}, { key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey })],
    ['another issuer', () => forge({ iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_other' })],
    ['a foreign client_id', () => forge({ client_id: 'someone-elses-app' })],
    ['a foreign aud, even with a local client_id', () => forge({ aud: 'someone-elses-app' })],
    ['no client_id and no aud', () => forge({ client_id: undefined })],
    ['an expiry in the past', () => forge({ iat: now() - 7200, exp: now() - 60 })],
    ['no expiry', () => forge({ exp: undefined })],
    ['a not-before in the future', () => forge({ nbf: now() + 600 })],
    ['an issued-at in the future', () => forge({ iat: now() + 600 })],
    ['garbage', async () => 'not-a-token'],
    ['an empty string', async () => ''],
  ])('refuses a token with %s', async (_case, token) => {
    const claims = await issuer.verify(await token());

    expect(claims).toBeNull();
  });
});
