import { mkdtempSync } from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServedEndpoint {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Serves a local stand-in for an AWS API on loopback and points the SDK at it through the
 * service's `AWS_ENDPOINT_URL_<SERVICE>` variable, so the functions build their clients unchanged.
 */
export async function serveAwsEndpoint(server: Server, endpointVariable: string, port = 0): Promise<ServedEndpoint> {
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env[endpointVariable] = url;
  return { url, stop: () => new Promise<void>((done) => server.close(() => done())) };
}

/** A service's folder in the data folder, or one of its own in the temp directory for an in-memory run. */
export const serviceDir = (dataDir: string | undefined, name: string): string =>
  dataDir ? join(dataDir, name) : mkdtempSync(join(tmpdir(), `helpdesk-${name}-`));

/** A JSON request body as the AWS JSON protocols send it; undefined when it is not JSON, for the schema to refuse. */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    return undefined;
  }
}
