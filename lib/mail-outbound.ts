import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { FilterPattern, MetricFilter, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { ConfigurationSet, EmailSendingEvent, EventDestination } from 'aws-cdk-lib/aws-ses';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { MailConfig } from '../functions/domain/mail-config.ts';
import type { AlarmTopic } from './alarm-topic.ts';
import { MAIL_PREFIXES } from './mail-inbound.ts';
import { deadLetterQueue } from './dead-letter-queue.ts';
import { alarmOn, MailFunction } from './mail-function.ts';

/** What SES reports about a reply; opens, clicks and subscriptions are not ours to track. */
const DELIVERY_EVENTS = [
  EmailSendingEvent.SEND,
  EmailSendingEvent.DELIVERY,
  EmailSendingEvent.BOUNCE,
  EmailSendingEvent.COMPLAINT,
  EmailSendingEvent.REJECT,
  EmailSendingEvent.DELIVERY_DELAY,
  EmailSendingEvent.RENDERING_FAILURE,
];

/**
 * The stream records send-mail is invoked for: a reply entry written (never updated) while still queued.
 * Entry items carry the entry's own fields at the top level (functions/store/items.ts), so the new image
 * has `kind`, `type` and `delivery` as plain strings.
 */
export const QUEUED_REPLY_FILTER = {
  eventName: FilterRule.isEqual('INSERT'),
  dynamodb: {
    NewImage: {
      kind: { S: FilterRule.isEqual('entry') },
      type: { S: FilterRule.isEqual('reply') },
      delivery: { S: FilterRule.isEqual('queued') },
    },
  },
};

export interface MailOutboundProps {
  /** Names the configuration set, so delivery reports can be told apart from other tenants'. */
  readonly tenant: string;
  readonly mail: MailConfig;
  readonly table: TableV2;
  readonly bucket: IBucket;
  /** Passed to both functions next to TABLE_NAME and MAIL_CONFIG. */
  readonly environment: Record<string, string>;
  readonly logRetention: RetentionDays;
  readonly alarms: AlarmTopic;
}

/**
 * Outbound mail: a queued reply on the timeline reaches send-mail through the table stream, which sends
 * it with the tenant's configuration set; SES reports what became of it on the default event bus, and
 * mail-events records that on the reply's entry.
 */
export class MailOutbound extends Construct {
  public readonly configurationSet: ConfigurationSet;
  public readonly sendMail: MailFunction;
  public readonly mailEvents: MailFunction;
  public readonly deadLetterQueue: Queue;
  public readonly deliveryReportsDeadLetterQueue: Queue;
  private readonly sendResources: string[];

  constructor(scope: Construct, id: string, props: MailOutboundProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const environment = { ...props.environment, MAIL_CONFIG: JSON.stringify(props.mail) };

    const configurationSetName = `helpdesk-${props.tenant}`;
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', { configurationSetName });
    this.configurationSet.addEventDestination('EventBridge', {
      // SES publishes to the default bus only.
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: DELIVERY_EVENTS,
    });

    this.deliveryReportsDeadLetterQueue = deadLetterQueue(this, 'DeliveryReportsDeadLetterQueue', 'the SES delivery reports for mail-events');
    this.mailEvents = new MailFunction(this, 'MailEvents', {
      name: 'mail-events',
      table: props.table,
      environment,
      logRetention: props.logRetention,
      alarms: props.alarms,
    });
    new Rule(this, 'DeliveryEvents', {
      description: "Sends SES delivery reports of this tenant's configuration set to mail-events",
      eventPattern: {
        source: ['aws.ses'],
        // Every tenant's reports share the default bus; SES tags each with its configuration set.
        detail: { mail: { tags: { 'ses:configuration-set': [configurationSetName] } } },
      },
      targets: [new LambdaFunction(this.mailEvents.handler.function, { deadLetterQueue: this.deliveryReportsDeadLetterQueue })],
    });
    // EventBridge hands reports to Lambda asynchronously: one mail-events still fails after Lambda's own
    // retries lands in the same queue as one EventBridge could not deliver.
    this.mailEvents.handler.function.configureAsyncInvoke({ onFailure: new SqsDestination(this.deliveryReportsDeadLetterQueue), retryAttempts: 2 });

    this.sendMail = new MailFunction(this, 'SendMail', {
      name: 'send-mail',
      table: props.table,
      environment: { ...environment, MAIL_BUCKET: props.bucket.bucketName, SES_CONFIGURATION_SET: configurationSetName },
      logRetention: props.logRetention,
      alarms: props.alarms,
    });
    this.sendResources = [
        stack.formatArn({ service: 'ses', resource: 'identity', resourceName: props.mail.domain, arnFormat: ArnFormat.SLASH_RESOURCE_NAME }),
        stack.formatArn({
          service: 'ses',
          resource: 'configuration-set',
          resourceName: this.configurationSet.configurationSetName,
          arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
        }),
    ];
    this.grantSend(this.sendMail.handler.function);
    this.sendMail.grantObjects(props.bucket, MAIL_PREFIXES.parsed, ['s3:GetObject']);
    this.sendMail.grantObjects(props.bucket, MAIL_PREFIXES.outbound, ['s3:GetObject']);

    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetterQueue', 'the send-mail stream mapping');
    this.sendMail.handler.function.addEventSource(
      new DynamoEventSource(props.table, {
        // From the oldest record, so replies queued while the mapping is created or paused are still sent.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        bisectBatchOnError: true,
        // Only the failed replies are retried, so the ones already sent are not sent twice.
        reportBatchItemFailures: true,
        retryAttempts: 10,
        // The DLQ message only points into the stream, which keeps records 24 hours: giving up at 12 leaves
        // half a day to read the unsent replies back.
        maxRecordAge: Duration.hours(12),
        onFailure: new SqsDlq(this.deadLetterQueue),
        filters: [FilterCriteria.filter(QUEUED_REPLY_FILTER)],
      }),
    );

    const fiveMinutes = Duration.minutes(5);
    alarmOn(this, 'SendMailIteratorAgeAlarm', props.alarms, {
      metric: this.sendMail.handler.function.metric('IteratorAge', { period: fiveMinutes, statistic: 'Maximum' }),
      threshold: fiveMinutes.toMilliseconds(),
      description: 'Queued replies are more than five minutes behind the table: customers get answers late.',
    });
    // A reply SES refused, or whose send was interrupted, is marked failed on its entry and the batch goes
    // on: the invocation succeeds, so only the error it logs can raise the alarm.
    const failedReplies = new MetricFilter(this, 'FailedRepliesMetric', {
      logGroup: this.sendMail.handler.logGroup,
      filterPattern: FilterPattern.stringValue('$.message', '=', 'reply delivery *'),
      metricNamespace: 'Helpdesk/Mail',
      metricName: `FailedReplies-${Stack.of(this).stackName}`,
      metricValue: '1',
      defaultValue: 0,
    });
    alarmOn(this, 'FailedRepliesAlarm', props.alarms, {
      metric: failedReplies.metric({ period: fiveMinutes, statistic: 'Sum' }),
      threshold: 1,
      description: 'A reply is marked failed on its timeline entry (SES refused it, or its send was interrupted): the agent must resend it.',
    });
    alarmOn(this, 'DeliveryReportsDeadLetterQueueAlarm', props.alarms, {
      metric: this.deliveryReportsDeadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
      threshold: 1,
      description: "SES delivery reports mail-events could not record: the replies' delivery status is behind; read the reports and redrive them.",
    });
    alarmOn(this, 'DeadLetterQueueAlarm', props.alarms, {
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
      threshold: 1,
      description: 'Replies could not be sent after every retry: read the records back from the stream and redrive them.',
    });
  }

  /** Lets a function send mail from the tenant's domain with its configuration set (send-mail, and intake's activation links). */
  grantSend(fn: IFunction): void {
    fn.addToRolePolicy(new PolicyStatement({ actions: ['ses:SendEmail', 'ses:SendRawEmail'], resources: this.sendResources }));
  }
}
