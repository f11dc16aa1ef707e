import { OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { ErrorResponseSchema } from '../domain/responses.ts';
import { type Route, routes } from '../routes.ts';

const ERRORS = {
  400: 'Invalid input; `issues` lists every field path at fault',
  401: 'Missing or invalid bearer token',
  403: 'The caller may not do this',
  404: 'No such case or customer',
  409: 'The case changed (If-Match) or the command is not allowed in its status; `allowed` lists what is',
  410: 'The link was used, has expired or was replaced (activation links)',
  413: 'Body too large',
  429: 'Too many requests (public routes; form submissions per address)',
} as const;

const NOT_FOR_PUBLIC = new Set(['401', '403']);

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ErrorResponseSchema } } });

const rolesOf = (route: Route): string =>
  route.auth === 'customer'
    ? "A signed-in customer (a token of the customers' user pool), on their own cases only: another customer's case is a 404"
    : `Roles: ${(route.auth as readonly string[]).join(', ')}`;

/** The OpenAPI 3.1 document, generated from the route table and its zod schemas. */
export function buildOpenApiDocument(serverUrl?: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const [operationId, route] of Object.entries(routes) as [string, Route][]) {
    const isPublic = route.auth === 'public';
    registry.registerPath({
      operationId,
      method: route.method.toLowerCase() as Lowercase<Route['method']>,
      path: route.path,
      summary: route.summary,
      tags: [route.group],
      ...(isPublic ? {} : { security: [{ bearer: [] }], description: rolesOf(route) }),
      request: {
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { query: route.query } : {}),
        ...(route.body ? { body: { content: { 'application/json': { schema: route.body } } } } : {}),
        ...(route.mutation || route.conditional || route.headers ? { headers: headersFor(route) } : {}),
      },
      responses: {
        [route.status]: route.response
          ? { description: 'Success', content: { 'application/json': { schema: route.response } } }
          : { description: 'Done; no body' },
        ...(route.created && route.response ? { 201: { description: route.created, content: { 'application/json': { schema: route.response } } } } : {}),
        ...(route.conditional ? { 304: { description: 'Not modified: If-None-Match names the current ETag; no body' } } : {}),
        ...Object.fromEntries(
          Object.entries(ERRORS)
            .filter(([status]) => !isPublic || !NOT_FOR_PUBLIC.has(status))
            .map(([status, description]) => [status, errorResponse(description)]),
        ),
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Helpdesk case engine',
      version: '1.0.0',
      description: 'Cases, their lifecycle and timelines, work queues and customer records for one tenant.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
  });
}

function headersFor(route: Route) {
  const idempotency = { 'idempotency-key': z.string().optional().describe('Retries with the same key get the first answer back') };
  const ifMatch = { 'if-match': z.string().optional().describe('The ETag (version) you last saw; 409 if the case changed since') };
  const ifNoneMatch = { 'if-none-match': z.string().optional().describe('The ETag of the answer you have: 304 while it is still current') };
  return z.object({
    ...route.headers?.shape,
    ...(route.mutation ? idempotency : {}),
    ...(route.mutation && route.path.includes('{caseId}') ? ifMatch : {}),
    ...(route.conditional ? ifNoneMatch : {}),
  });
}
