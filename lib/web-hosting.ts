import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CfnElement, CfnOutput, Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { webSecurityHeaders } from '../web/security-headers.ts';
import { WEB_APPS, type WebApp, WIDGET } from '../web/apps.ts';
import type { AppConfig, PortalConfig, RuntimeConfig } from '../web/shared/runtime-config.ts';
import { securityHeadersPolicy } from './security-headers-policy.ts';

/**
 * The id CDK gives the one function per stack behind every BucketDeployment (a SingletonFunction with the
 * default memory): it sits at the stack's root, outside this construct, so its acknowledgement has to find it there.
 */
export const BUCKET_DEPLOYMENT_HANDLER = 'Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C';

/** Where `npm run build:web` puts an app, or the widget (web/vite.config.ts). */
const appDir = (app: WebApp | typeof WIDGET.dir) => fileURLToPath(new URL(`../web/dist/${app}`, import.meta.url));

/**
 * A CloudFront Function on every viewer request: each app routes in the browser, so any path under
 * /<app>/ that names no file gets that app's index page (as the local runtime serves them,
 * local/web/web-apps-site.ts). Rewriting here, not with error responses, keeps a real 403 or 404 from
 * S3 what it is. The bare domain leads to the console, the staff's daily page. The widget's script, under
 * /widget/, is no app: its path passes unchanged.
 */
export const APP_ROUTING_CODE = `var APPS = ${JSON.stringify(WEB_APPS)};
function handler(event) {
  var request = event.request;
  if (request.uri === '/') {
    return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: '/console/' } } };
  }
  for (var i = 0; i < APPS.length; i++) {
    var base = '/' + APPS[i];
    if (request.uri === base) {
      return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: base + '/' } } };
    }
    if (request.uri.startsWith(base + '/') && request.uri.split('/').pop().indexOf('.') === -1) {
      request.uri = base + '/index.html';
    }
  }
  return request;
}`;

export interface WebHostingProps {
  /** The hosted sign-in page's origin: the apps fetch tokens from it and leave for it. */
  readonly signInOrigin: string;
  /** How long CloudFront's access logs are kept. */
  readonly logRetention: RetentionDays;
}

/**
 * The tenant's web apps: a private bucket read only by a CloudFront distribution (origin access control),
 * HTTPS, and the same security headers as the local runtime sends. Each app lives under /<app>/
 * (/console/ for agents, /portal/ for customers); `deployApps` uploads them.
 */
export class WebHosting extends Construct {
  public readonly bucket: Bucket;
  public readonly distribution: Distribution;
  /** `https://<distribution domain>`: the origin the apps call the API from. */
  public readonly origin: string;
  /** Where the customer portal is served; public case links lead to its `link` page. */
  public readonly portalUrl: string;
  /** Where agents open the console, and where the hosted UI sends them back with the code. */
  public readonly consoleUrl: string;
  /** The script tenants' sites load to embed the intake widget. */
  public readonly widgetUrl: string;
  private readonly logRetention: RetentionDays;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.logRetention = props.logRetention;

    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // Kept when the stack is deleted (CDK's default): CloudFormation cannot delete a bucket with files in it.
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        "The bucket holds only the built web apps. Its one reader is the distribution (origin access control), whose " +
        "access logs record every request; its one writer is this stack's deployment.",
    });

    const accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront delivers standard logs from its own account, which writes through the bucket's ACL.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ id: 'ExpireLogs', expiration: Duration.days(props.logRetention) }],
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: "It is the distribution's access log bucket: logging its own access would log the log delivery.",
    });

    // The CSP names the API by the region's API Gateway domain, not by its id: the API's CORS origins name this
    // distribution, and the distribution names this policy, so the API's own id here would be a circular
    // reference in the template. config.json (deployed after all three) names the exact API.
    // The mail bucket, which agents upload attachments to, is named the same way: its CORS rule names this distribution.
    const apiOrigin = `https://*.execute-api.${stack.region}.${stack.urlSuffix}`;
    const storageOrigin = `https://*.s3.${stack.region}.${stack.urlSuffix}`;
    const customerSignIn = `https://cognito-idp.${stack.region}.${stack.urlSuffix}`;
    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'The web apps\' security headers: web/security-headers.ts, as the local runtime sends them',
      ...securityHeadersPolicy(webSecurityHeaders({ api: apiOrigin, signIn: props.signInOrigin, storage: storageOrigin, customerSignIn })),
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Helpdesk web apps (${stack.stackName})`,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            // The id predates the portal: renaming it would replace a function the distribution uses.
            function: new CloudFrontFunction(this, 'ConsoleRouting', {
              code: FunctionCode.fromInline(APP_ROUTING_CODE),
              runtime: FunctionRuntime.JS_2_0,
              comment: "Serves each web app's index page for its in-app paths",
            }),
          },
        ],
      },
      enableLogging: true,
      logBucket: accessLogs,
      logFilePrefix: 'cloudfront/',
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          "A tenant's agents work from wherever they are; the console's files are public code, and every API call " +
          'needs a Cognito token.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'The distribution serves only static files; the API behind them has its own throttling and JWT authorizer. ' +
          'A CloudFront WAF web ACL lives in us-east-1, outside this regional stack, and is a per-tenant purchase.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          "No custom domain yet: with CloudFront's default *.cloudfront.net certificate the viewer TLS policy " +
          'cannot be chosen (CloudFront ignores a minimum protocol version without a certificate of our own).',
      },
    );

    this.origin = `https://${this.distribution.distributionDomainName}`;
    this.consoleUrl = `${this.origin}/console/`;
    this.portalUrl = `${this.origin}/portal`;
    this.widgetUrl = `${this.origin}${WIDGET.path}`;
    // Plain output names, for scripts that read the stack's outputs.
    new CfnOutput(this, 'ConsoleUrl', { value: this.consoleUrl }).overrideLogicalId('ConsoleUrl');
    new CfnOutput(this, 'WidgetUrl', { value: this.widgetUrl, description: "The intake widget's script, for tenants' sites (docs/widget.md)" }).overrideLogicalId(
      'WidgetUrl',
    );
  }

  /**
   * Uploads each built app under <app>/ with the `config.json` that points it at this tenant's API (and,
   * for the console, sign-in), so one build serves every tenant. Index pages and config.json are
   * revalidated on every load; the assets, named by content hash, are cached for a year. The widget's
   * script goes under widget/.
   */
  deployApps(configs: { console: RuntimeConfig; portal: PortalConfig }): void {
    const builds = [...WEB_APPS.map((app) => join(appDir(app), 'index.html')), join(appDir(WIDGET.dir), WIDGET.file)];
    for (const file of builds) {
      if (!existsSync(file)) throw new Error(`The web apps are not built (no ${file}): run \`npm run build:web\` first.`);
    }

    // Our own role and log group instead of the defaults: AWSLambdaBasicExecutionRole may write to any log
    // group, and the default log group keeps logs forever.
    const logGroup = new LogGroup(this, 'DeploymentLogs', { retention: this.logRetention });
    const role = new Role(this, 'DeploymentRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    for (const app of WEB_APPS) this.deployApp(app, configs[app], role, logGroup);
    this.deployWidget(role, logGroup);
    this.acknowledgeDeploymentFindings(role);
  }

  /**
   * The widget's script under its stable name, which tenants' pages name for good: cached for minutes
   * and then revalidated (WIDGET.cacheControl), so a deploy reaches every site soon without a content
   * hash in the name. It needs no config.json: the page that embeds it names the API. It runs in the
   * tenant's page, so the response headers policy's CSP does not govern it; the tenant's CSP and the
   * API's CORS (intake.allowedOrigins) do.
   */
  private deployWidget(role: Role, logGroup: LogGroup): void {
    new BucketDeployment(this, 'WidgetScript', {
      sources: [Source.asset(appDir(WIDGET.dir), { exclude: ['*.map'] })],
      destinationBucket: this.bucket,
      destinationKeyPrefix: `${WIDGET.dir}/`,
      cacheControl: [CacheControl.fromString(WIDGET.cacheControl)],
      role,
      logGroup,
    });
  }

  private deployApp(app: WebApp, config: AppConfig, role: Role, logGroup: LogGroup): void {
    const dir = appDir(app);
    const id = app === 'console' ? 'Console' : 'Portal';
    const assets = new BucketDeployment(this, `${id}Assets`, {
      // Source maps carry the full sources: they stay with the build, not on a public site.
      sources: [Source.asset(join(dir, 'assets'), { exclude: ['*.map'] })],
      destinationBucket: this.bucket,
      destinationKeyPrefix: `${app}/assets/`,
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
      // A page loaded before a deploy still asks for its own build's files.
      prune: false,
      role,
      logGroup,
    });
    const pages = new BucketDeployment(this, `${id}Pages`, {
      sources: [Source.asset(dir, { exclude: ['assets'] }), Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      destinationKeyPrefix: `${app}/`,
      // Left to the deployment above, also by this one's pruning.
      exclude: ['assets/*'],
      cacheControl: [CacheControl.noCache()],
      role,
      logGroup,
    });
    // The new index page names the new assets: they are in place before it is.
    pages.node.addDependency(assets);
  }

  private acknowledgeDeploymentFindings(role: Role): void {
    const stack = Stack.of(this);
    const bucketId = stack.getLogicalId(this.bucket.node.defaultChild as CfnElement);
    Validations.of(role).acknowledge(
      ...['s3:GetBucket*', 's3:GetObject*', 's3:List*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason:
          "BucketDeployment's grants (aws-cdk-lib): read the web apps' zipped files from the CDK asset bucket, " +
          'and list and read the web bucket to sync it.',
      })),
      ...['s3:Abort*', 's3:DeleteObject*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: "BucketDeployment's grant on the web bucket only: replace and prune the web apps' files.",
      })),
      {
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
        reason: "The web bucket's objects: the deployment writes the web apps' files there and nothing else does.",
      },
      {
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
        reason: "The CDK bootstrap asset bucket, read for the zipped web app files this stack's assets name.",
      },
    );
    Validations.of(stack.node.findChild(BUCKET_DEPLOYMENT_HANDLER)).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        "CDK's own deploy-time function behind BucketDeployment: aws-cdk-lib pins its Python runtime and moves it " +
        'with CDK upgrades; it runs only when the web apps are deployed.',
    });
  }
}
