import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { FUNCTION_TIMEOUT_SECONDS } from '../../lib/handler-function.ts';
import { HelpdeskStack } from '../../lib/helpdesk-stack.ts';
import { INBOUND_RULE_SET_NAME } from '../../lib/mail-account-stack.ts';
import { loadTenantConfig } from '../../lib/tenant-config.ts';

interface Statement {
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

const stackOf = (tenant: string, tenants: Record<string, unknown> = cdkJson.context.tenants) => {
  const app = new App({ context: { ...cdkJson.context, tenants, tenant, 'aws:cdk:bundling-stacks': [] } });
  return new HelpdeskStack(app, `Helpdesk-${tenant}`, { config: loadTenantConfig(app) });
};

describe('MailInbound', () => {
  let stack: HelpdeskStack;
  let template: Template;
  const inbound = () => stack.mail!.inbound;
  const logicalId = (element: unknown) => stack.getLogicalId(element as CfnElement);
  const getAtt = (element: unknown, attribute: string) => ({ 'Fn::GetAtt': [logicalId(element), attribute] });
  const bucketArn = () => getAtt(inbound().bucket.node.defaultChild, 'Arn');
  const objectsUnder = (prefix: string) => ({ 'Fn::Join': ['', [bucketArn(), `/${prefix}*`]] });
  const statementsOf = (role: unknown) =>
    Object.values(template.findResources('AWS::IAM::Policy'))
      .filter(({ Properties }) => JSON.stringify(Properties.Roles).includes(`"${logicalId(role)}"`))
      .flatMap(({ Properties }) => Properties.PolicyDocument.Statement as Statement[]);
  /** The mail bucket's own resource of this type, or the bucket policy whose Bucket refers to it (not the web buckets'). */
  const mailBucketResource = (type: string) => {
    const bucketId = logicalId(inbound().bucket.node.defaultChild);
    return Object.entries(template.findResources(type))
      .filter(([id, { Properties }]) => id === bucketId || Properties.Bucket?.Ref === bucketId)
      .map(([, { Properties }]) => Properties)[0];
  };
  const ingestStatements = () => statementsOf(inbound().ingest.handler.function.role?.node.defaultChild);

  beforeAll(() => {
    stack = stackOf('acme');
    template = Template.fromStack(stack);
  });

  it("adds the tenant's own rule to the shared rule set: every address of its domain, virus-scanned, over TLS, into raw/", () => {
    template.hasResourceProperties('AWS::SES::ReceiptRule', {
      RuleSetName: INBOUND_RULE_SET_NAME,
      Rule: {
        Name: 'helpdesk-acme',
        Enabled: true,
        Recipients: ['mail.acme.example'],
        ScanEnabled: true,
        TlsPolicy: 'Require',
        Actions: [{ S3Action: { BucketName: { Ref: logicalId(inbound().bucket.node.defaultChild) }, ObjectKeyPrefix: 'raw/' } }],
      },
    });
  });

  it('creates the rule only once the bucket policy lets SES write', () => {
    const rule = Object.values(template.findResources('AWS::SES::ReceiptRule'))[0];

    expect(rule?.DependsOn).toContain(logicalId(inbound().bucket.policy?.node.defaultChild));
  });

  it("lets SES put objects under raw/ only, for this account and this tenant's rule alone", () => {
    const policy = mailBucketResource('AWS::S3::BucketPolicy');

    const fromSes = (policy?.PolicyDocument.Statement as Statement[]).filter((s) => JSON.stringify(s.Principal).includes('ses.amazonaws.com'));

    expect(fromSes).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: objectsUnder('raw/'),
        Condition: {
          StringEquals: {
            'aws:SourceAccount': { Ref: 'AWS::AccountId' },
            'aws:SourceArn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':ses:',
                  { Ref: 'AWS::Region' },
                  ':',
                  { Ref: 'AWS::AccountId' },
                  `:receipt-rule-set/${INBOUND_RULE_SET_NAME}:receipt-rule/helpdesk-acme`,
                ],
              ],
            },
          },
        },
      }),
    ]);
  });

  it('keeps mail encrypted, private, over TLS only, and retained when the stack goes', () => {
    const bucket = template.toJSON().Resources[logicalId(inbound().bucket.node.defaultChild)];

    expect(bucket).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      },
    });
    expect(mailBucketResource('AWS::S3::BucketPolicy').PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('moves raw mail to Infrequent Access after 30 days, never expires it, and aborts incomplete uploads', () => {
    const bucket = mailBucketResource('AWS::S3::Bucket');

    const rules = bucket?.LifecycleConfiguration.Rules;

    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Prefix: 'raw/', Status: 'Enabled', Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }] }),
        expect.objectContaining({ Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: expect.any(Number) } }),
      ]),
    );
    expect(JSON.stringify(rules.filter((rule: { Prefix?: string }) => rule.Prefix !== 'uploads/'))).not.toContain('Expiration');
  });

  it("expires a form's uploads a day after the longest a submission waits for activation, and nothing the cases keep", () => {
    const rules = mailBucketResource('AWS::S3::Bucket')?.LifecycleConfiguration.Rules as { Prefix?: string; ExpirationInDays?: number }[];

    expect(rules.filter((rule) => rule.ExpirationInDays !== undefined)).toEqual([
      expect.objectContaining({ Id: 'UnactivatedFormUploads', Prefix: 'uploads/', Status: 'Enabled', ExpirationInDays: 8 }),
    ]);
  });

  it('queues each object created under raw/, and nothing else, for ingest-mail', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: logicalId(inbound().bucket.node.defaultChild) },
      NotificationConfiguration: {
        QueueConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'raw/' }] } },
            QueueArn: getAtt(inbound().queue.node.defaultChild, 'Arn'),
          },
        ],
      },
    });
  });

  it('hides a message six function timeouts long, and moves it to a 14-day DLQ after 5 receives', () => {
    const queues = template.toJSON().Resources;

    const queue = queues[logicalId(inbound().queue.node.defaultChild)].Properties;
    const dlq = queues[logicalId(inbound().deadLetterQueue.node.defaultChild)].Properties;

    expect(queue).toMatchObject({
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 6 * FUNCTION_TIMEOUT_SECONDS,
      RedrivePolicy: { deadLetterTargetArn: getAtt(inbound().deadLetterQueue.node.defaultChild, 'Arn'), maxReceiveCount: 5 },
    });
    expect(dlq).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 60 * 60 });
  });

  it('lets only S3, from the mail bucket, send to the queue, over TLS', () => {
    const policies = Object.values(template.findResources('AWS::SQS::QueuePolicy')).filter(({ Properties }) =>
      JSON.stringify(Properties.Queues).includes(logicalId(inbound().queue.node.defaultChild)),
    );

    const statements = policies.flatMap(({ Properties }) => Properties.PolicyDocument.Statement as Statement[]);

    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Condition: { ArnLike: { 'aws:SourceArn': bucketArn() } },
        }),
      ]),
    );
  });

  it('feeds ingest-mail 10 messages at a time, each failed one reported back alone', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: getAtt(inbound().queue.node.defaultChild, 'Arn'),
      FunctionName: { Ref: logicalId(inbound().ingest.handler.function.node.defaultChild) },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('tells ingest-mail the table, tenant settings, mail config and bucket', () => {
    const variables = template.toJSON().Resources[logicalId(inbound().ingest.handler.function.node.defaultChild)].Properties.Environment.Variables;

    expect(variables).toMatchObject({
      TABLE_NAME: { Ref: logicalId(stack.cases.table.node.defaultChild) },
      MAIL_BUCKET: { Ref: logicalId(inbound().bucket.node.defaultChild) },
    });
    expect(JSON.parse(variables.TENANT_SETTINGS)).toMatchObject({ name: 'Acme Support' });
    expect(JSON.parse(variables.MAIL_CONFIG)).toEqual(loadTenantConfig(stack).mail);
  });

  it('lets ingest-mail read raw/, read and write parsed/ (attachments, full text, HTML), and touch no other object', () => {
    const s3 = ingestStatements().filter((s) => JSON.stringify(s.Action).includes('s3:'));

    expect(s3).toEqual([
      expect.objectContaining({ Action: 's3:GetObject', Resource: objectsUnder('raw/') }),
      expect.objectContaining({ Action: ['s3:GetObject', 's3:PutObject'], Resource: objectsUnder('parsed/') }),
    ]);
  });

  it("lets the case-queries function sign download links for parsed/ and intake/ (forms' files), and upload and download links for outbound/ (agents' files), and nothing else", () => {
    const queries = stack.api.functions['case-queries'].function;
    const s3 = statementsOf(queries.role?.node.defaultChild).filter((s) => JSON.stringify(s.Action).includes('s3:'));

    expect(s3).toEqual([
      expect.objectContaining({ Action: 's3:GetObject', Resource: [objectsUnder('intake/'), objectsUnder('parsed/')] }),
      expect.objectContaining({ Action: ['s3:GetObject', 's3:PutObject'], Resource: objectsUnder('outbound/') }),
    ]);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('reads cases'),
      Environment: { Variables: Match.objectLike({ MAIL_BUCKET: { Ref: logicalId(inbound().bucket.node.defaultChild) } }) },
    });
  });

  it('lets the public function sign download links for parsed/, outbound/ and intake/ only', () => {
    const s3 = statementsOf(stack.api.functions.public.function.role?.node.defaultChild).filter((s) => JSON.stringify(s.Action).includes('s3:'));

    expect(s3).toEqual([
      expect.objectContaining({ Action: 's3:GetObject', Resource: [objectsUnder('intake/'), objectsUnder('outbound/'), objectsUnder('parsed/')] }),
    ]);
  });

  it("lets the portal function sign the same download links, and delete what a customer sent (raw/, parsed/, intake/) when they delete their account; never an agent's file", () => {
    const s3 = statementsOf(stack.api.functions.portal.function.role?.node.defaultChild).filter((s) => JSON.stringify(s.Action).includes('s3:'));

    expect(s3).toEqual([
      expect.objectContaining({ Action: ['s3:DeleteObject', 's3:GetObject'], Resource: [objectsUnder('intake/'), objectsUnder('parsed/')] }),
      expect.objectContaining({ Action: 's3:GetObject', Resource: objectsUnder('outbound/') }),
      expect.objectContaining({ Action: 's3:DeleteObject', Resource: objectsUnder('raw/') }),
    ]);
  });

  it("lets the intake function sign upload links under uploads/, check and drop them, and copy them under intake/, and nothing else", () => {
    const intake = stack.api.functions.intake.function;
    const s3 = statementsOf(intake.role?.node.defaultChild).filter((s) => JSON.stringify(s.Action).includes('s3:'));

    expect(s3).toEqual([
      expect.objectContaining({ Action: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'], Resource: objectsUnder('uploads/') }),
      expect.objectContaining({ Action: ['s3:GetObject', 's3:PutObject'], Resource: objectsUnder('intake/') }),
    ]);
  });

  it("prints the origin the signed upload links point to, for the connect-src of a tenant's CSP", () => {
    template.hasOutput('UploadOrigin', { Value: { 'Fn::Join': ['', ['https://', getAtt(inbound().bucket.node.defaultChild, 'RegionalDomainName')]] } });
  });

  it("takes the console's uploads (PUT with a Content-Type) from the console's origin only", () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          {
            AllowedMethods: ['PUT'],
            AllowedOrigins: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(stack.web.distribution.node.defaultChild), 'DomainName'] }]] }],
            AllowedHeaders: ['content-type'],
            MaxAge: 3600,
          },
        ],
      },
    });
  });

  it('lets ingest-mail read and write the case table', () => {
    const dynamodb = ingestStatements().filter((s) => JSON.stringify(s.Resource).includes(logicalId(stack.cases.table.node.defaultChild)));

    const actions = dynamodb.flatMap((s) => [s.Action].flat());

    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query']));
  });

  it.each([
    ['a message in the DLQ', 'ApproximateNumberOfMessagesVisible', () => inbound().deadLetterQueue.node.defaultChild, 1],
    ['a message waiting over 5 minutes', 'ApproximateAgeOfOldestMessage', () => inbound().queue.node.defaultChild, 300],
    ['a failed ingest-mail invocation', 'Errors', () => inbound().ingest.handler.function.node.defaultChild, 1],
  ])('alarms on %s', (_name, metricName, resource, threshold) => {
    const alarm = Object.values(template.findResources('AWS::CloudWatch::Alarm')).find(
      ({ Properties }) => Properties.MetricName === metricName && JSON.stringify(Properties.Dimensions).includes(logicalId(resource())),
    );

    expect(alarm?.Properties).toMatchObject({ Threshold: threshold, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });

  it('sends every mail alarm, inbound and outbound, and its recovery to the alarm topic', () => {
    const topic = { Ref: logicalId(stack.alarms.topic.node.defaultChild) };

    const alarms = Object.entries(template.findResources('AWS::CloudWatch::Alarm')).filter(([id]) => /^Mail(In|Out)bound/.test(id));

    // Inbound: DLQ, oldest message, ingest-mail errors; outbound: send-mail and mail-events errors, iterator age, DLQ,
    // failed replies, delivery reports' DLQ.
    expect(alarms).toHaveLength(9);
    for (const [id, { Properties }] of alarms) {
      expect({ id, actions: Properties.AlarmActions, ok: Properties.OKActions }).toEqual({ id, actions: [topic], ok: [topic] });
    }
  });
});

describe('HelpdeskStack without mail', () => {
  it('has no mail bucket, receipt rule, configuration set, queue or mail function', () => {
    const { mail: _mail, ...acme } = cdkJson.context.tenants.acme;
    const stack = stackOf('acme', { acme });

    const template = Template.fromStack(stack);

    expect(stack.mail).toBeUndefined();
    for (const type of ['AWS::SES::ReceiptRule', 'AWS::SES::ConfigurationSet', 'Custom::S3BucketNotifications']) {
      template.resourceCountIs(type, 0);
    }
    // The web apps' buckets are the only ones.
    expect(Object.keys(template.findResources('AWS::S3::Bucket')).every((id) => id.startsWith('Web'))).toBe(true);
    expect(JSON.stringify(template.toJSON())).not.toMatch(/MAIL_CONFIG|ses:Send/);
  });
});
