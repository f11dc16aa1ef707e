import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ConflictError, InvalidTransitionError } from '../../../functions/domain/errors.ts';
import type { Route } from '../../../functions/routes.ts';
import type { Deps } from '../../../functions/shared/deps.ts';
import { defineHandler, groupHandler, type HttpEvent } from '../../../functions/shared/http-handler.ts';

const route = {
  method: 'POST', path: '/things/{thingId}', group: 'case-commands', summary: 'test', auth: ['agent'],
  params: z.object({ thingId: z.string().min(3) }), body: z.strictObject({ n: z.number() }), status: 200, response: z.unknown(),
} as const satisfies Route;
const deps = {} as Deps;
const context = { awsRequestId: 'r1', functionName: 'f' } as Context;

const event = (overrides: Partial<HttpEvent> = {}): HttpEvent =>
  ({
    routeKey: 'POST /things/{thingId}',
    rawPath: '/things/abc',
    headers: {},
    pathParameters: { thingId: 'abc' },
    body: JSON.stringify({ n: 1 }),
    isBase64Encoded: false,
    requestContext: { authorizer: { jwt: { claims: { sub: 'agent-ala', 'cognito:groups': '[agents]' }, scopes: [] } } },
    ...overrides,
  }) as HttpEvent;

const invoke = async (run: () => Promise<unknown>, e: HttpEvent = event()) => {
  const handler = groupHandler([defineHandler(route, async () => ({ status: 200, body: await run() }))], () => deps);
  const result = (await handler(e, context)) as { statusCode: number; body: string; headers: Record<string, string> };
  return { status: result.statusCode, body: JSON.parse(result.body), headers: result.headers };
};

describe('groupHandler', () => {
  it('runs the route and answers JSON', async () => {
    const result = await invoke(async () => ({ done: true }));

    expect(result).toMatchObject({ status: 200, body: { done: true }, headers: { 'content-type': 'application/json' } });
  });

  it('answers 500 for an unexpected error without leaking its message', async () => {
    const result = await invoke(async () => {
      throw new Error('secret connection string');
    });

    expect(result.status).toBe(500);
    expect(JSON.stringify(result.body)).not.toContain('secret');
  });

  it.each([
    [new ConflictError('changed'), 409, 'version_conflict'],
    [new InvalidTransitionError('claim', 'closed', ['link_customer']), 409, 'invalid_transition'],
  ])('maps %s to %i', async (error, status, code) => {
    const result = await invoke(async () => {
      throw error;
    });

    expect(result.status).toBe(status);
    expect(result.body.error.code).toBe(code);
  });

  it('validates params and body together and reports both', async () => {
    const result = await invoke(async () => 'unreached', event({ pathParameters: { thingId: 'x' }, body: JSON.stringify({ n: 'one' }) }));

    expect(result.status).toBe(400);
    expect(result.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['params.thingId', 'body.n']);
  });

  it('decodes base64 bodies as API Gateway sends them', async () => {
    const result = await invoke(async () => 'ok', event({ body: Buffer.from('{"n":2}').toString('base64'), isBase64Encoded: true }));

    expect(result.status).toBe(200);
  });

  it('answers 401 without claims and 403 for a role the route does not allow', async () => {
    const anonymous = await invoke(async () => 'unreached', event({ requestContext: {} as HttpEvent['requestContext'] }));
    const robot = await invoke(
      async () => 'unreached',
      event({ requestContext: { authorizer: { jwt: { claims: { sub: 'r', scope: 'helpdesk/robot' }, scopes: [] } } } as never }),
    );

    expect([anonymous.status, robot.status]).toEqual([401, 403]);
  });

  it('answers 404 for a route key it does not serve', async () => {
    const result = await invoke(async () => 'unreached', event({ routeKey: 'GET /elsewhere' }));

    expect(result.status).toBe(404);
  });
});

describe('groupHandler on a polled (conditional) route', () => {
  const polled = {
    method: 'GET', path: '/things/{thingId}', group: 'case-queries', summary: 'test', auth: ['agent'],
    params: z.object({ thingId: z.string() }), conditional: true, status: 200, response: z.unknown(),
  } as const satisfies Route;
  const get = async (answer: { status?: number; body: unknown; etag?: string }, headers: Record<string, string> = {}) => {
    const run = async () => ({ status: answer.status ?? 200, body: answer.body, ...(answer.etag ? { headers: { etag: answer.etag } } : {}) });
    const handler = groupHandler([defineHandler(polled, run)], () => deps);
    const e = event({ routeKey: 'GET /things/{thingId}', rawPath: '/things/abc', body: undefined, headers });
    return (await handler(e, context)) as { statusCode: number; body?: string; headers: Record<string, string> };
  };

  it('tags the answer with a strong hash of its body when the handler gives no ETag', async () => {
    const first = await get({ body: { items: [1, 2] } });
    const same = await get({ body: { items: [1, 2] } });
    const other = await get({ body: { items: [1, 2, 3] } });

    expect(first.headers.etag).toMatch(/^"[\w-]{43}"$/);
    expect(same.headers.etag).toBe(first.headers.etag);
    expect(other.headers.etag).not.toBe(first.headers.etag);
  });

  it.each([
    ['the ETag itself', (etag: string) => etag],
    ['it weakly', (etag: string) => `W/${etag}`],
    ['it among others', (etag: string) => `"older", ${etag}`],
    ['any ETag (*)', () => '*'],
  ])('answers 304 without a body while If-None-Match names %s', async (_what, header) => {
    const { headers } = await get({ body: { items: [1] } });

    const result = await get({ body: { items: [1] } }, { 'if-none-match': header(headers.etag!) });

    expect(result).toEqual({ statusCode: 304, headers: { etag: headers.etag } });
  });

  it("keeps the handler's ETag and answers 200 with the body once it changed", async () => {
    const result = await get({ body: { n: 2 }, etag: '"2.abc"' }, { 'if-none-match': '"1.abc"' });

    expect([result.statusCode, result.headers.etag, JSON.parse(result.body!)]).toEqual([200, '"2.abc"', { n: 2 }]);
  });

  it('passes any other status through untouched', async () => {
    const result = await get({ status: 201, body: { n: 1 } }, { 'if-none-match': '*' });

    expect([result.statusCode, result.headers.etag]).toEqual([201, undefined]);
  });
});

describe('If-Match', () => {
  it.each(['"3"', 'W/"3"', '3', '"3.Zm9vYmFy_-"'])('reads the version from %s', async (header) => {
    let seen: number | undefined;
    const handler = groupHandler(
      [defineHandler(route, async ({ ifMatch }) => {
        seen = ifMatch;
        return { status: 200, body: {} };
      })],
      () => deps,
    );

    await handler(event({ headers: { 'if-match': header } }), context);

    expect(seen).toBe(3);
  });
});
