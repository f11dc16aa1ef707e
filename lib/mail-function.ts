import { type CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { AlarmTopic } from './alarm-topic.ts';
import { HandlerFunction } from './handler-function.ts';

export const MAIL_FUNCTIONS = {
  'ingest-mail': 'Turns a mail SES stored in the mail bucket into a case or a timeline entry',
  'send-mail': 'Sends queued replies from the table stream through SES',
  'mail-events': "Records SES delivery reports on the reply's timeline entry",
} as const;

export type MailFunctionName = keyof typeof MAIL_FUNCTIONS;

export interface MailFunctionProps {
  readonly name: MailFunctionName;
  readonly table: TableV2;
  /** Passed next to TABLE_NAME. */
  readonly environment: Record<string, string>;
  readonly logRetention: RetentionDays;
  readonly alarms: AlarmTopic;
}

/** A function of the mail channel: reads and writes the case table, and alarms when an invocation fails. */
export class MailFunction extends Construct {
  public readonly handler: HandlerFunction;

  constructor(scope: Construct, id: string, props: MailFunctionProps) {
    super(scope, id);

    this.handler = new HandlerFunction(this, 'Handler', {
      entry: `functions/entries/${props.name}.ts`,
      description: MAIL_FUNCTIONS[props.name],
      serviceName: `helpdesk-${props.name}`,
      environment: { ...props.environment, TABLE_NAME: props.table.tableName },
      logRetention: props.logRetention,
    });
    props.table.grantReadWriteData(this.handler.function);
    Validations.of(this.handler).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(props.table)}.Arn>/index/*]`,
      reason:
        'The grant covers the GSIs the case and customer lookups read, as <table ARN>/index/*: ' +
        'the wildcard names only indexes of this one table.',
    });

    alarmOn(this, 'ErrorsAlarm', props.alarms, {
      metric: this.handler.function.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      description: `The ${props.name} function failed a whole invocation.`,
    });
  }

  /** Object reads (and writes) under a key prefix of the mail bucket, and nothing on the bucket itself. */
  public grantObjects(bucket: IBucket, prefix: string, actions: readonly ObjectAction[]): void {
    grantMailObjects(this.handler, bucket, prefix, actions);
  }

}

export interface AlarmOptions {
  readonly metric: IMetric;
  readonly threshold: number;
  readonly description: string;
}

/** An alarm at or above the threshold over one period, reported (and its recovery) to the alarm topic. */
export function alarmOn(scope: Construct, id: string, alarms: AlarmTopic, options: AlarmOptions): Alarm {
  const alarm = new Alarm(scope, id, {
    metric: options.metric,
    threshold: options.threshold,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    // No mail means no data, and nothing wrong.
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: options.description,
  });
  alarms.notify(alarm);
  return alarm;
}

function logicalIdOf(resource: TableV2 | IBucket): string {
  return Stack.of(resource).getLogicalId(resource.node.defaultChild as CfnElement);
}

type ObjectAction = 's3:GetObject' | 's3:PutObject' | 's3:DeleteObject';

/** Object access under one prefix of the mail bucket, for a mail function or an API function that signs links. */
export function grantMailObjects(handler: HandlerFunction, bucket: IBucket, prefix: string, actions: readonly ObjectAction[]): void {
  handler.function.addToRolePolicy(new PolicyStatement({ actions: [...actions], resources: [bucket.arnForObjects(`${prefix}*`)] }));
  Validations.of(handler).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(bucket)}.Arn>/${prefix}*]`,
    reason: `Objects are named at run time (message ids, content hashes); ${prefix}* reaches one prefix of the tenant's mail bucket.`,
  });
}
