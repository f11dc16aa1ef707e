import { fileURLToPath } from 'node:url';
import { ArnFormat, type CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { DEFAULT_TIMER_RECONCILE_MARGIN_SECONDS } from '../functions/shared/config.ts';
import { keys } from '../functions/store/keys.ts';
import { caseTable } from '../functions/store/table-definition.ts';
import type { AlarmTopic } from './alarm-topic.ts';
import { HandlerFunction } from './handler-function.ts';
import { deadLetterQueue } from './dead-letter-queue.ts';

export const CASE_TIMER_ASL = fileURLToPath(new URL('../statemachines/case-timer.asl.json', import.meta.url));

export const TIMER_FUNCTIONS = {
  'fire-timer': 'Applies a due case timer (invoked by the case timer state machine)',
  'record-timer-failure': 'Records on the case timeline that its timer could not be applied',
  'schedule-timers': 'Starts and stops case timer executions from the table stream, and tells a case when one split off or started from it ends',
  'reconcile-timers': 'Every 5 minutes, re-arms case timers that are long overdue (their execution failed or never started)',
} as const;

export type TimerFunction = keyof typeof TIMER_FUNCTIONS;

export interface CaseTimersProps {
  readonly table: TableV2;
  /** Passed to every function next to TABLE_NAME, as to the API's. */
  readonly environment: Record<string, string>;
  readonly logRetention: RetentionDays;
  /** Every alarm below notifies it. */
  readonly alarms: AlarmTopic;
}

/**
 * Case timers: the table stream starts one Standard execution per armed timer and stops the one it
 * replaces; the execution waits until the timer is due, then fires it. A scheduled reconciler
 * re-arms any timer long overdue. Alarms watch each place a timer can be lost or late, and report
 * to the tenant's alarm topic.
 */
export class CaseTimers extends Construct {
  public readonly stateMachine: StateMachine;
  public readonly functions: Record<TimerFunction, HandlerFunction>;
  public readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: CaseTimersProps) {
    super(scope, id);

    const environment = { ...props.environment, TABLE_NAME: props.table.tableName };
    const timerFunction = (name: TimerFunction, extraEnvironment: Record<string, string> = {}) =>
      new HandlerFunction(this, name, {
        entry: `functions/entries/${name}.ts`,
        description: TIMER_FUNCTIONS[name],
        serviceName: `helpdesk-${name}`,
        environment: { ...environment, ...extraEnvironment },
        logRetention: props.logRetention,
      });

    const fireTimer = timerFunction('fire-timer');
    const recordTimerFailure = timerFunction('record-timer-failure');
    const scheduleTimers = timerFunction('schedule-timers');
    // schedule-timers writes too: the original of a split or started case records its end (functions/relations).
    for (const task of [fireTimer, recordTimerFailure, scheduleTimers]) {
      // A case save is one TransactWriteItems of conditional Puts (case item, timeline entries), and
      // IAM authorises each action inside it: there is no TransactWriteItems action to grant. The
      // table's ARN alone, since `table.grant` would add its indexes, which these functions never read.
      task.function.addToRolePolicy(
        new PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:PutItem'], resources: [props.table.tableArn] }),
      );
    }

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      definitionBody: DefinitionBody.fromFile(CASE_TIMER_ASL),
      definitionSubstitutions: {
        FireTimerFunctionArn: fireTimer.function.functionArn,
        RecordTimerFailureFunctionArn: recordTimerFailure.function.functionArn,
      },
      // Timers wait for days; Express workflows end after five minutes.
      stateMachineType: StateMachineType.STANDARD,
      tracingEnabled: true,
      logs: {
        // Step Functions adds every other log group to the account's 5,120-character log resource
        // policy; /aws/vendedlogs/ names are covered by one wildcard, so many tenants fit one account.
        destination: new LogGroup(this, 'StateMachineLogs', {
          logGroupName: `/aws/vendedlogs/states/${Stack.of(this).stackName}-case-timer`,
          retention: props.logRetention,
        }),
        level: LogLevel.ALL,
        // Timer payloads are ids, a generation, a purpose and a due time: no case content or
        // personal data, and they are what explains a late or failed timer.
        includeExecutionData: true,
      },
    });
    // The ASL calls the unqualified function ARNs, so the role needs no `:*` version wildcard;
    // fromFile cannot see the tasks, so nothing is granted for them automatically.
    this.stateMachine.addToRolePolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [fireTimer.function.functionArn, recordTimerFailure.function.functionArn],
      }),
    );
    Validations.of(this.stateMachine.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only what logging and tracing add: the logs:*LogDelivery, PutResourcePolicy, DescribeResourcePolicies ' +
        'and DescribeLogGroups actions and X-Ray PutTraceSegments, PutTelemetryRecords and GetSampling*, none of ' +
        'which supports resource-level permissions. test/infra checks no other action is granted on "*".',
    });

    scheduleTimers.function.addEnvironment('STATE_MACHINE_ARN', this.stateMachine.stateMachineArn);
    this.stateMachine.grantStartExecution(scheduleTimers.function);
    // Spelt out rather than grantExecution, whose ARN is cut from the state machine's at deploy time:
    // this one names the state machine by its Name attribute, which the acknowledgement can match.
    scheduleTimers.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:StopExecution'],
        resources: [
          Stack.of(this).formatArn({
            service: 'states',
            resource: 'execution',
            resourceName: `${this.stateMachine.stateMachineName}:*`,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        ],
      }),
    );
    Validations.of(scheduleTimers).acknowledge({
      id: executionWildcardFinding(this.stateMachine),
      reason:
        "StopExecution on this state machine's executions, <name>:*: a superseded timer's execution is " +
        'named at run time (case id and generation), and the wildcard reaches no other state machine.',
    });

    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetterQueue', 'the schedule-timers stream mapping');

    scheduleTimers.function.addEventSource(
      new DynamoEventSource(props.table, {
        // From the oldest record, so changes written while the mapping is created or paused still arm timers.
        startingPosition: StartingPosition.TRIM_HORIZON,
        // Each record costs at most a StartExecution and a StopExecution, well inside the function timeout.
        batchSize: 25,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 10,
        // The DLQ message only points into the stream (shard and sequence numbers), and the stream keeps
        // records for 24 hours: giving up at 12 leaves half a day to read the failed records back.
        maxRecordAge: Duration.hours(12),
        onFailure: new SqsDlq(this.deadLetterQueue),
        // Only case items carry timers; timeline entries, customers and counters never reach the function.
        filters: [
          FilterCriteria.filter({
            dynamodb: { Keys: { [caseTable.sortKey]: { S: FilterRule.isEqual(CASE_SORT_KEY) } } },
          }),
        ],
      }),
    );

    const fiveMinutes = Duration.minutes(5);
    const alarm = (name: string, metric: IMetric, threshold: number, description: string) =>
      props.alarms.notify(
        new Alarm(this, name, {
          metric,
          threshold,
          evaluationPeriods: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          // No executions or messages means no data, and nothing wrong.
          treatMissingData: TreatMissingData.NOT_BREACHING,
          alarmDescription: description,
        }),
      );
    // Aborted executions are not alarmed: stopping a superseded timer is how re-arming works.
    alarm(
      'ExecutionsFailedAlarm',
      this.stateMachine.metricFailed({ period: fiveMinutes, statistic: 'Sum' }),
      1,
      'A case timer could not be applied after every retry; the case timeline records it.',
    );
    alarm(
      'ExecutionsTimedOutAlarm',
      this.stateMachine.metricTimedOut({ period: fiveMinutes, statistic: 'Sum' }),
      1,
      'A case timer reached the one-year limit of a Standard execution before it fired.',
    );
    alarm(
      'DeadLetterQueueAlarm',
      this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
      1,
      'Case changes could not be synced to their timers: read the records back from the stream and redrive them.',
    );
    alarm(
      'ScheduleTimersErrorsAlarm',
      scheduleTimers.function.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
      1,
      'The schedule-timers function failed a whole invocation.',
    );
    alarm(
      'ScheduleTimersIteratorAgeAlarm',
      scheduleTimers.function.metric('IteratorAge', { period: fiveMinutes, statistic: 'Maximum' }),
      Duration.minutes(5).toMilliseconds(),
      'Timer changes are more than five minutes behind the table: timers are being armed late.',
    );

    const reconcileTimers = timerFunction('reconcile-timers', { TIMER_RECONCILE_MARGIN_SECONDS: String(RECONCILE_MARGIN.toSeconds()) });
    reconcileTimers.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [`${props.table.tableArn}/index/${PENDING_TIMERS_INDEX}`],
      }),
    );
    reconcileTimers.function.addToRolePolicy(
      new PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:PutItem'], resources: [props.table.tableArn] }),
    );
    new Rule(this, 'ReconcileSchedule', {
      description: 'Runs reconcile-timers: the safety net for timers whose execution failed or never started',
      schedule: Schedule.rate(RECONCILE_EVERY),
      // A missed run is made good by the next one five minutes later.
      targets: [new LambdaFunction(reconcileTimers.function, { retryAttempts: 2, maxEventAge: RECONCILE_EVERY })],
    });
    alarm(
      'ReconcileTimersErrorsAlarm',
      reconcileTimers.function.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
      1,
      'Overdue case timers could not be re-armed (is the table reachable?); the next run tries again.',
    );

    this.functions = {
      'fire-timer': fireTimer,
      'record-timer-failure': recordTimerFailure,
      'schedule-timers': scheduleTimers,
      'reconcile-timers': reconcileTimers,
    };
  }
}

const RECONCILE_EVERY = Duration.minutes(5);
const RECONCILE_MARGIN = Duration.seconds(DEFAULT_TIMER_RECONCILE_MARGIN_SECONDS);
const PENDING_TIMERS_INDEX = caseTable.indexes.find((index) => index.partitionKey === 'gsi4pk')!.name;

/** The sort key every case item has, and no other item. */
const CASE_SORT_KEY = keys.case('').sk;

/** cdk-nag names a finding after the template reference it saw: `<LogicalId.Attr>`, `<AWS::Region>`. */
function executionWildcardFinding(stateMachine: StateMachine): string {
  const logicalId = Stack.of(stateMachine).getLogicalId(stateMachine.node.defaultChild as CfnElement);
  return `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:<${logicalId}.Name>:*]`;
}
