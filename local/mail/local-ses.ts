import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Outbox } from './outbox.ts';
import { createSesEndpoint } from './sesv2-endpoint.ts';

export interface LocalSes {
  /** Where the outbox listing is served: `<url>/outbox`. */
  url: string;
  outbox: Outbox;
  stop: () => Promise<void>;
}

/**
 * The local SESv2: an endpoint for `@aws-sdk/client-sesv2`, pointed to by AWS_ENDPOINT_URL_SESV2,
 * whose sent mail lands in `<dataDir>/outbox` (a folder of its own in the temp directory for an
 * in-memory run).
 */
export async function startLocalSes(options: { dataDir?: string; port?: number }): Promise<LocalSes> {
  const outbox = new Outbox(options.dataDir ? join(options.dataDir, 'outbox') : mkdtempSync(join(tmpdir(), 'helpdesk-outbox-')));
  const server = createSesEndpoint(outbox);
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.AWS_ENDPOINT_URL_SESV2 = url;
  return { url, outbox, stop: () => new Promise<void>((done) => server.close(() => done())) };
}
