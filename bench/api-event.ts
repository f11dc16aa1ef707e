import { randomUUID } from 'node:crypto';
import { type Route, routeKey } from '../functions/routes.ts';
import type { HttpEvent } from '../functions/shared/http-handler.ts';
import { LOCAL_ACCOUNTS } from '../local/token-issuer.ts';

export type Caller = 'agent' | 'admin' | 'robot' | 'customer' | 'public';

/** The customer record the bench's signed-in customer acts as (the customer pool names each account after its record). */
export const BENCH_CUSTOMER_ID = '0b3c9a1e-5f2d-4c7a-9e1b-6d8f2a4c0e11';

/** What a client puts in a request; the event builder turns it into what API Gateway delivers. */
export interface ApiRequest {
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  /** Headers the route declares, by lower-case name. */
  headers?: Record<string, string>;
  /** For a customer route: the signed-in customer's record (BENCH_CUSTOMER_ID when absent). */
  customerId?: string;
  body?: unknown;
}

/**
 * Claims as the HTTP API JWT authorizer passes them: every value a string, arrays as "[a b]".
 * The accounts are the local helpdesk's, so the bench acts as the same people.
 */
const CLAIMS: Record<Exclude<Caller, 'public'>, Record<string, string>> = {
  agent: { sub: LOCAL_ACCOUNTS.agent.sub, name: LOCAL_ACCOUNTS.agent.name, 'cognito:groups': '[agents]', token_use: 'access' },
  admin: { sub: LOCAL_ACCOUNTS.admin.sub, name: LOCAL_ACCOUNTS.admin.name, 'cognito:groups': '[agents admins]', token_use: 'access' },
  robot: { sub: LOCAL_ACCOUNTS.robot.sub, scope: LOCAL_ACCOUNTS.robot.scope, client_id: LOCAL_ACCOUNTS.robot.client_id, token_use: 'access' },
  customer: { sub: 'bench-customer-sub', username: BENCH_CUSTOMER_ID, client_id: 'local-portal', token_use: 'access' },
};

export const callerId = (caller: Exclude<Caller, 'public'>): string => CLAIMS[caller].sub!;

/** The API Gateway HTTP API (payload 2.0) event for one request, as the deployed functions receive it. */
export function apiEvent(route: Route, request: ApiRequest, caller: Caller): HttpEvent {
  const rawPath = route.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = request.pathParameters?.[name];
    if (value === undefined) throw new Error(`${routeKey(route)}: no value for path parameter '${name}'`);
    return encodeURIComponent(value);
  });
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  const headers: Record<string, string> = { host: 'bench.local', 'user-agent': 'helpdesk-bench', ...request.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const rawQueryString = new URLSearchParams(request.query ?? {}).toString();
  const now = Date.now();
  const claims = caller === 'public' ? undefined : caller === 'customer' && request.customerId ? { ...CLAIMS.customer, username: request.customerId } : CLAIMS[caller];
  return {
    version: '2.0',
    routeKey: routeKey(route),
    rawPath,
    rawQueryString,
    headers,
    ...(request.query && Object.keys(request.query).length > 0 ? { queryStringParameters: request.query } : {}),
    ...(request.pathParameters && Object.keys(request.pathParameters).length > 0 ? { pathParameters: request.pathParameters } : {}),
    requestContext: {
      accountId: 'bench',
      apiId: 'bench',
      domainName: 'bench.local',
      domainPrefix: 'bench',
      http: { method: route.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: headers['user-agent']! },
      requestId: randomUUID(),
      routeKey: routeKey(route),
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
      // Public routes have no authorizer, so the field is absent there, as in the cloud.
      ...(claims
        ? {
            authorizer: {
              principalId: '',
              integrationLatency: 0,
              jwt: { claims, scopes: claims.scope ? claims.scope.split(' ') : [] },
            },
          }
        : {}),
    },
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: false,
  } as HttpEvent;
}
