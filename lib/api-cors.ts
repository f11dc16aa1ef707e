import { routes } from '../functions/routes.ts';

/**
 * The API's CORS as plain data: lib/http-api.ts hands it to API Gateway's corsPreflight, and the local
 * runtime answers browsers from it (local/web/api-cors.ts), so a page's request that works against one
 * works against the other. The allowed origins are the tenant's, set per stack.
 */
export const API_CORS = {
  allowMethods: [...new Set(Object.values(routes).map((route) => route.method))],
  allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key', 'X-Case-Link', 'X-Activation-Token'],
  exposeHeaders: ['ETag'],
  maxAgeSeconds: 3600,
} as const;
