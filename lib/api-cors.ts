import { type Route, routes } from '../functions/routes.ts';

/**
 * The API's CORS as plain data: lib/http-api.ts hands it to API Gateway's corsPreflight, and the local
 * runtime answers browsers from it (local/web/api-cors.ts), so a page's request that works against one
 * works against the other. The allowed origins are the tenant's, set per stack.
 */
export const API_CORS = {
  allowMethods: [...new Set(Object.values(routes).map((route) => route.method))],
  allowHeaders: [...new Set(['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key', ...routeHeaders()])],
  exposeHeaders: ['ETag'],
  maxAgeSeconds: 3600,
} as const;

/** The headers the route table has routes read (link tokens, ...), as browsers and API Gateway spell them. */
function routeHeaders(): string[] {
  return Object.values(routes).flatMap((route) => {
    const headers = (route as Route).headers;
    return headers ? Object.keys(headers.shape).map((name) => name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase())) : [];
  });
}
