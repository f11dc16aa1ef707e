import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type Claims = Record<string, string | number | string[]>;

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A local stand-in for the Cognito user pool: RS256 tokens with the claims Cognito puts in its
 * access tokens (`sub`, `cognito:groups`, `scope`, `client_id`), verified the way the HTTP API
 * JWT authorizer does (signature, issuer, expiry). With a key file, tokens survive restarts.
 */
export class TokenIssuer {
  readonly issuer: string;
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;

  constructor(options: { issuer: string; keyFile?: string }) {
    this.issuer = options.issuer;
    this.privateKey = loadOrCreateKey(options.keyFile);
    this.publicKey = createPublicKey(this.privateKey);
  }

  issue(claims: Claims, lifetimeSeconds = 30 * 24 * 3600): string {
    const now = Math.floor(Date.now() / 1000);
    const payload = { iss: this.issuer, iat: now, exp: now + lifetimeSeconds, token_use: 'access', client_id: 'local-web', ...claims };
    const unsigned = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'local' })}.${b64(payload)}`;
    return `${unsigned}.${sign('sha256', Buffer.from(unsigned), this.privateKey).toString('base64url')}`;
  }

  /** The token's claims, or null when it is malformed, forged, expired or from another issuer. */
  verify(token: string): Claims | null {
    const [header, payload, signature] = token.split('.');
    if (!header || !payload || !signature) return null;
    const valid = verify('sha256', Buffer.from(`${header}.${payload}`), this.publicKey, Buffer.from(signature, 'base64url'));
    if (!valid) return null;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
      if (claims.iss !== this.issuer || typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return null;
      return claims;
    } catch {
      return null;
    }
  }
}

function loadOrCreateKey(keyFile: string | undefined): KeyObject {
  if (keyFile && existsSync(keyFile)) return createPrivateKey(readFileSync(keyFile));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  return privateKey;
}

/** The accounts the local helpdesk prints tokens for: Cognito group membership decides the role. */
export const LOCAL_ACCOUNTS = {
  agent: { sub: 'agent-ala', name: 'Ala (agent)', 'cognito:groups': ['agents'] },
  agent2: { sub: 'agent-ewa', name: 'Ewa (agent)', 'cognito:groups': ['agents'] },
  admin: { sub: 'admin-ola', name: 'Ola (admin)', 'cognito:groups': ['agents', 'admins'] },
  robot: { sub: 'robot-1', scope: 'helpdesk/robot', client_id: 'local-robot' },
} as const satisfies Record<string, Claims>;
