import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { RouteGroup } from '../functions/routes.ts';
import { toApiGatewayEvent } from './api-gateway-event.ts';
import type { HealthReport } from './health.ts';
import { lambdaContext } from './lambda-context.ts';
import { type MatchedRoute, matchRoute } from './route-matcher.ts';
import type { TokenIssuer } from './token-issuer.ts';
import { RouteThrottle } from './route-throttle.ts';
import { ApiCors } from './web/api-cors.ts';
import { type LocalSite, serveWebApps } from './web/web-apps-site.ts';
import { LocalSignIn } from './web/local-sign-in.ts';

export type LambdaHandler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<unknown>;

/** API Gateway's own payload limit for HTTP APIs; the functions enforce their smaller one. */
const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** How much of an oversized body is read and discarded to keep the connection; past it the connection is closed. */
const MAX_DRAINED_BYTES = 64 * 1024 * 1024;
/** How long the rest of such a body is still discarded after the answer, before the connection closes. */
const LINGER_MS = 2_000;

/**
 * Serves the route table over HTTP the way API Gateway does: it verifies the bearer token,
 * turns the request into a payload 2.0 event and invokes the route group's Lambda handler.
 * `GET /health` is the local runtime's own, outside the route table and without a token; so are
 * the web console (CloudFront's part in the cloud) and the sign-in page (Cognito's hosted UI).
 */
/** Who signs the tokens the API accepts: the staff pool for staff routes, the customer pool for customer routes. */
export interface Issuers {
  staff: TokenIssuer;
  customers: TokenIssuer;
}

export function createHttpServer(
  handlers: Record<RouteGroup, LambdaHandler>,
  issuers: Issuers,
  health: () => HealthReport,
  /** The local S3 endpoint, which the console uploads attachments to. */
  site: LocalSite,
  /** Origins of other sites whose pages may call the API, as its CORS configuration lists them in the cloud. */
  corsOrigins: readonly string[],
): Server {
  const signIn = new LocalSignIn(issuers.staff);
  const throttle = new RouteThrottle();
  const cors = new ApiCors(corsOrigins);
  return createServer((request, response) => {
    handle(handlers, issuers, signIn, throttle, cors, health, site, request, response).catch((error: unknown) => {
      console.error(error);
      send(response, 500, { message: 'Internal Server Error' });
    });
  });
}

async function handle(
  handlers: Record<RouteGroup, LambdaHandler>,
  issuers: Issuers,
  signIn: LocalSignIn,
  throttle: RouteThrottle,
  cors: ApiCors,
  health: () => HealthReport,
  site: LocalSite,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (cors.answerPreflight(request, response)) return;
  let url: URL;
  let matched: MatchedRoute | null;
  try {
    url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
    if (request.method === 'GET' && url.pathname === '/health') {
      const report = health();
      return send(response, report.status === 'ok' ? 200 : 503, report);
    }
    if (request.method === 'GET' && serveWebApps(response, url, site)) return;
    matched = matchRoute(request.method ?? 'GET', url.pathname);
  } catch (error) {
    // API Gateway refuses these before routing: a Host that is no host name, a path that does not percent-decode.
    if (error instanceof TypeError || error instanceof URIError) return send(response, 400, { message: 'Bad Request' });
    throw error;
  }
  const readForm = async () => {
    const form = await readBody(request);
    return Buffer.isBuffer(form) ? form : Buffer.alloc(0);
  };
  if (await signIn.handle(request, response, url, readForm)) return;
  // From here on the answer is the API's (a route's, or the gateway's own 401, 404, 413 or 429): an allowed origin's headers go on it.
  cors.addHeaders(request, response);
  if (!matched) return send(response, 404, { message: 'Not Found' });
  if (matched.route.throttle && !throttle.take(matched.routeKey, matched.route.throttle)) return send(response, 429, { message: 'Too Many Requests' });
  const body = await readBody(request);
  if (body === 'too-large') return send(response, 413, { message: 'Request Entity Too Large' });
  if (body === 'too-large-to-drain') return refuseAndClose(request, response);
  let claims = null;
  if (matched.route.auth !== 'public') {
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    // As the two JWT authorizers do in the cloud: each pool's tokens open only its own routes.
    const issuer = matched.route.auth === 'customer' ? issuers.customers : issuers.staff;
    claims = token ? await issuer.verify(token) : null;
    if (!claims) return send(response, 401, { message: 'Unauthorized' });
  }
  const event = toApiGatewayEvent({ request, url, routeKey: matched.routeKey, pathParameters: matched.pathParameters, body, claims });
  const result = (await handlers[matched.route.group](event, lambdaContext(matched.route.group))) as APIGatewayProxyStructuredResultV2;
  response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
  response.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
}

/**
 * The body, or which kind of too large it is. Past the limit the rest is read and discarded, so the
 * 413 leaves the connection usable for the next request, as behind API Gateway; a body that goes on
 * past the drain cap is answered at once, on a connection that then closes.
 */
async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large' | 'too-large-to-drain'> {
  let chunks: Buffer[] = [];
  let size = 0;
  // destroyOnReturn: false, as leaving the loop must not reset the socket before the 413 is sent.
  for await (const chunk of request.iterator({ destroyOnReturn: false })) {
    size += (chunk as Buffer).length;
    if (size > MAX_DRAINED_BYTES) return 'too-large-to-drain';
    if (size > GATEWAY_MAX_BODY_BYTES) chunks = [];
    else chunks.push(chunk as Buffer);
  }
  return size > GATEWAY_MAX_BODY_BYTES ? 'too-large' : Buffer.concat(chunks);
}

/**
 * Answers 413 and closes the connection without losing the answer. Closing a socket that still
 * receives data resets it, and the reset can discard the answer before the client reads it; so the
 * answer goes out with its length (complete for the client), the rest of the body is discarded for
 * a moment, and only then does the connection close.
 */
function refuseAndClose(request: IncomingMessage, response: ServerResponse): void {
  const body = JSON.stringify({ message: 'Request Entity Too Large' });
  response.writeHead(413, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' });
  response.write(body);
  const close = () => {
    clearTimeout(timer);
    response.end();
  };
  const timer = setTimeout(close, LINGER_MS);
  request.once('close', close);
  request.resume();
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
