import { createHash } from 'node:crypto';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import type { Actor } from '../domain/actor.ts';
import { type FieldIssue, ValidationError } from '../domain/errors.ts';
import { type Route, routeKey } from '../routes.ts';
import { IdempotentReplay } from '../store/idempotency.ts';
import type { Deps } from './deps.ts';
import { bodyEtag, noneMatchNames } from './etag.ts';
import { HttpError, toErrorResponse, zodIssues } from './http-errors.ts';
import { actorFromEvent, customerFromEvent } from './identity.ts';
import { logger } from './logger.ts';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
type Infer<S> = S extends z.ZodType ? z.infer<S> : Record<string, never>;

/** Bodies larger than this are refused with 413: a timeline entry must fit a DynamoDB item. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface Request<R extends Route> {
  params: Infer<R['params']>;
  query: Infer<R['query']>;
  /** Only the headers the route declares, validated. */
  headers: Infer<R['headers']>;
  body: Infer<R['body']>;
  /** Null only on public routes. */
  actor: R['auth'] extends 'public' ? null : Actor;
  /** The version from `If-Match`, when the caller sent one. */
  ifMatch: number | undefined;
  /** The caller holds a copy and asks whether it changed (`If-None-Match`): a refresh, not a first look. */
  revalidating: boolean;
  idempotencyKey: string | undefined;
  /** Identifies the request for idempotency: the same key with another request is refused. */
  fingerprint: string;
}

export interface HttpResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface RouteHandler<R extends Route = Route, D extends Deps = Deps> {
  route: R;
  run: (request: Request<R>, deps: D) => Promise<HttpResult>;
}

/** Any route's handler, as a group holds them; the request is validated against `route` first. */
export interface AnyRouteHandler<D extends Deps = Deps> {
  route: Route;
  run: (request: never, deps: D) => Promise<HttpResult>;
}

/**
 * Binds an implementation to its route; the route's schemas type the request it gets. A handler
 * that needs more than the common deps names them as `D`, and only a group giving them can hold it.
 */
export const defineHandler = <R extends Route, D extends Deps = Deps>(route: R, run: RouteHandler<R, D>['run']): RouteHandler<R, D> => ({ route, run });

/**
 * The Lambda handler of one route group: dispatches on the API Gateway route key, then
 * authorises, validates, runs, and maps errors to status codes in one place. `deps` is called
 * per request and is expected to cache; a group that needs no AWS client passes `noDeps`, so its
 * bundle carries no SDK.
 */
export function groupHandler<D extends Deps>(handlers: AnyRouteHandler<D>[], deps: () => D) {
  const byKey = new Map(handlers.map((h) => [routeKey(h.route), h]));
  const dispatch = async (event: HttpEvent, _context: Context): Promise<APIGatewayProxyResultV2> => {
    const handler = byKey.get(event.routeKey);
    if (!handler) return respond({ status: 404, body: { error: { code: 'not_found', message: `no route ${event.routeKey}` } } });
    try {
      const result = await handler.run(parseRequest(handler.route, event) as never, deps());
      return respond(handler.route.conditional ? conditional(result, event.headers?.['if-none-match']) : result);
    } catch (error) {
      // A retry of a request already done gets the answer it got the first time.
      if (error instanceof IdempotentReplay) return respond(error.response);
      const mapped = toErrorResponse(error);
      if (mapped) return respond(mapped);
      logger.error('unhandled error', { error: error as Error, routeKey: event.routeKey });
      return respond({ status: 500, body: { error: { code: 'internal_error', message: 'internal error' } } });
    }
  };
  return middy(dispatch).use(injectLambdaContext(logger, { resetKeys: true }));
}

/** For groups whose routes touch nothing outside the function: any use is a bug, and says so. */
export const noDeps = (): Deps =>
  new Proxy({} as Deps, {
    get: (_target, name) => {
      throw new Error(`this route group has no dependencies (asked for ${String(name)})`);
    },
  });

function parseRequest(route: Route, event: HttpEvent): Request<Route> {
  const actor = authorise(route, event);
  const headers = event.headers ?? {};
  const rawBody = readBody(event);
  const issues: FieldIssue[] = [];
  // Every part is validated before failing, so the caller sees all problems at once.
  const parse = (part: string, schema: z.ZodType | undefined, input: unknown): unknown => {
    if (!schema) return {};
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    issues.push(...zodIssues(part, result.error));
    return undefined;
  };
  const params = parse('params', route.params, event.pathParameters ?? {});
  const query = parse('query', route.query, event.queryStringParameters ?? {});
  const declared = parse('headers', route.headers, headers);
  // A route without a body schema ignores whatever body came, as API Gateway would pass it along.
  const body = route.body ? parse('body', route.body, rawBody === '' ? {} : parseJson(rawBody)) : {};
  if (issues.length > 0) throw new ValidationError(issues);
  return {
    params,
    query,
    headers: declared,
    body,
    actor,
    ifMatch: parseIfMatch(headers['if-match']),
    revalidating: headers['if-none-match'] !== undefined,
    idempotencyKey: parseIdempotencyKey(headers['idempotency-key']),
    fingerprint: createHash('sha256').update(`${event.routeKey}\n${event.rawPath}\n${rawBody}`).digest('base64url'),
  } as Request<Route>;
}

function authorise(route: Route, event: HttpEvent): Actor | null {
  if (route.auth === 'public') return null;
  if (route.auth === 'customer') {
    const customer = customerFromEvent(event);
    if (!customer) throw new HttpError(401, 'unauthorized', "a customer's sign-in token is required");
    return customer;
  }
  const actor = actorFromEvent(event);
  if (!actor) throw new HttpError(401, 'unauthorized', 'a valid bearer token is required');
  if (!(route.auth as readonly string[]).includes(actor.kind)) {
    throw new HttpError(403, 'forbidden', `this operation is for ${route.auth.join(', ')} accounts`);
  }
  return actor;
}

function readBody(event: HttpEvent): string {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > MAX_BODY_BYTES) throw new HttpError(413, 'payload_too_large', `the body is larger than ${MAX_BODY_BYTES} bytes`);
  return bytes.toString('utf8');
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new ValidationError([{ path: 'body', message: 'not valid JSON' }]);
  }
}

function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  // The version alone, or a GET's ETag, which adds a hash of its body after the version.
  const match = /^(?:W\/)?"?(\d+)(?:\.[\w-]+)?"?$/.exec(header.trim());
  if (!match) throw new ValidationError([{ path: 'headers.if-match', message: 'expected the ETag of the case, e.g. "3"' }]);
  return Number(match[1]);
}

function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[A-Za-z0-9_.:-]{8,100}$/.test(header)) {
    throw new ValidationError([{ path: 'headers.idempotency-key', message: '8 to 100 letters, digits, _ . : or -' }]);
  }
  return header;
}

/**
 * A polled route answers with an ETag (the handler's, else a hash of the body) and, while the
 * caller's If-None-Match still names it, with 304 and no body: an unchanged case or queue costs
 * the poller a few bytes instead of the whole body. The handler has run all the same.
 */
function conditional(result: HttpResult, ifNoneMatch: string | undefined): HttpResult {
  if (result.status !== 200) return result;
  const etag = result.headers?.etag ?? bodyEtag(result.body);
  if (ifNoneMatch !== undefined && noneMatchNames(ifNoneMatch, etag)) return { status: 304, body: undefined, headers: { etag } };
  return { ...result, headers: { ...result.headers, etag } };
}

function respond(result: HttpResult): APIGatewayProxyResultV2 {
  // A 204 or 304 has no body (RFC 9110 §15.3.5, §15.4.5), so no content type either.
  if (result.status === 204 || result.status === 304) return { statusCode: result.status, headers: { ...result.headers } };
  return {
    statusCode: result.status,
    headers: { 'content-type': 'application/json', ...result.headers },
    body: JSON.stringify(result.body),
  };
}
