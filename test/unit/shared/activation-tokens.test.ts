import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { activationKeyOf, isTokenOf, newActivationToken } from '../../../functions/shared/activation-tokens.ts';

describe('activation tokens', () => {
  it('are 256 random bits, stored only as their SHA-256', () => {
    const { token, hash } = newActivationToken();

    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toBe(createHash('sha256').update(token).digest('base64url'));
    expect(hash).not.toContain(token);
    expect(newActivationToken().token).not.toBe(token);
  });

  it('are found by their key, and anything else is no token at all', () => {
    const { token, hash } = newActivationToken();

    expect(activationKeyOf(token)).toBe(hash);
    expect([activationKeyOf(''), activationKeyOf(`${token}x`), activationKeyOf(token.replace(/./, '+'))]).toEqual([null, null, null]);
  });

  it('match only their own hash', () => {
    const one = newActivationToken();
    const other = newActivationToken();

    expect(isTokenOf(one.token, one.hash)).toBe(true);
    expect(isTokenOf(one.token, other.hash)).toBe(false);
    expect(isTokenOf(one.token, 'short')).toBe(false);
  });
});
