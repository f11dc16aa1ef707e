import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpMethods } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { AlarmTopic } from './alarm-topic.ts';
import { ROUTE_GROUPS, type RouteGroup } from '../functions/routes.ts';
import { CaseLinkSecret } from './case-link-secret.ts';
import { CaseTable } from './case-table.ts';
import { CaseTimers } from './case-timers.ts';
import { CustomerIdentity } from './customer-identity.ts';
import { HelpdeskApi } from './http-api.ts';
import { Identity } from './identity.ts';
import { grantMailObjects } from './mail-function.ts';
import { MAIL_PREFIXES, MailInbound } from './mail-inbound.ts';
import { MailOutbound } from './mail-outbound.ts';
import type { TenantConfig } from './tenant-config.ts';
import { WebHosting } from './web-hosting.ts';

export interface HelpdeskStackProps extends StackProps {
  readonly config: TenantConfig;
}

/** One tenant's helpdesk. */
export class HelpdeskStack extends Stack {
  public readonly alarms: AlarmTopic;
  public readonly cases: CaseTable;
  public readonly identity: Identity;
  public readonly customerIdentity: CustomerIdentity;
  public readonly web: WebHosting;
  public readonly api: HelpdeskApi;
  public readonly timers: CaseTimers;
  /** Only for a tenant with `mail` in its config. */
  public readonly mail?: { readonly inbound: MailInbound; readonly outbound: MailOutbound };

  constructor(scope: Construct, id: string, props: HelpdeskStackProps) {
    super(scope, id, props);
    const { config } = props;
    const linkSecret = new CaseLinkSecret(this, 'CaseLinks');

    this.alarms = new AlarmTopic(this, 'Alarms', { emails: config.alarmEmails });
    this.cases = new CaseTable(this, 'CaseTable');
    this.identity = new Identity(this, 'Identity', {
      callbackUrls: config.callbackUrls,
      domainPrefix: config.authDomainPrefix,
    });
    // The console's site, its sign-in and the API name one another (callback URLs, CORS origins, CSP,
    // config.json): kept in this one stack, as a stack of their own they would be cross-stack references both ways.
    this.web = new WebHosting(this, 'Web', {
      signInOrigin: this.identity.authBaseUrl,
      logRetention: config.logRetentionDays,
    });
    this.identity.addSignInUrl(this.web.consoleUrl);
    this.customerIdentity = new CustomerIdentity(this, 'CustomerIdentity');
    const environment = { TENANT_SETTINGS: JSON.stringify(config.settings), PORTAL_URL: this.web.portalUrl };
    this.api = new HelpdeskApi(this, 'Api', {
      table: this.cases.table,
      userPool: this.identity.userPool,
      customerIdentity: this.customerIdentity,
      environment,
      jwtIssuer: this.identity.issuerUrl,
      jwtAudience: [this.identity.webClientId, this.identity.robotClientId],
      // The tenant's own site posts its form and widget to the API too (intake.allowedOrigins).
      corsOrigins: [...new Set([...config.callbackUrls.map((url) => new URL(url).origin), this.web.origin, ...config.settings.intake.allowedOrigins])],
      throttle: config.apiThrottle,
      logRetention: config.logRetentionDays,
    });
    for (const [group, { caseLinks }] of Object.entries(ROUTE_GROUPS)) {
      if (caseLinks) linkSecret.grantTo(this.api.functions[group as RouteGroup].function);
    }
    // The HTTP API's $default stage is served at the endpoint's root: its URL without the trailing slash.
    this.web.deployApps({
      console: { apiUrl: this.api.api.apiEndpoint, auth: this.identity.webSignIn },
      portal: { apiUrl: this.api.api.apiEndpoint, customerPool: this.customerIdentity.portalSignIn },
    });
    this.timers = new CaseTimers(this, 'CaseTimers', {
      table: this.cases.table,
      environment,
      logRetention: config.logRetentionDays,
      alarms: this.alarms,
    });
    if (config.mail) {
      const mail = {
        tenant: config.name,
        mail: config.mail,
        table: this.cases.table,
        environment,
        logRetention: config.logRetentionDays,
        alarms: this.alarms,
      };
      const inbound = new MailInbound(this, 'MailInbound', mail);
      const outbound = new MailOutbound(this, 'MailOutbound', { ...mail, bucket: inbound.bucket });
      // Acknowledgements and replies carry the case's public link as {{ticket_url}}.
      linkSecret.grantTo(inbound.ingest.handler.function);
      linkSecret.grantTo(outbound.sendMail.handler.function);
      // Agents download attachments and upload their own through links the case-queries function signs.
      const queries = this.api.functions['case-queries'];
      queries.function.addEnvironment('MAIL_BUCKET', inbound.bucket.bucketName);
      grantMailObjects(queries, inbound.bucket, MAIL_PREFIXES.parsed, ['s3:GetObject']);
      grantMailObjects(queries, inbound.bucket, MAIL_PREFIXES.outbound, ['s3:PutObject', 's3:GetObject']);
      grantMailObjects(queries, inbound.bucket, MAIL_PREFIXES.intake, ['s3:GetObject']);
      // The customer downloads the files a public view lists through links the public and portal functions
      // sign; deleting their account (portal) deletes the mails and files they sent.
      const { public: publicSide, portal } = this.api.functions;
      const download = ['s3:GetObject'] as const;
      const downloadAndErase = ['s3:GetObject', 's3:DeleteObject'] as const;
      for (const [customerSide, theirs] of [[publicSide, download], [portal, downloadAndErase]] as const) {
        customerSide.function.addEnvironment('MAIL_BUCKET', inbound.bucket.bucketName);
        grantMailObjects(customerSide, inbound.bucket, MAIL_PREFIXES.parsed, theirs);
        grantMailObjects(customerSide, inbound.bucket, MAIL_PREFIXES.outbound, download);
        grantMailObjects(customerSide, inbound.bucket, MAIL_PREFIXES.intake, theirs);
      }
      grantMailObjects(portal, inbound.bucket, MAIL_PREFIXES.raw, ['s3:DeleteObject']);
      // Form intake mails activation links itself (there is no case to queue them on yet).
      const intake = this.api.functions.intake;
      intake.function.addEnvironment('MAIL_CONFIG', JSON.stringify(config.mail));
      intake.function.addEnvironment('SES_CONFIGURATION_SET', outbound.configurationSet.configurationSetName);
      outbound.grantSend(intake.function);
      // The console PUTs an agent's file straight to its signed link, and the tenant's form or widget a
      // customer's file to its own (links signed by the intake function, GetObject to check the upload's size).
      intake.function.addEnvironment('MAIL_BUCKET', inbound.bucket.bucketName);
      grantMailObjects(intake, inbound.bucket, MAIL_PREFIXES.uploads, ['s3:PutObject', 's3:GetObject', 's3:DeleteObject']);
      grantMailObjects(intake, inbound.bucket, MAIL_PREFIXES.intake, ['s3:PutObject', 's3:GetObject']);
      // Uploads of a submission nobody activated go once the submission could no longer be (S3 counts whole days).
      inbound.bucket.addLifecycleRule({
        id: 'UnactivatedFormUploads',
        prefix: MAIL_PREFIXES.uploads,
        expiration: Duration.days(config.settings.intake.unactivatedCaseDays + 1),
      });
      inbound.bucket.addCorsRule({
        allowedMethods: [HttpMethods.PUT],
        allowedOrigins: [this.web.origin, ...config.settings.intake.allowedOrigins],
        allowedHeaders: ['content-type'],
        maxAge: 3600,
      });
      // Signed upload links point here: a tenant's site with a CSP names it in connect-src (docs/widget.md).
      new CfnOutput(this, 'UploadOrigin', {
        value: `https://${inbound.bucket.bucketRegionalDomainName}`,
        description: "The origin the form's and widget's files are uploaded to, for the connect-src of a tenant's CSP",
      });
      this.mail = { inbound, outbound };
    }
  }
}
