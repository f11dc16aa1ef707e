import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ObjectStore } from './object-store.ts';
import { createS3Endpoint } from './s3-endpoint.ts';

export interface LocalS3 {
  /** Where `@aws-sdk/client-s3` is pointed, with `forcePathStyle: true` (see s3-endpoint.ts). */
  endpoint: string;
  store: ObjectStore;
  stop: () => Promise<void>;
}

/**
 * The local S3: an endpoint for `@aws-sdk/client-s3` and its presigned URLs, pointed to by
 * AWS_ENDPOINT_URL_S3, whose objects are kept in `<dataDir>/s3/<bucket>` (a folder of its own in the
 * temp directory for an in-memory run).
 */
export async function startLocalS3(options: { dataDir?: string; port?: number }): Promise<LocalS3> {
  const store = new ObjectStore(options.dataDir ? join(options.dataDir, 's3') : mkdtempSync(join(tmpdir(), 'helpdesk-s3-')));
  const server = createS3Endpoint(store);
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.AWS_ENDPOINT_URL_S3 = endpoint;
  return { endpoint, store, stop: () => new Promise<void>((done) => server.close(() => done())) };
}
