import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits: an activation link cannot be guessed, and only its hash is ever stored. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh activation token and the hash the table keeps instead of it. */
export function newActivationToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashActivationToken(token) };
}

/** The key an activation is stored under; null for something that is not a token at all. */
export function activationKeyOf(token: string): string | null {
  return TOKEN_PATTERN.test(token) ? hashActivationToken(token) : null;
}

const hashActivationToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('base64url');

/**
 * Whether a stored hash is the token's. The table was looked up by this hash already; comparing
 * again in constant time keeps a store that matched loosely (or a caller that skipped the lookup)
 * from ever opening a submission with another token.
 */
export function isTokenOf(token: string, storedHash: string): boolean {
  const expected = Buffer.from(hashActivationToken(token));
  const stored = Buffer.from(storedHash);
  return expected.length === stored.length && timingSafeEqual(expected, stored);
}
