import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type Route, type RouteGroup, routes } from '../functions/routes.ts';
import { CognitoAgentDirectory } from '../functions/shared/cognito-agent-directory.ts';
import { CognitoCustomerAccounts } from '../functions/shared/cognito-customer-accounts.ts';
import type { AccountDeps } from '../functions/shared/customer-account-deps.ts';
import type { IntakeDeps } from '../functions/shared/intake-deps.ts';
import { EmailChangeStore } from '../functions/store/email-change-store.ts';
import { IntakeStore } from '../functions/store/intake-store.ts';
import { createS3Client, MailObjects } from '../functions/mail/mail-objects.ts';
import { type AnyRouteHandler, groupHandler } from '../functions/shared/http-handler.ts';
import { CaseStore } from '../functions/store/case-store.ts';
import { createDocumentClient } from '../functions/store/client.ts';
import { CustomerStore } from '../functions/store/customer-store.ts';
import { TemplateStore } from '../functions/store/template-store.ts';
import { PreferenceStore } from '../functions/store/preference-store.ts';
import { ensureTable } from '../local/create-table.ts';
import { startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { LOCAL_CUSTOMER_POOL_ID } from '../local/identity/customer-pool.ts';
import { LOCAL_USER_POOL, startLocalCognito } from '../local/identity/local-cognito.ts';
import { lambdaContext } from '../local/lambda-context.ts';
import { tenantSettings } from '../local/tenant.ts';
import { apiEvent, BENCH_CUSTOMER_ID } from './api-event.ts';
import { CapacityRecorder, type RequestRecord } from './capacity-recorder.ts';
import { functionEntries } from './entries.ts';
import { BENCH_LINKS, type Operation, OPERATIONS, type PrepareContext, storedMailHtml, uncoveredRoutes } from './operations.ts';
import { Seeder } from './seed.ts';
import { mean, percentile } from './stats.ts';
import { type Target, type Verdict, verdict } from './targets.ts';

const TABLE_NAME = 'helpdesk-bench';
/** Calls per operation in the warm-up pass, which is left out of every figure. */
export const WARMUP_CALLS = 5;

export interface OperationCost {
  name: string;
  group: RouteGroup;
  calls: number;
  /** The requests of a typical call in the order sent, e.g. "GetItem + TransactWriteItems". */
  requests: string;
  /** Whether every call made the same requests; when not, `requests` is the most common set. */
  uniform: boolean;
  reads: { min: number; max: number };
  writes: { min: number; max: number };
  readUnits: number;
  writeUnits: number;
  p50Ms: number;
  p99Ms: number;
  target: Target;
  verdict: Verdict;
}

export interface DynamoDbCostResult {
  operations: OperationCost[];
  /** Calls that did not answer with the route's status, and routes no operation calls; any is a bench failure. */
  failures: string[];
}

type LambdaHandler = ReturnType<typeof groupHandler>;

interface Harness {
  handlers: Record<RouteGroup, LambdaHandler>;
  recorder: CapacityRecorder;
  context: PrepareContext;
  failures: string[];
}

/**
 * Runs every route's handler in-process against DynamoDB Local, through the store code the
 * functions deploy with, and records each DynamoDB request the calls make.
 */
export async function measureDynamoDbCost(options: { calls: number; log: (line: string) => void }): Promise<DynamoDbCostResult> {
  const db = await startDynamoDbLocal();
  const clientConfig = { endpoint: db.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  const setupClient = new DynamoDBClient(clientConfig);
  const measuredClient = new DynamoDBClient(clientConfig);
  // The attachment routes sign S3 links in the function (no request leaves it); their config comes
  // from the environment, as in Lambda. Later sections start helpdesks that set it their own way.
  const savedEnv = { ...process.env };
  Object.assign(process.env, { TABLE_NAME, MAIL_BUCKET: 'helpdesk-bench-mail', AWS_REGION: 'eu-central-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' });
  // The agent directory (GET /agents, delegate) is the local user pool's, held a minute as in Lambda.
  const cognito = await startLocalCognito();
  try {
    await ensureTable(setupClient, TABLE_NAME);
    const recorder = new CapacityRecorder();
    recorder.attachTo(measuredClient);
    const settings = tenantSettings('demo');
    const client = createDocumentClient(measuredClient);
    const customerAccounts = new CognitoCustomerAccounts(new CognitoIdentityProviderClient({ endpoint: cognito.url }), LOCAL_CUSTOMER_POOL_ID);
    const deps: IntakeDeps & AccountDeps = {
      cases: new CaseStore(client, TABLE_NAME),
      customers: new CustomerStore(client, TABLE_NAME),
      templates: new TemplateStore(client, TABLE_NAME),
      preferences: new PreferenceStore(client, TABLE_NAME),
      agents: new CognitoAgentDirectory(new CognitoIdentityProviderClient({ endpoint: cognito.url }), LOCAL_USER_POOL.id),
      settings,
      links: async () => BENCH_LINKS,
      clock: () => new Date().toISOString(),
      newId: randomUUID,
      accounts: customerAccounts,
      // Accounts go to the local customer pool; activation mail is composed nowhere, as no table request depends on it.
      intake: {
        store: new IntakeStore(client, TABLE_NAME),
        emailChanges: new EmailChangeStore(client, TABLE_NAME),
        accounts: customerAccounts,
        mailer: { send: async () => {} },
        mailbox: { address: 'support@helpdesk.localhost', inbox: 'support' },
        portalUrl: 'https://portal.bench.example/portal',
        objects: new MailObjects(createS3Client(), 'helpdesk-bench-mail'),
      },
    };
    // Set-up traffic goes through its own client, so the recorder sees only the timed calls.
    const seeder = new Seeder(createDocumentClient(setupClient), TABLE_NAME, settings);
    const context: PrepareContext = {
      seeder,
      customer: await seeder.customer(),
      portalCustomer: await seeder.customer(BENCH_CUSTOMER_ID, { portal: true }),
      accounts: customerAccounts,
    };

    await storedMailHtml();
    const harness: Harness = { handlers: await loadHandlers(deps), recorder, context, failures: [] };
    // A first pass over every operation warms the JIT of both Node and DynamoDB Local's JVM for
    // each request shape; otherwise the first operations measured would pay for it.
    const broken = new Set<Operation>();
    for (const operation of OPERATIONS) {
      if ((await callRepeatedly(harness, operation, WARMUP_CALLS)).failed) broken.add(operation);
    }
    const operations: OperationCost[] = [];
    for (const operation of OPERATIONS) {
      // Already reported: measuring it again would only time the error path.
      const { calls, latencies } = broken.has(operation)
        ? { calls: [], latencies: [] }
        : await callRepeatedly(harness, operation, options.calls);
      const cost = summarise(operation, routes[operation.routeId].group, calls, latencies);
      operations.push(cost);
      const p50 = `${cost.p50Ms.toFixed(1).padStart(5)} ms`;
      options.log(`  ${operation.name.padEnd(24)} ${cost.requests.padEnd(30)} p50 ${p50}  ${cost.verdict}`);
    }
    const uncovered = uncoveredRoutes().map((id) => `${id}: no operation in bench/operations.ts calls this route`);
    return { operations, failures: [...uncovered, ...harness.failures] };
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
    setupClient.destroy();
    measuredClient.destroy();
    await cognito.stop();
    await db.stop();
  }
}

/** Prepares `count` calls, then makes them one at a time, timing each and collecting its requests. */
async function callRepeatedly(
  harness: Harness,
  operation: Operation,
  count: number,
): Promise<{ calls: RequestRecord[][]; latencies: number[]; failed: boolean }> {
  const route: Route = routes[operation.routeId];
  const calls: RequestRecord[][] = [];
  const latencies: number[] = [];
  for (const request of await operation.prepare(harness.context, count)) {
    const event = apiEvent(route, request, operation.caller);
    harness.recorder.take();
    const started = performance.now();
    const response = (await harness.handlers[route.group](event, lambdaContext(route.group))) as APIGatewayProxyStructuredResultV2;
    const elapsed = performance.now() - started;
    const records = harness.recorder.take();
    // A route that may also create (`created`) answers 201 for it, as putTemplate does for a new id.
    if (response.statusCode !== route.status && !(route.created && response.statusCode === 201)) {
      harness.failures.push(`${operation.name}: expected ${route.status}, got ${response.statusCode} ${response.body ?? ''}`);
      return { calls, latencies, failed: true };
    }
    calls.push(records);
    latencies.push(elapsed);
  }
  return { calls, latencies, failed: false };
}

/** Each function's route handlers, wrapped the way its entry wraps them but over the bench's deps. */
async function loadHandlers(deps: IntakeDeps & AccountDeps): Promise<Record<RouteGroup, LambdaHandler>> {
  const loaded = await Promise.all(
    functionEntries().map(async ({ group, path }) => {
      const entry = (await import(`../${path}`)) as { routeHandlers: AnyRouteHandler<IntakeDeps & AccountDeps>[] };
      return [group, groupHandler(entry.routeHandlers, () => deps)] as const;
    }),
  );
  return Object.fromEntries(loaded) as Record<RouteGroup, LambdaHandler>;
}

function summarise(operation: Operation, group: RouteGroup, calls: RequestRecord[][], latencies: number[]): OperationCost {
  // Requests a handler sends in parallel arrive in any order, so calls are compared as multisets.
  const shapes = new Map<string, { count: number; shown: string }>();
  for (const call of calls) {
    const commands = call.map((r) => r.command);
    const key = [...commands].sort().join(',');
    const shape = shapes.get(key) ?? { count: 0, shown: commands.length === 0 ? '(none)' : commands.join(' + ') };
    shapes.set(key, { ...shape, count: shape.count + 1 });
  }
  const [typical = '(no calls)'] = [...shapes.values()].sort((a, b) => b.count - a.count).map((shape) => shape.shown);
  const perCall = (kind: RequestRecord['kind']) => calls.map((call) => call.filter((r) => r.kind === kind).length);
  const range = (values: number[]) => (values.length === 0 ? { min: 0, max: 0 } : { min: Math.min(...values), max: Math.max(...values) });
  const units = (pick: (r: RequestRecord) => number) => mean(calls.map((call) => call.reduce((sum, r) => sum + pick(r), 0)));
  return {
    name: operation.name,
    group,
    calls: calls.length,
    requests: typical,
    uniform: shapes.size <= 1,
    reads: range(perCall('read')),
    writes: range(perCall('write')),
    readUnits: units((r) => r.readUnits),
    writeUnits: units((r) => r.writeUnits),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    target: operation.target,
    verdict: calls.length === 0 ? 'FAIL' : verdict(operation.target, calls),
  };
}
