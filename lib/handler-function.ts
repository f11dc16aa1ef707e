import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { FUNCTION_TIMEOUT_SECONDS } from '../functions/shared/function-timeout.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * esbuild's ESM output has no `require`, yet bundled CommonJS dependencies still call it;
 * the alias keeps the shim's import from clashing with a bundled `createRequire`.
 */
const ESM_REQUIRE_SHIM =
  "import { createRequire as __helpdeskCreateRequire } from 'node:module'; const require = __helpdeskCreateRequire(import.meta.url);";

/**
 * The esbuild-relevant bundling options of every function, as plain data: `bench/` bundles with
 * exactly these to measure what CDK deploys.
 */
export const HANDLER_BUNDLING = {
  format: OutputFormat.ESM,
  target: 'node24',
  minify: true,
  sourceMap: true,
  // Stack traces need only the mappings; without the sources the map is about 60% smaller.
  sourcesContent: false,
  // Packages' ESM builds tree-shake: a DynamoDB + Powertools + middy bundle goes from 558 to 366 KB.
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_SHIM,
  // Bundle AWS SDK v3 too, so the clients run at the versions package-lock.json pins.
  externalModules: [],
  // Lambda provides credentials in the environment: the SDK's default provider chain is swapped for
  // the environment provider alone (functions/shared/lambda-credentials.ts). sanitize-html's postcss
  // only parses style attributes, which the mail sanitiser never does (functions/mail/inbound/no-postcss.ts).
  esbuildArgs: {
    '--alias:@aws-sdk/credential-provider-node': './functions/shared/lambda-credentials.ts',
    '--alias:postcss': './functions/mail/inbound/no-postcss.ts',
  },
} satisfies BundlingOptions;

export interface HandlerFunctionProps {
  /** Module exporting `handler`, relative to the repository root. */
  readonly entry: string;
  readonly description: string;
  /** Powertools service name, so each function's logs and traces are told apart. */
  readonly serviceName: string;
  readonly environment: Record<string, string>;
  readonly logRetention: RetentionDays;
}

export { FUNCTION_TIMEOUT_SECONDS };

/** A Node.js Lambda function with the house defaults: pinned runtime, arm64, minified ESM bundle. */
export class HandlerFunction extends Construct {
  public readonly function: NodejsFunction;
  public readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);

    this.logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention });

    // Our own role instead of the default one: AWSLambdaBasicExecutionRole may write to any log group.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    this.logGroup.grantWrite(role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: join(REPO_ROOT, props.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(FUNCTION_TIMEOUT_SECONDS),
      tracing: Tracing.ACTIVE,
      role,
      logGroup: this.logGroup,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: HANDLER_BUNDLING,
    });

    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the X-Ray statement that active tracing adds: xray:PutTraceSegments and PutTelemetryRecords ' +
        'support no resource-level permissions. test/infra checks no other action is granted on "*".',
    });
  }
}
