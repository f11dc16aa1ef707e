import { serveAwsEndpoint } from '../aws-endpoint.ts';
import { ObjectStore } from './object-store.ts';
import { createS3Endpoint } from './s3-endpoint.ts';

export interface LocalS3 {
  /** Where `@aws-sdk/client-s3` is pointed, with `forcePathStyle: true` (see s3-endpoint.ts). */
  endpoint: string;
  store: ObjectStore;
  stop: () => Promise<void>;
}

/** The local S3: an endpoint for `@aws-sdk/client-s3` and its presigned URLs, whose objects are kept in the given folder. */
export async function startLocalS3(options: { dir: string; port?: number }): Promise<LocalS3> {
  const store = new ObjectStore(options.dir);
  const { url, stop } = await serveAwsEndpoint(createS3Endpoint(store), 'AWS_ENDPOINT_URL_S3', options.port);
  return { endpoint: url, store, stop };
}
