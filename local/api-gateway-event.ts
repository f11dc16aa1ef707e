import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { Claims } from './token-issuer.ts';

/**
 * Builds the API Gateway HTTP API (payload 2.0) event the deployed functions receive, including
 * the JWT authorizer's claims in the same field and format (arrays as "[a b]").
 */
export function toApiGatewayEvent(options: {
  request: IncomingMessage;
  url: URL;
  routeKey: string;
  pathParameters: Record<string, string>;
  body: Buffer;
  claims: Claims | null;
}): APIGatewayProxyEventV2WithJWTAuthorizer {
  const { request, url, routeKey, pathParameters, body, claims } = options;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const now = Date.now();
  const jwtClaims = claims
    ? Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : v]))
    : undefined;
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
      // Public routes have no authorizer, so the field is absent there, as in the cloud.
      ...(jwtClaims
        ? {
            authorizer: {
              principalId: '',
              integrationLatency: 0,
              jwt: { claims: jwtClaims, scopes: typeof claims?.scope === 'string' ? claims.scope.split(' ') : [] },
            },
          }
        : {}),
    },
    body: body.length > 0 ? body.toString('base64') : undefined,
    isBase64Encoded: body.length > 0,
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
}
