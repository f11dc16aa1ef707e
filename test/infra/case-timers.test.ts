import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { keys } from '../../functions/store/keys.ts';
import { caseTable } from '../../functions/store/table-definition.ts';
import { CASE_TIMER_ASL, type TimerFunction } from '../../lib/case-timers.ts';
import { HelpdeskStack } from '../../lib/helpdesk-stack.ts';
import { loadTenantConfig } from '../../lib/tenant-config.ts';

interface Statement {
  Action: string | string[];
  Resource: unknown;
}

const STREAM_READ_ACTIONS = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];

describe('CaseTimers', () => {
  let stack: HelpdeskStack;
  let template: Template;
  let assemblyDirectory: string;
  const logicalId = (element: unknown) => stack.getLogicalId(element as CfnElement);
  const getAtt = (element: unknown, attribute: string) => ({ 'Fn::GetAtt': [logicalId(element), attribute] });
  const functionOf = (name: TimerFunction) => stack.timers.functions[name].function;
  const stateMachine = () => Object.values(template.findResources('AWS::StepFunctions::StateMachine'))[0]?.Properties;
  const statementsOf = (role: unknown) =>
    Object.values(template.findResources('AWS::IAM::Policy'))
      .filter(({ Properties }) => JSON.stringify(Properties.Roles).includes(`"${logicalId(role)}"`))
      .flatMap(({ Properties }) => Properties.PolicyDocument.Statement as Statement[]);
  const actionsOf = (name: TimerFunction) => statementsOf(functionOf(name).role?.node.defaultChild).flatMap((s) => s.Action);
  const alarmOn = (metricName: string) =>
    Object.values(template.findResources('AWS::CloudWatch::Alarm')).find(({ Properties }) => Properties.MetricName === metricName)
      ?.Properties;

  beforeAll(() => {
    const app = new App({ context: { ...cdkJson.context, tenant: 'acme', 'aws:cdk:bundling-stacks': [] } });
    stack = new HelpdeskStack(app, 'Helpdesk-acme', { config: loadTenantConfig(app) });
    const assembly = app.synth();
    assemblyDirectory = assembly.directory;
    template = Template.fromJSON(assembly.getStackByName(stack.stackName).template);
  });

  it('is a Standard state machine with X-Ray tracing and full logs kept for the tenant retention', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: true,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('StateMachineLogs'), 'Arn'] } } }],
      },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/vendedlogs/states/Helpdesk-acme-case-timer',
      RetentionInDays: 365,
    });
  });

  it('has a substitution for every placeholder of the ASL file, and no other', () => {
    const placeholders = [...readFileSync(CASE_TIMER_ASL, 'utf8').matchAll(/\$\{([^}]+)\}/g)].map((match) => match[1]);

    const substituted = Object.keys(stateMachine()?.DefinitionSubstitutions ?? {});

    expect(substituted.sort()).toEqual([...new Set(placeholders)].sort());
  });

  it('deploys the ASL file unchanged, its tasks invoking the fire-timer and record-timer-failure functions', () => {
    const { DefinitionS3Location, DefinitionSubstitutions } = stateMachine() ?? {};
    const deployed = readFileSync(join(assemblyDirectory, `asset.${DefinitionS3Location.Key}`), 'utf8');

    const tasks = Object.entries(JSON.parse(deployed).States as Record<string, { Type: string; Resource?: string }>)
      .filter(([, state]) => state.Type === 'Task')
      .map(([name, state]) => [name, DefinitionSubstitutions[/^\$\{(.+)\}$/.exec(state.Resource ?? '')?.[1] ?? '']]);

    expect(deployed).toBe(readFileSync(CASE_TIMER_ASL, 'utf8'));
    expect(Object.fromEntries(tasks)).toEqual({
      FireTimer: getAtt(functionOf('fire-timer').node.defaultChild, 'Arn'),
      RecordFailure: getAtt(functionOf('record-timer-failure').node.defaultChild, 'Arn'),
    });
  });

  it('lets the state machine invoke only its two task functions, unqualified', () => {
    const statements = statementsOf(stack.timers.stateMachine.role.node.defaultChild);

    const invoke = statements.filter((s) => s.Action === 'lambda:InvokeFunction');

    expect(invoke).toEqual([
      expect.objectContaining({
        Resource: [
          getAtt(functionOf('fire-timer').node.defaultChild, 'Arn'),
          getAtt(functionOf('record-timer-failure').node.defaultChild, 'Arn'),
        ],
      }),
    ]);
  });

  it('grants the state machine nothing on "*" but log delivery and X-Ray, as its IAM5 acknowledgement says', () => {
    const statements = statementsOf(stack.timers.stateMachine.role.node.defaultChild);

    const onEverything = statements.filter((s) => s.Resource === '*').flatMap((s) => s.Action);

    expect(new Set(onEverything)).toEqual(
      new Set([
        'logs:CreateLogDelivery',
        'logs:DeleteLogDelivery',
        'logs:DescribeLogGroups',
        'logs:DescribeResourcePolicies',
        'logs:GetLogDelivery',
        'logs:ListLogDeliveries',
        'logs:PutResourcePolicy',
        'logs:UpdateLogDelivery',
        'xray:GetSamplingRules',
        'xray:GetSamplingTargets',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ]),
    );
  });

  it('feeds schedule-timers from the table stream, case items only, a failed record bisected and then sent to the DLQ', () => {
    const mapping = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'))
      .map(({ Properties }) => Properties)
      .find(({ FunctionName }) => FunctionName.Ref === logicalId(functionOf('schedule-timers').node.defaultChild));

    const patterns = mapping?.FilterCriteria.Filters.map(({ Pattern }: { Pattern: string }) => JSON.parse(Pattern));

    expect(patterns).toEqual([{ dynamodb: { Keys: { [caseTable.sortKey]: { S: [keys.case('any').sk] } } } }]);
    expect(mapping).toMatchObject({
      FunctionName: { Ref: logicalId(functionOf('schedule-timers').node.defaultChild) },
      EventSourceArn: getAtt(stack.cases.table.node.defaultChild, 'StreamArn'),
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 10,
      DestinationConfig: { OnFailure: { Destination: getAtt(stack.timers.deadLetterQueue.node.defaultChild, 'Arn') } },
    });
    // Discarded records must reach the DLQ while the stream (24 hours) still holds them.
    expect(mapping?.MaximumRecordAgeInSeconds).toBeLessThan(24 * 60 * 60);
  });

  it('keeps dead letters 14 days, encrypted, over TLS only', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 60 * 60 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: [Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })],
      },
    });
  });

  it.each([
    ['ExecutionsFailed', 'AWS/States', 1],
    ['ExecutionsTimedOut', 'AWS/States', 1],
    ['ApproximateNumberOfMessagesVisible', 'AWS/SQS', 1],
    ['Errors', 'AWS/Lambda', 1],
    ['IteratorAge', 'AWS/Lambda', 300_000],
  ])('alarms on %s', (metricName, namespace, threshold) => {
    const alarm = alarmOn(metricName);

    expect(alarm).toMatchObject({ Namespace: namespace, Threshold: threshold, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });

  it('does not alarm on aborted executions: stopping a superseded timer is normal', () => {
    const alarm = alarmOn('ExecutionsAborted');

    expect(alarm).toBeUndefined();
  });

  it("lets schedule-timers start this state machine's executions and stop them, read the stream, and get and put items (a related case's end)", () => {
    const statements = statementsOf(functionOf('schedule-timers').role?.node.defaultChild);

    const dynamodb = statements.flatMap((s) => s.Action).filter((action) => action.startsWith('dynamodb:'));

    expect(statements).toEqual(
      expect.arrayContaining([
        { Action: 'states:StartExecution', Effect: 'Allow', Resource: { Ref: logicalId(stack.timers.stateMachine.node.defaultChild) } },
        {
          Action: 'states:StopExecution',
          Effect: 'Allow',
          Resource: {
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                ':states:',
                { Ref: 'AWS::Region' },
                ':',
                { Ref: 'AWS::AccountId' },
                ':execution:',
                getAtt(stack.timers.stateMachine.node.defaultChild, 'Name'),
                ':*',
              ],
            ],
          },
        },
      ]),
    );
    expect(dynamodb.sort()).toEqual([...STREAM_READ_ACTIONS, 'dynamodb:GetItem', 'dynamodb:PutItem'].sort());
  });

  it.each(['fire-timer', 'record-timer-failure'] as const)('lets %s get and put table items, and start nothing', (name) => {
    const statements = statementsOf(functionOf(name).role?.node.defaultChild);

    const dynamodb = statements.filter((s) => JSON.stringify(s.Action).includes('dynamodb:'));

    expect(dynamodb).toEqual([
      expect.objectContaining({
        Action: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        Resource: getAtt(stack.cases.table.node.defaultChild, 'Arn'),
      }),
    ]);
    expect(actionsOf(name).filter((action) => action.startsWith('states:'))).toEqual([]);
  });

  it('tells schedule-timers which state machine to start, and no other function', () => {
    const functions = Object.entries(template.findResources('AWS::Lambda::Function'));

    const withArn = functions.filter(([, { Properties }]) => 'STATE_MACHINE_ARN' in (Properties.Environment?.Variables ?? {}));

    expect(withArn.map(([id]) => id)).toEqual([logicalId(functionOf('schedule-timers').node.defaultChild)]);
    expect(withArn[0]?.[1].Properties.Environment.Variables).toMatchObject({
      STATE_MACHINE_ARN: { Ref: logicalId(stack.timers.stateMachine.node.defaultChild) },
      TABLE_NAME: { Ref: logicalId(stack.cases.table.node.defaultChild) },
    });
  });

  it('runs reconcile-timers every 5 minutes, re-arming timers 10 minutes overdue', () => {
    const rules = Object.values(template.findResources('AWS::Events::Rule')).filter(({ Properties }) => Properties.ScheduleExpression);

    expect(rules).toHaveLength(1);
    expect(rules[0]?.Properties).toMatchObject({
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      Targets: [expect.objectContaining({ Arn: getAtt(functionOf('reconcile-timers').node.defaultChild, 'Arn') })],
    });
    const variables = template.toJSON().Resources[logicalId(functionOf('reconcile-timers').node.defaultChild)].Properties.Environment.Variables;
    expect(variables.TIMER_RECONCILE_MARGIN_SECONDS).toBe('600');
  });

  it('lets reconcile-timers query only the pending-timers index, and get and put table items', () => {
    const statements = statementsOf(functionOf('reconcile-timers').role?.node.defaultChild);

    const dynamodb = statements.filter((s) => JSON.stringify(s.Action).includes('dynamodb:'));

    expect(dynamodb).toEqual([
      expect.objectContaining({
        Action: 'dynamodb:Query',
        Resource: { 'Fn::Join': ['', [getAtt(stack.cases.table.node.defaultChild, 'Arn'), '/index/gsi4']] },
      }),
      expect.objectContaining({ Action: ['dynamodb:GetItem', 'dynamodb:PutItem'], Resource: getAtt(stack.cases.table.node.defaultChild, 'Arn') }),
    ]);
  });

  it('alarms when reconcile-timers fails', () => {
    const alarm = Object.values(template.findResources('AWS::CloudWatch::Alarm')).find(
      ({ Properties }) =>
        Properties.MetricName === 'Errors' &&
        JSON.stringify(Properties.Dimensions).includes(logicalId(functionOf('reconcile-timers').node.defaultChild)),
    );

    expect(alarm?.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });
});
