import { serveAwsEndpoint } from '../aws-endpoint.ts';
import { Outbox } from './outbox.ts';
import { createSesEndpoint } from './sesv2-endpoint.ts';

export interface LocalSes {
  /** Where the outbox listing is served: `<url>/outbox`. */
  url: string;
  outbox: Outbox;
  stop: () => Promise<void>;
}

/** The local SESv2: an endpoint for `@aws-sdk/client-sesv2`, whose sent mail lands in the outbox folder. */
export async function startLocalSes(options: { dir: string; port?: number }): Promise<LocalSes> {
  const outbox = new Outbox(options.dir);
  return { ...(await serveAwsEndpoint(createSesEndpoint(outbox), 'AWS_ENDPOINT_URL_SESV2', options.port)), outbox };
}
