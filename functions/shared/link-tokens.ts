import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Tokens of the one-time links the helpdesk mails (activating a form case, confirming a new e-mail
 * address): 256 random bits, so a link cannot be guessed, and only their hash is ever stored.
 */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh token and the hash the table keeps instead of it. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

/** The key a link's item is stored under; null for something that is not a token at all. */
export function linkKeyOf(token: string): string | null {
  return TOKEN_PATTERN.test(token) ? hashLinkToken(token) : null;
}

const hashLinkToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('base64url');

/**
 * Whether a stored hash is the token's. The table was looked up by this hash already; comparing
 * again in constant time keeps a store that matched loosely (or a caller that skipped the lookup)
 * from ever opening a link's item with another token.
 */
export function isTokenOf(token: string, storedHash: string): boolean {
  const expected = Buffer.from(hashLinkToken(token));
  const stored = Buffer.from(storedHash);
  return expected.length === stored.length && timingSafeEqual(expected, stored);
}
