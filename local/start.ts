import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type TenantSettings, TenantSettingsSchema } from '../functions/domain/tenant-settings.ts';
import type { RouteGroup } from '../functions/routes.ts';
import { localCaseLinkSecret } from './case-link-secret.ts';
import { ensureTable } from './create-table.ts';
import { freePort } from './free-port.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb-local.ts';
import { healthOf } from './health.ts';
import { LOCAL_CUSTOMER_POOL_ID, LOCAL_PORTAL_CLIENT_ID } from './identity/customer-pool.ts';
import { LOCAL_USER_POOL, startLocalCognito } from './identity/local-cognito.ts';
import { serviceDir } from './aws-endpoint.ts';
import { startDemoSite } from './web/demo-site.ts';
import { LOCAL_MAIL_BUCKET, type LocalMail, startLocalMail } from './mail/local-mail.ts';
import { startLocalSes } from './mail/local-ses.ts';
import { startLocalS3 } from './storage/local-s3.ts';
import { LOCAL_REGION } from './local-account.ts';
import { createHttpServer, type LambdaHandler } from './http-server.ts';
import type { LocalStepFunctions } from './step-functions/local-step-functions.ts';
import { startTimers } from './timers.ts';
import { tenantMail, tenantSettings } from './tenant.ts';
import { LOCAL_ACCOUNTS, TokenIssuer } from './token-issuer.ts';

export interface LocalOptions {
  /** Where data, pending timers and the token key are kept across restarts; in memory when absent. */
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The demo tenant site's port on 127.0.0.1 (the page that embeds the widget); a free one when absent. */
  demoPort?: number;
  /**
   * Ports of DynamoDB Local and the Step Functions, SES, S3 and Cognito endpoints; free ones when absent. The functions
   * keep their clients for the life of the process, as in Lambda, so a restart within one process
   * must keep these.
   */
  dynamoDbPort?: number;
  stepFunctionsPort?: number;
  sesPort?: number;
  s3Port?: number;
  cognitoPort?: number;
  /** Where the local SMTP listener takes inbound mail; a free port when absent. */
  smtpPort?: number;
  tenant?: string;
  /** Settings to change from the tenant's (tests use this to try both sides of a policy). */
  settings?: Partial<TenantSettings>;
  /** Timers run in real time at 1; at 0.0001 a 3-day auto-close fires after 26 s. */
  timeScale?: number;
  /** Pause between retries of a failing timer task, in ms (the ASL's backoff when absent). */
  timerRetryIntervalMs?: number;
  /** How often the reconciler looks for overdue timers, and how overdue they must be (see local/timers.ts). */
  timerReconcileIntervalMs?: number;
  timerReconcileMarginMs?: number;
  /** Pause before restarting a DynamoDB Local that died, in ms (1 s when absent); doubles up to 30 s while restarts fail. */
  dynamoDbRestartDelayMs?: number;
}

export interface LocalHelpdesk {
  url: string;
  tokens: Record<keyof typeof LOCAL_ACCOUNTS, string>;
  issuer: TokenIssuer;
  dynamoDbEndpoint: string;
  /** The supervised engine: tests kill it by pid and wait for it to be up again. */
  dynamoDb: Omit<DynamoDbLocal, 'stop'>;
  tableName: string;
  stepFunctions: LocalStepFunctions;
  /** Mail sent through SES: the listing at `<url>/outbox`, the files in `dir`. */
  outbox: { url: string; dir: string };
  /** Objects the functions keep in S3: the endpoint (clients need `forcePathStyle: true`), the files in `dir`. */
  s3: { endpoint: string; dir: string };
  /** The customers' user pool: where the portal signs in (Cognito's API), its app client, and the issuer of customers' tokens. */
  customerPool: { cognitoUrl: string; clientId: string; issuer: TokenIssuer };
  /** Inbound mail: the SMTP port on 127.0.0.1, the mailboxes it takes mail for, and the queue to ingestion. */
  mail: Omit<LocalMail, 'stop'>;
  /** A pretend tenant website that embeds the widget, on an origin of its own the API's CORS lets in. */
  demoSiteUrl: string;
  stop: () => Promise<void>;
}

export const LOCAL_TABLE_NAME = 'helpdesk-local';

/**
 * The embedded helpdesk: DynamoDB Local, the table from the CDK definition, and the very Lambda
 * handler modules CDK bundles, served over HTTP from the route table.
 */
export async function startLocalHelpdesk(options: LocalOptions = {}): Promise<LocalHelpdesk> {
  const settings = TenantSettingsSchema.parse({ ...tenantSettings(options.tenant ?? 'demo'), ...options.settings });
  const mailConfig = tenantMail(options.tenant ?? 'demo');
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  const db = await startDynamoDbLocal({
    ...(dataDir ? { dataDir: join(dataDir, 'dynamodb') } : {}),
    ...(options.dynamoDbPort ? { port: options.dynamoDbPort } : {}),
    ...(options.dynamoDbRestartDelayMs === undefined ? {} : { restartDelayMs: options.dynamoDbRestartDelayMs }),
    // After a restart in memory the engine is empty: the table comes back (its data does not).
    onStart: async (endpoint) => {
      const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
      try {
        await ensureTable(client, LOCAL_TABLE_NAME);
      } finally {
        client.destroy();
      }
    },
  });
  // Stopped in reverse if a later part fails to start.
  const started: { stop: () => Promise<void> }[] = [db];
  try {
    // Chosen before anything starts: the functions put the portal's address in the links they mail.
    const port = options.port || (await freePort());
    const demoPort = options.demoPort || (await freePort());
    const demoOrigin = `http://127.0.0.1:${demoPort}`;
    // The demo site is one of the tenant's sites, as a real one is listed in cdk.json: the API lets its pages in.
    const intake = { ...settings.intake, allowedOrigins: [...settings.intake.allowedOrigins, demoOrigin] };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB_STREAMS: db.endpoint,
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      TABLE_NAME: LOCAL_TABLE_NAME,
      TENANT_SETTINGS: JSON.stringify({ ...settings, intake }),
      MAIL_CONFIG: JSON.stringify(mailConfig),
      MAIL_BUCKET: LOCAL_MAIL_BUCKET,
      USER_POOL_ID: LOCAL_USER_POOL.id,
      CUSTOMER_POOL_ID: LOCAL_CUSTOMER_POOL_ID,
      CASE_LINK_SECRET: localCaseLinkSecret(dataDir),
      PORTAL_URL: `http://localhost:${port}/portal`,
      POWERTOOLS_SERVICE_NAME: 'helpdesk-local',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    });
    const ses = await startLocalSes({
      dir: serviceDir(dataDir, 'outbox'), ...(options.sesPort ? { port: options.sesPort } : {}), ...(process.env.LOCAL_SMTP_RELAY ? { relay: process.env.LOCAL_SMTP_RELAY } : {}),
    });
    started.push(ses);
    const s3 = await startLocalS3({ dir: serviceDir(dataDir, 's3'), ...(options.s3Port ? { port: options.s3Port } : {}) });
    started.push(s3);
    const cognito = await startLocalCognito({ ...(options.cognitoPort ? { port: options.cognitoPort } : {}), ...(dataDir ? { dataDir: join(dataDir, 'cognito') } : {}) });
    started.push(cognito);
    const timers = await startTimers({ tableName: LOCAL_TABLE_NAME, ...(dataDir ? { dataDir } : {}), ...options });
    started.push(timers);
    const mail = await startLocalMail({
      tableName: LOCAL_TABLE_NAME,
      mail: mailConfig, s3Endpoint: s3.endpoint, ...(dataDir ? { dataDir } : {}), ...(options.smtpPort === undefined ? {} : { smtpPort: options.smtpPort }),
    });
    started.push(mail);
    const issuer = new TokenIssuer({ issuer: 'http://localhost/helpdesk-local', ...(dataDir ? { keyFile: join(dataDir, 'token-key.pem') } : {}) });
    const server = createHttpServer(
      await loadHandlers(),
      { staff: issuer, customers: cognito.customerIssuer },
      () => healthOf(db),
      { storageOrigin: new URL(s3.endpoint).origin, customerPool: { endpoint: cognito.url, clientId: LOCAL_PORTAL_CLIENT_ID }, demoSiteUrl: `${demoOrigin}/` },
      intake.allowedOrigins,
    );
    await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
    started.push({ stop: () => new Promise<void>((done) => server.close(() => done())) });
    const demoSite = await startDemoSite({ port: demoPort, helpdeskUrl: `http://localhost:${port}`, storageUrl: s3.endpoint });
    started.push(demoSite);
    const tokens = Object.fromEntries(
      await Promise.all(Object.entries(LOCAL_ACCOUNTS).map(async ([name, claims]) => [name, await issuer.issue(claims)])),
    ) as LocalHelpdesk['tokens'];
    return {
      url: `http://localhost:${port}`,
      tokens,
      issuer,
      dynamoDbEndpoint: db.endpoint,
      dynamoDb: db,
      tableName: LOCAL_TABLE_NAME,
      stepFunctions: timers.stepFunctions,
      outbox: { url: `${ses.url}/outbox`, dir: ses.outbox.dir },
      s3: { endpoint: s3.endpoint, dir: s3.store.dir },
      customerPool: { cognitoUrl: cognito.url, clientId: LOCAL_PORTAL_CLIENT_ID, issuer: cognito.customerIssuer },
      mail,
      demoSiteUrl: demoSite.url,
      stop: async () => {
        await demoSite.stop();
        await new Promise<void>((done) => server.close(() => done()));
        await mail.stop();
        await timers.stop();
        await ses.stop();
        await s3.stop();
        await cognito.stop();
        await db.stop();
      },
    };
  } catch (error) {
    for (const part of started.reverse()) await part.stop();
    throw error;
  }
}

/** Imported after the environment is set, as Lambda would load them. */
async function loadHandlers(): Promise<Record<RouteGroup, LambdaHandler>> {
  return {
    'case-queries': (await import('../functions/entries/case-queries.ts')).handler,
    'case-commands': (await import('../functions/entries/case-commands.ts')).handler,
    customers: (await import('../functions/entries/customers.ts')).handler,
    robots: (await import('../functions/entries/robots.ts')).handler,
    templates: (await import('../functions/entries/templates.ts')).handler,
    public: (await import('../functions/entries/public.ts')).handler,
    intake: (await import('../functions/entries/intake.ts')).handler,
    portal: (await import('../functions/entries/portal.ts')).handler,
    docs: (await import('../functions/entries/docs.ts')).handler,
  };
}
