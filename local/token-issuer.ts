import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { jwtVerify, SignJWT } from 'jose';

export type Claims = Record<string, string | number | string[]>;

/** The app clients the local staff pool has; the HTTP API authorizer lists them as its audience. */
const LOCAL_CLIENT_IDS = ['local-web', 'local-robot'] as const;

/** Issuer and verifier share one clock, so the tolerance only covers rounding to whole seconds. */
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * A local stand-in for the Cognito user pool: RS256 tokens with the claims Cognito puts in its
 * access tokens (`sub`, `cognito:groups`, `scope`, `client_id`), verified the way the HTTP API
 * JWT authorizer does. With a key file, tokens survive restarts.
 */
export class TokenIssuer {
  readonly issuer: string;
  /** Derived from the public key, so a token signed with another key file is refused by `kid` alone. */
  readonly keyId: string;
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private readonly audiences: readonly string[];

  /** `audiences`: the client ids whose tokens it accepts (the staff pool's clients when absent). */
  constructor(options: { issuer: string; keyFile?: string; audiences?: readonly string[] }) {
    this.issuer = options.issuer;
    this.audiences = options.audiences ?? LOCAL_CLIENT_IDS;
    this.privateKey = loadOrCreateKey(options.keyFile);
    this.publicKey = createPublicKey(this.privateKey);
    this.keyId = createHash('sha256').update(this.publicKey.export({ type: 'spki', format: 'der' })).digest('base64url');
  }

  async issue(claims: Claims, lifetimeSeconds = 30 * 24 * 3600): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const payload = { iss: this.issuer, iat: now, exp: now + lifetimeSeconds, token_use: 'access', client_id: 'local-web', ...claims };
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.keyId }).sign(this.privateKey);
  }

  /**
   * The token's claims, or null when the API Gateway JWT authorizer would refuse it: malformed,
   * unknown `kid`, bad signature, another issuer, an audience that is not one of its clients, expired,
   * not yet valid (`nbf`) or issued in the future (`iat`).
   */
  async verify(token: string): Promise<Claims | null> {
    try {
      const { payload } = await jwtVerify(
        token,
        (header) => {
          if (header.kid !== this.keyId) throw new Error(`unknown kid ${String(header.kid)}`);
          return this.publicKey;
        },
        { issuer: this.issuer, algorithms: ['RS256'], requiredClaims: ['exp'], clockTolerance: CLOCK_TOLERANCE_SECONDS },
      );
      // jose checks iat only together with maxTokenAge; API Gateway refuses one in the future.
      if (payload.iat !== undefined && payload.iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS) return null;
      if (!hasAudience(payload.aud ?? payload.client_id, this.audiences)) return null;
      return payload as Claims;
    } catch {
      return null;
    }
  }
}

/**
 * Cognito access tokens carry `client_id` and no `aud`; API Gateway checks `aud` when present,
 * otherwise `client_id`, against the authorizer's audience list.
 */
function hasAudience(audience: unknown, accepted: readonly string[]): boolean {
  const values = Array.isArray(audience) ? audience : [audience];
  return values.some((value) => (accepted as readonly unknown[]).includes(value));
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

/**
 * The accounts the local helpdesk prints tokens for: Cognito group membership decides the role.
 * The people are also the local user pool's users (local/identity/local-cognito.ts).
 */
export const LOCAL_ACCOUNTS = {
  agent: { sub: 'agent-ala', name: 'Ala (agent)', email: 'ala@staff.example', 'cognito:groups': ['agents'] },
  agent2: { sub: 'agent-ewa', name: 'Ewa (agent)', email: 'ewa@staff.example', 'cognito:groups': ['agents'] },
  admin: { sub: 'admin-ola', name: 'Ola (admin)', email: 'ola@staff.example', 'cognito:groups': ['agents', 'admins'] },
  robot: { sub: 'robot-1', scope: 'helpdesk/robot', client_id: 'local-robot' },
} as const satisfies Record<string, Claims>;
