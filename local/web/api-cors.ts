import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_CORS } from '../../lib/api-cors.ts';

/**
 * The API's CORS as API Gateway's corsPreflight answers it (lib/http-api.ts, lib/api-cors.ts), for
 * pages on other origins such as a tenant's site with the widget. A preflight is the gateway's to
 * answer, before any route: 204, with the allowed methods, headers and max-age for an allowed origin
 * and no CORS header at all for any other, which the browser takes as a refusal. An allowed origin's
 * other requests get its origin and the exposed headers on whatever the route answers.
 */
export class ApiCors {
  private readonly origins: ReadonlySet<string>;

  constructor(allowedOrigins: readonly string[]) {
    this.origins = new Set(allowedOrigins);
  }

  /** Answers the request if it is a preflight (OPTIONS with Origin and Access-Control-Request-Method). */
  answerPreflight(request: IncomingMessage, response: ServerResponse): boolean {
    const { origin } = request.headers;
    if (request.method !== 'OPTIONS' || !origin || !request.headers['access-control-request-method']) return false;
    response.writeHead(
      204,
      this.origins.has(origin)
        ? {
            'access-control-allow-origin': origin,
            'access-control-allow-methods': API_CORS.allowMethods.join(','),
            'access-control-allow-headers': API_CORS.allowHeaders.join(',').toLowerCase(),
            'access-control-max-age': String(API_CORS.maxAgeSeconds),
          }
        : {},
    );
    response.end();
    return true;
  }

  /** Puts an allowed origin's headers on the answer about to be written; nothing for another origin or none. */
  addHeaders(request: IncomingMessage, response: ServerResponse): void {
    const { origin } = request.headers;
    if (!origin || !this.origins.has(origin)) return;
    response.setHeader('access-control-allow-origin', origin);
    response.setHeader('access-control-expose-headers', API_CORS.exposeHeaders.join(',').toLowerCase());
  }
}
