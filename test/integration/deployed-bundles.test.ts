import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { cdkEsbuildOptions } from '../../lib/esbuild-options.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'helpdesk-bundles-'));

/** Runs one event through a bundle in a fresh Node process, with the environment a Lambda would have. */
function invoke(bundle: string, event: object): { statusCode: number; body: string; headers: Record<string, string> } {
  const runner = join(out, 'invoke.mjs');
  writeFileSync(
    runner,
    `const { handler } = await import(process.argv[2]);
     const result = await handler(JSON.parse(process.argv[3]), { awsRequestId: 'bundle-test', functionName: 'bundle-test' });
     process.stdout.write(JSON.stringify(result));`,
  );
  const output = execFileSync(process.execPath, [runner, bundle, JSON.stringify(event)], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      TABLE_NAME: inject('tableName'),
      TENANT_SETTINGS: '{}',
      AWS_REGION: 'eu-central-1',
      AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoDbEndpoint'),
      // What Lambda puts in every function's environment: the role's credentials.
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_SESSION_TOKEN: 'local',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    },
  });
  return JSON.parse(output) as { statusCode: number; body: string; headers: Record<string, string> };
}

const claims = { sub: 'agent-bundle', 'cognito:groups': '[agents]' };
const event = (routeKey: string, rawPath: string, extra: object = {}) => ({
  version: '2.0', routeKey, rawPath, headers: {}, isBase64Encoded: false,
  requestContext: { authorizer: { jwt: { claims, scopes: [] } } },
  ...extra,
});

describe('the bundles CDK deploys', () => {
  const bundles: Record<string, string> = {};
  beforeAll(async () => {
    for (const group of ['case-commands', 'case-queries']) {
      bundles[group] = join(out, group, 'index.mjs');
      await build({ ...cdkEsbuildOptions(), absWorkingDir: REPO, entryPoints: [join(REPO, 'functions/entries', `${group}.ts`)], outfile: bundles[group]!, logLevel: 'error' });
    }
  });

  it('create a case and read it back from DynamoDB, in a fresh Node process with Lambda\'s environment', () => {
    const created = invoke(bundles['case-commands']!, event('POST /cases', '/cases', {
      body: JSON.stringify({ title: 'From the bundle', description: 'd', category: 'c', contacts: { primaryContact: { email: 'a@example.com' }, requester: { email: 'a@example.com' } } }),
    }));
    expect(created.statusCode).toBe(201);
    const { id } = JSON.parse(created.body).case;

    const read = invoke(bundles['case-queries']!, event('GET /cases/{caseId}', `/cases/${id}`, { pathParameters: { caseId: id } }));

    expect(read.statusCode).toBe(200);
    expect(JSON.parse(read.body).case).toMatchObject({ id, title: 'From the bundle', assigneeId: 'agent-bundle' });
  });
});
