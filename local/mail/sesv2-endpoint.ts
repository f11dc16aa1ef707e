import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import * as z from 'zod';
import type { Outbox } from './outbox.ts';
import type { Relay } from './smtp-relay.ts';
import { readJsonBody } from '../aws-endpoint.ts';

/** The part of SendEmail the helpdesk uses: raw MIME, as it builds its own headers for threading. */
const SendEmailRequestSchema = z.object({
  FromEmailAddress: z.string().optional(),
  Destination: z
    .object({ ToAddresses: z.array(z.string()).optional(), CcAddresses: z.array(z.string()).optional(), BccAddresses: z.array(z.string()).optional() })
    .optional(),
  Content: z.object({ Raw: z.object({ Data: z.base64() }) }),
  ConfigurationSetName: z.string().optional(),
});

/**
 * The SESv2 API (REST JSON) for the one call the functions make, so `@aws-sdk/client-sesv2` runs
 * unchanged against it: the client finds it through AWS_ENDPOINT_URL_SESV2. Sent mail lands in the
 * outbox, listed at `GET /outbox` and readable at `GET /outbox/<id>.eml`.
 */
export function createSesEndpoint(outbox: Outbox, relay?: Relay): Server {
  return createServer((request, response) => {
    void handle(outbox, relay, request, response).catch((error: unknown) => {
      reply(response, 500, { message: String(error) }, 'InternalFailure');
    });
  });
}

async function handle(outbox: Outbox, relay: Relay | undefined, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (request.method === 'POST' && path === '/v2/email/outbound-emails') {
    const parsed = SendEmailRequestSchema.safeParse(await readJsonBody(request));
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
      return reply(response, 400, { message: `only raw messages are sent locally; invalid: ${fields}` }, 'BadRequestException');
    }
    const { FromEmailAddress, Destination, Content, ConfigurationSetName } = parsed.data;
    const to = [...(Destination?.ToAddresses ?? []), ...(Destination?.CcAddresses ?? []), ...(Destination?.BccAddresses ?? [])];
    // The reserved .invalid domain (RFC 2606) stands for what SES refuses, so the failure path can be tried locally.
    const refused = to.filter((address) => /\.invalid>?$/i.test(address.trim()));
    if (refused.length > 0) return reply(response, 400, { message: `Email address is not verified: ${refused.join(', ')}` }, 'MessageRejected');
    const raw = Buffer.from(Content.Raw.Data, 'base64');
    const sent = outbox.add(raw, { from: FromEmailAddress ?? null, to, configurationSet: ConfigurationSetName ?? null });
    await relay?.(raw, { from: FromEmailAddress ?? '', to });
    return reply(response, 200, { MessageId: sent.messageId });
  }
  if (request.method === 'GET' && path === '/outbox') return reply(response, 200, { messages: outbox.list() });
  const file = /^\/outbox\/([^/]+)\.eml$/.exec(path);
  const raw = request.method === 'GET' && file ? outbox.raw(file[1]!) : undefined;
  if (raw) {
    response.writeHead(200, { 'content-type': 'message/rfc822', 'content-length': raw.length });
    return void response.end(raw);
  }
  reply(response, 404, { message: `${request.method} ${path} is not served locally` }, 'NotFoundException');
}

function reply(response: ServerResponse, status: number, body: unknown, errorType?: string): void {
  response.writeHead(status, { 'content-type': 'application/json', ...(errorType ? { 'x-amzn-errortype': errorType } : {}) });
  response.end(JSON.stringify(body));
}
