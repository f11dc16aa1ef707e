import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { RouteGroup } from '../functions/routes.ts';
import { toApiGatewayEvent } from './api-gateway-event.ts';
import { lambdaContext } from './lambda-context.ts';
import { matchRoute } from './route-matcher.ts';
import type { TokenIssuer } from './token-issuer.ts';

export type LambdaHandler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<unknown>;

/** API Gateway's own payload limit for HTTP APIs; the functions enforce their smaller one. */
const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Serves the route table over HTTP the way API Gateway does: it verifies the bearer token,
 * turns the request into a payload 2.0 event and invokes the route group's Lambda handler.
 */
export function createHttpServer(handlers: Record<RouteGroup, LambdaHandler>, issuer: TokenIssuer): Server {
  return createServer((request, response) => {
    handle(handlers, issuer, request, response).catch((error: unknown) => {
      console.error(error);
      send(response, 500, { message: 'Internal Server Error' });
    });
  });
}

async function handle(
  handlers: Record<RouteGroup, LambdaHandler>,
  issuer: TokenIssuer,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
  const matched = matchRoute(request.method ?? 'GET', url.pathname);
  if (!matched) return send(response, 404, { message: 'Not Found' });
  const body = await readBody(request);
  if (body === null) return send(response, 413, { message: 'Request Entity Too Large' });
  let claims = null;
  if (matched.route.auth !== 'public') {
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    claims = token ? await issuer.verify(token) : null;
    if (!claims) return send(response, 401, { message: 'Unauthorized' });
  }
  const event = toApiGatewayEvent({ request, url, routeKey: matched.routeKey, pathParameters: matched.pathParameters, body, claims });
  const result = (await handlers[matched.route.group](event, lambdaContext(matched.route.group))) as APIGatewayProxyStructuredResultV2;
  response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
  response.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
}

async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > GATEWAY_MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
