import { serveAwsEndpoint } from '../aws-endpoint.ts';
import { Outbox } from './outbox.ts';
import { createSesEndpoint } from './sesv2-endpoint.ts';
import { smtpRelay } from './smtp-relay.ts';

export interface LocalSes {
  /** Where the outbox listing is served: `<url>/outbox`. */
  url: string;
  outbox: Outbox;
  stop: () => Promise<void>;
}

/**
 * The local SESv2: an endpoint for `@aws-sdk/client-sesv2`, whose sent mail lands in the outbox folder
 * and, when `relay` names an SMTP server (LOCAL_SMTP_RELAY), goes on to it.
 */
export async function startLocalSes(options: { dir: string; port?: number; relay?: string }): Promise<LocalSes> {
  const outbox = new Outbox(options.dir);
  return { ...(await serveAwsEndpoint(createSesEndpoint(outbox, smtpRelay(options.relay)), 'AWS_ENDPOINT_URL_SESV2', options.port)), outbox };
}
