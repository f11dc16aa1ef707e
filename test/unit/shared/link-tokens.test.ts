import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isTokenOf, linkKeyOf, newLinkToken } from '../../../functions/shared/link-tokens.ts';

describe('one-time link tokens', () => {
  it('are 256 random bits, stored only as their SHA-256', () => {
    const { token, hash } = newLinkToken();

    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toBe(createHash('sha256').update(token).digest('base64url'));
    expect(hash).not.toContain(token);
    expect(newLinkToken().token).not.toBe(token);
  });

  it('are found by their key, and anything else is no token at all', () => {
    const { token, hash } = newLinkToken();

    expect(linkKeyOf(token)).toBe(hash);
    expect([linkKeyOf(''), linkKeyOf(`${token}x`), linkKeyOf(token.replace(/./, '+'))]).toEqual([null, null, null]);
  });

  it('match only their own hash', () => {
    const one = newLinkToken();
    const other = newLinkToken();

    expect(isTokenOf(one.token, one.hash)).toBe(true);
    expect(isTokenOf(one.token, other.hash)).toBe(false);
    expect(isTokenOf(one.token, 'short')).toBe(false);
  });
});
