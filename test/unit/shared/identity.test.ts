import { describe, expect, it } from 'vitest';
import { actorFromEvent, customerFromEvent } from '../../../functions/shared/identity.ts';

const withClaims = (claims: Record<string, unknown> | undefined) =>
  ({ requestContext: claims ? { authorizer: { jwt: { claims, scopes: [] } } } : {} }) as never;

describe('actorFromEvent', () => {
  it.each([
    ['API Gateway array string', { sub: 'u1', 'cognito:groups': '[agents admins]' }, 'admin'],
    ['a JSON array', { sub: 'u1', 'cognito:groups': ['agents'] }, 'agent'],
    ['the robots group', { sub: 'r1', 'cognito:groups': '[robots]' }, 'robot'],
    ['the robot scope of a client-credentials token', { sub: 'r1', scope: 'helpdesk/robot other/scope' }, 'robot'],
    ['no staff group', { sub: 'c1' }, 'customer'],
  ])('reads the role from %s', (_how, claims, kind) => {
    expect(actorFromEvent(withClaims(claims))?.kind).toBe(kind);
  });

  it('takes the display name from name, else e-mail', () => {
    expect(actorFromEvent(withClaims({ sub: 'u1', email: 'ala@acme.example', 'cognito:groups': '[agents]' }))).toEqual({
      kind: 'agent', id: 'u1', name: 'ala@acme.example',
    });
  });

  it('is null without verified claims', () => {
    expect(actorFromEvent(withClaims(undefined))).toBeNull();
    expect(actorFromEvent(withClaims({ 'cognito:groups': '[agents]' }))).toBeNull();
  });
});

describe('customerFromEvent', () => {
  it("is the customer record the token's username names", () => {
    expect(customerFromEvent(withClaims({ sub: 'f00d', username: 'cust-1', client_id: 'portal' }))).toEqual({ kind: 'customer', id: 'cust-1' });
  });

  it.each([
    ['no token', undefined],
    ['no username', { sub: 'f00d' }],
    ['an empty username', { sub: 'f00d', username: '' }],
    ['a staff token with groups', { sub: 'agent-ala', username: 'agent-ala', 'cognito:groups': '[agents]' }],
  ])('is nobody with %s', (_what, claims) => {
    expect(customerFromEvent(withClaims(claims))).toBeNull();
  });
});
