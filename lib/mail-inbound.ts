import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType, StorageClass } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { type IReceiptRuleAction, ReceiptRule, ReceiptRuleSet, TlsPolicy } from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { MailConfig } from '../functions/domain/mail-config.ts';
import type { AlarmTopic } from './alarm-topic.ts';
import { FUNCTION_TIMEOUT_SECONDS } from './handler-function.ts';
import { INBOUND_RULE_SET_NAME } from './mail-account-stack.ts';
import { alarmOn, MailFunction } from './mail-function.ts';
import { deadLetterQueue } from './dead-letter-queue.ts';

/**
 * Key prefixes of the mail bucket: SES writes raw/; ingest-mail writes what it derives from a message
 * (attachments, full text, HTML) under parsed/ (functions/mail/mail-objects.ts); replies read outbound/.
 * Nothing but SES may write under raw/: every object created there is queued as a new mail.
 */
/** `uploads/` holds a form's files until activation copies them under `intake/` (functions/domain/intake.ts INTAKE_FILE_KEYS). */
export const MAIL_PREFIXES = { raw: 'raw/', parsed: 'parsed/', outbound: 'outbound/', intake: 'intake/', uploads: 'uploads/' } as const;

/**
 * The id CDK gives its one bucket-notification function per stack (aws-s3's NotificationsResourceHandler):
 * it sits at the stack's root, outside this construct, so its acknowledgement has to find it there.
 */
export const BUCKET_NOTIFICATIONS_HANDLER = 'BucketNotificationsHandler050a0587b7544547bf325f094a3db834';

export interface MailInboundProps {
  /** Names the tenant's receipt rule, which must be unique in the account's shared rule set. */
  readonly tenant: string;
  readonly mail: MailConfig;
  readonly table: TableV2;
  /** Passed to ingest-mail next to TABLE_NAME, MAIL_CONFIG and MAIL_BUCKET. */
  readonly environment: Record<string, string>;
  readonly logRetention: RetentionDays;
  readonly alarms: AlarmTopic;
}

/**
 * Inbound mail: the tenant's receipt rule stores each message for its domain in the mail bucket under
 * raw/; the object's creation is queued, and ingest-mail turns it into a case or a timeline entry.
 * The queue absorbs bursts and retries; what fails five times waits in the dead-letter queue, and the
 * raw message stays in the bucket either way.
 */
export class MailInbound extends Construct {
  public readonly bucket: Bucket;
  public readonly receiptRule: ReceiptRule;
  public readonly queue: Queue;
  public readonly deadLetterQueue: Queue;
  public readonly ingest: MailFunction;

  constructor(scope: Construct, id: string, props: MailInboundProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // Raw messages are the record of what the customer sent: a stack deletion must not drop them.
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'RawMailToInfrequentAccess',
          prefix: MAIL_PREFIXES.raw,
          // Read once by ingest-mail, then only to look back at a disputed or misparsed message.
          transitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }],
        },
        { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        "Only SES and this stack's functions reach the bucket (public access blocked, TLS enforced); " +
        'CloudTrail data events are the audit trail where one is wanted, without a log bucket per tenant.',
    });

    const ruleName = `helpdesk-${props.tenant}`;
    // SES writes only with the rule's own ARN as the source: no other rule in the account may fill the bucket.
    this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowSesToStoreInboundMail',
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`${MAIL_PREFIXES.raw}*`)],
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': stack.formatArn({
              service: 'ses',
              resource: 'receipt-rule-set',
              resourceName: `${INBOUND_RULE_SET_NAME}:receipt-rule/${ruleName}`,
              arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
            }),
          },
        },
      }),
    );

    // aws-ses-actions' S3 action would add its own, wider bucket statement (no source ARN); this one only
    // says where to write, under the statement above.
    const storeRaw: IReceiptRuleAction = {
      bind: () => ({ s3Action: { bucketName: this.bucket.bucketName, objectKeyPrefix: MAIL_PREFIXES.raw } }),
    };
    this.receiptRule = new ReceiptRule(this, 'ReceiptRule', {
      ruleSet: ReceiptRuleSet.fromReceiptRuleSetName(this, 'RuleSet', INBOUND_RULE_SET_NAME),
      receiptRuleName: ruleName,
      // Every address of the domain: mail to an unknown mailbox is recorded too, as a rejected case.
      // Tenants' domains differ, so rules need no order among themselves (no `after`).
      recipients: [props.mail.domain],
      scanEnabled: true,
      tlsPolicy: TlsPolicy.REQUIRE,
      actions: [storeRaw],
    });
    // SES checks it may write to the bucket when the rule is created.
    this.receiptRule.node.addDependency(this.bucket.policy!);

    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetterQueue', 'the inbound mail queue');
    this.queue = new Queue(this, 'Queue', {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      // AWS's advice for a Lambda event source: six times the function timeout, so a message is not
      // handed to a second invocation while the first still works on it (and retries have room).
      visibilityTimeout: Duration.seconds(6 * FUNCTION_TIMEOUT_SECONDS),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 5 },
    });
    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(this.queue), {
      prefix: MAIL_PREFIXES.raw,
    });
    Validations.of(stack.node.findChild(BUCKET_NOTIFICATIONS_HANDLER)).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "CDK's own deploy-time function that sets the bucket's notification; it attaches this managed policy " +
        'to any role it is given, and runs only when the notification is created or changed.',
    });

    this.ingest = new MailFunction(this, 'IngestMail', {
      name: 'ingest-mail',
      table: props.table,
      environment: {
        ...props.environment,
        MAIL_CONFIG: JSON.stringify(props.mail),
        MAIL_BUCKET: this.bucket.bucketName,
      },
      logRetention: props.logRetention,
      alarms: props.alarms,
    });
    this.ingest.grantObjects(this.bucket, MAIL_PREFIXES.raw, ['s3:GetObject']);
    this.ingest.grantObjects(this.bucket, MAIL_PREFIXES.parsed, ['s3:GetObject', 's3:PutObject']);
    this.ingest.handler.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        // One bad message is retried alone; the rest of the batch is not handled again.
        reportBatchItemFailures: true,
      }),
    );

    alarmOn(this, 'DeadLetterQueueAlarm', props.alarms, {
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      description: 'Inbound mail could not be ingested after 5 attempts: the raw message is in the bucket; redrive the DLQ once fixed.',
    });
    alarmOn(this, 'OldestMessageAlarm', props.alarms, {
      metric: this.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: Duration.minutes(5).toSeconds(),
      description: 'Inbound mail has waited more than 5 minutes to be ingested: customers are not being heard.',
    });
  }
}
