import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { Actor } from '../domain/actor.ts';

type Claims = Record<string, string | number | boolean | string[]>;

/** Scope carried by robots' client-credentials tokens (Cognito resource server "helpdesk"). */
export const ROBOT_SCOPE = 'helpdesk/robot';

/**
 * The caller as the JWT authorizer saw it. API Gateway passes array claims as a string such as
 * "[agents admins]"; the local server does the same, so one parser serves both.
 * Returns null when there is no verified token; an actor with no staff role has kind 'customer'.
 */
export function actorFromEvent(event: Pick<APIGatewayProxyEventV2WithJWTAuthorizer, 'requestContext'>): Actor | null {
  const claims = (event.requestContext.authorizer?.jwt?.claims ?? null) as Claims | null;
  if (!claims || typeof claims.sub !== 'string') return null;
  const groups = listClaim(claims['cognito:groups']);
  const scopes = listClaim(claims.scope).flatMap((s) => s.split(' '));
  const kind = groups.includes('admins')
    ? 'admin'
    : groups.includes('robots') || scopes.includes(ROBOT_SCOPE)
      ? 'robot'
      : groups.includes('agents')
        ? 'agent'
        : 'customer';
  const name = typeof claims.name === 'string' ? claims.name : typeof claims.email === 'string' ? claims.email : undefined;
  return { kind, id: claims.sub, ...(name ? { name } : {}) };
}

/**
 * The signed-in customer: only the customer pool's authorizer admits these routes' tokens, whose
 * `username` is the customer record's id (the intake names each account after its record).
 */
export function customerFromEvent(event: Pick<APIGatewayProxyEventV2WithJWTAuthorizer, 'requestContext'>): Actor | null {
  const claims = (event.requestContext.authorizer?.jwt?.claims ?? null) as Claims | null;
  if (!claims || typeof claims.username !== 'string' || claims.username === '' || claims['cognito:groups'] !== undefined) return null;
  return { kind: 'customer', id: claims.username };
}

function listClaim(value: Claims[string] | undefined): string[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return [];
  const trimmed = value.trim();
  const inner = trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
  return inner.split(/[\s,]+/).filter(Boolean);
}
