import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_GROUPS, type RouteGroup } from '../../../functions/routes.ts';
import { API_CORS } from '../../../lib/api-cors.ts';
import { createHttpServer, type LambdaHandler } from '../../../local/http-server.ts';
import { TokenIssuer } from '../../../local/token-issuer.ts';

const TENANT_SITE = 'http://127.0.0.1:5301';
const OTHER_SITE = 'https://elsewhere.example';

/** Every route group answers 202, as the intake does: what matters here is what the server adds. */
const accepting: LambdaHandler = async () => ({ statusCode: 202, headers: { 'content-type': 'application/json' }, body: '{"message":"ok"}' });

describe('the local API server, for pages on other origins (CORS as API Gateway answers it)', () => {
  let server: Server;
  let api: string;
  const corsHeaders = (response: Response) => {
    const found: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (name.startsWith('access-control-')) found[name] = value;
    });
    return found;
  };
  const preflight = (origin: string) =>
    fetch(`${api}/public/intake`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
  const submit = (headers: Record<string, string>) =>
    fetch(`${api}/public/intake`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });

  beforeAll(async () => {
    const issuer = new TokenIssuer({ issuer: 'http://localhost/test' });
    const handlers = Object.fromEntries(Object.keys(ROUTE_GROUPS).map((group) => [group, accepting])) as Record<RouteGroup, LambdaHandler>;
    const site = { storageOrigin: 'http://127.0.0.1:1', customerPool: { endpoint: 'http://127.0.0.1:2', clientId: 'portal' }, demoSiteUrl: `${TENANT_SITE}/` };
    server = createHttpServer(handlers, { staff: issuer, customers: issuer }, () => ({ status: 'ok' }), site, [TENANT_SITE]);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
  });

  it("answers an allowed origin's preflight itself, before routing, with the methods, headers and max-age of lib/api-cors.ts", async () => {
    const response = await preflight(TENANT_SITE);

    expect(response.status).toBe(204);
    expect(corsHeaders(response)).toEqual({
      'access-control-allow-origin': TENANT_SITE,
      'access-control-allow-methods': API_CORS.allowMethods.join(','),
      'access-control-allow-headers': 'authorization,content-type,if-match,if-none-match,idempotency-key,x-case-link,x-activation-token,x-confirmation-token',
      'access-control-max-age': '3600',
    });
    expect(API_CORS.allowMethods).toContain('POST');
  });

  it('answers the preflight of an origin it does not list with no CORS header at all', async () => {
    const response = await preflight(OTHER_SITE);

    expect(response.status).toBe(204);
    expect(corsHeaders(response)).toEqual({});
  });

  it("puts the allowed origin and the exposed ETag on the route's answer", async () => {
    const response = await submit({ origin: TENANT_SITE });

    expect(response.status).toBe(202);
    expect(corsHeaders(response)).toEqual({ 'access-control-allow-origin': TENANT_SITE, 'access-control-expose-headers': 'etag' });
  });

  it('on the gateway\'s own answers too, such as a 404 for no route', async () => {
    const response = await fetch(`${api}/no/such/route`, { headers: { origin: TENANT_SITE } });

    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-allow-origin')).toBe(TENANT_SITE);
  });

  it.each([
    ['another origin', { origin: OTHER_SITE }],
    ['a request with no origin (curl, or a page of the same origin)', {}],
  ])('adds nothing for %s, whose request the route still answers', async (_case, headers) => {
    const response = await submit(headers);

    expect(response.status).toBe(202);
    expect(corsHeaders(response)).toEqual({});
  });
});
