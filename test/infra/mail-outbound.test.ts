import { marshall } from '@aws-sdk/util-dynamodb';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { addNote, addReply } from '../../functions/domain/conversation.ts';
import type { TimelineEntry } from '../../functions/domain/timeline.ts';
import { caseToItem, entryToItem } from '../../functions/store/items.ts';
import { HelpdeskStack } from '../../lib/helpdesk-stack.ts';
import { loadTenantConfig } from '../../lib/tenant-config.ts';
import { aCase, agent, ctx } from '../fixtures/cases.ts';

interface Statement {
  Action: string | string[];
  Resource: unknown;
}

/** EventBridge-style matching, as Lambda applies a filter: every key present, its value one of those listed. */
function matches(pattern: unknown, value: unknown): boolean {
  if (Array.isArray(pattern)) return pattern.includes(value);
  if (typeof pattern !== 'object' || pattern === null || typeof value !== 'object' || value === null) return false;
  return Object.entries(pattern).every(([key, inner]) => key in value && matches(inner, (value as Record<string, unknown>)[key]));
}

/** The stream record DynamoDB writes for an item, as the store puts it. */
const streamRecord = (eventName: 'INSERT' | 'MODIFY', item: Record<string, unknown>) => ({
  eventName,
  dynamodb: { NewImage: marshall(item, { removeUndefinedValues: true }) },
});

describe('MailOutbound', () => {
  let stack: HelpdeskStack;
  let template: Template;
  const outbound = () => stack.mail!.outbound;
  const logicalId = (element: unknown) => stack.getLogicalId(element as CfnElement);
  const getAtt = (element: unknown, attribute: string) => ({ 'Fn::GetAtt': [logicalId(element), attribute] });
  const sendMailId = () => logicalId(outbound().sendMail.handler.function.node.defaultChild);
  const statementsOf = (fn: 'sendMail' | 'mailEvents') =>
    Object.values(template.findResources('AWS::IAM::Policy'))
      .filter(({ Properties }) => JSON.stringify(Properties.Roles).includes(`"${logicalId(outbound()[fn].handler.function.role?.node.defaultChild)}"`))
      .flatMap(({ Properties }) => Properties.PolicyDocument.Statement as Statement[]);
  const sendMailMapping = () =>
    Object.values(template.findResources('AWS::Lambda::EventSourceMapping'))
      .map(({ Properties }) => Properties)
      .find(({ FunctionName }) => FunctionName.Ref === sendMailId());
  const filterPatterns = () => sendMailMapping()?.FilterCriteria.Filters.map(({ Pattern }: { Pattern: string }) => JSON.parse(Pattern));
  const passesFilter = (record: unknown) => filterPatterns().some((pattern: unknown) => matches(pattern, record));

  beforeAll(() => {
    const app = new App({ context: { ...cdkJson.context, tenant: 'acme', 'aws:cdk:bundling-stacks': [] } });
    stack = new HelpdeskStack(app, 'Helpdesk-acme', { config: loadTenantConfig(app) });
    template = Template.fromStack(stack);
  });

  it('publishes the delivery events of its configuration set to the default event bus', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', { Name: 'helpdesk-acme' });

    const [destination] = Object.values(template.findResources('AWS::SES::ConfigurationSetEventDestination')).map(({ Properties }) => Properties);

    expect(destination?.EventDestination.MatchingEventTypes.sort()).toEqual(
      ['bounce', 'complaint', 'delivery', 'deliveryDelay', 'reject', 'renderingFailure', 'send'].sort(),
    );
    expect(JSON.stringify(destination?.EventDestination.EventBridgeDestination.EventBusArn)).toContain(':event-bus/default');
  });

  it("routes SES events of this tenant's configuration set, and no other, to mail-events", () => {
    const rule = Object.values(template.findResources('AWS::Events::Rule')).find(({ Properties }) => Properties.EventPattern)?.Properties;

    expect(rule).toMatchObject({
      EventPattern: { source: ['aws.ses'], detail: { mail: { tags: { 'ses:configuration-set': ['helpdesk-acme'] } } } },
      Targets: [expect.objectContaining({ Arn: getAtt(outbound().mailEvents.handler.function.node.defaultChild, 'Arn') })],
    });
  });

  it('feeds send-mail from the table stream, a failed record bisected, retried and then sent to its DLQ', () => {
    const mapping = sendMailMapping();

    expect(mapping).toMatchObject({
      EventSourceArn: getAtt(stack.cases.table.node.defaultChild, 'StreamArn'),
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: getAtt(outbound().deadLetterQueue.node.defaultChild, 'Arn') } },
    });
    // Discarded records must reach the DLQ while the stream (24 hours) still holds them.
    expect(mapping?.MaximumRecordAgeInSeconds).toBeLessThan(24 * 60 * 60);
  });

  it('invokes send-mail for a reply entry as the store writes it, still queued', () => {
    const { entries } = addReply(aCase({ status: 'in_progress', assigneeId: 'agent-ala' }), ctx(agent('agent-ala')), {
      text: 'Refund issued.',
      includeHistory: false,
    });
    const reply = entries.find((entry) => entry.type === 'reply')!;

    const passes = passesFilter(streamRecord('INSERT', entryToItem('case-1', reply)));

    expect(passes).toBe(true);
  });

  it.each([
    ['an update of the queued reply', 'MODIFY', 'queued'],
    ['a reply already sent', 'INSERT', 'sent'],
  ] as const)('does not invoke send-mail for %s', (_name, eventName, delivery) => {
    const { entries } = addReply(aCase({ status: 'in_progress', assigneeId: 'agent-ala' }), ctx(agent('agent-ala')), {
      text: 'Refund issued.',
      includeHistory: false,
    });
    const reply = { ...entries.find((entry) => entry.type === 'reply')!, delivery } as TimelineEntry;

    const passes = passesFilter(streamRecord(eventName, entryToItem('case-1', reply)));

    expect(passes).toBe(false);
  });

  it('does not invoke send-mail for notes or case items', () => {
    const c = aCase({ status: 'in_progress', assigneeId: 'agent-ala' });
    const { case: next, entries } = addNote(c, ctx(agent('agent-ala')), { text: 'Internal only' });

    const passing = [caseToItem(next), ...entries.map((entry) => entryToItem(c.id, entry))].filter((item) =>
      passesFilter(streamRecord('INSERT', item)),
    );

    expect(passing).toEqual([]);
  });

  it("lets send-mail send only as the tenant's domain identity and through its configuration set", () => {
    const ses = statementsOf('sendMail').filter((s) => JSON.stringify(s.Action).includes('ses:'));

    const resources = JSON.stringify(ses.map((s) => s.Resource));

    expect(ses).toHaveLength(1);
    expect(ses[0]?.Action).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    expect(ses[0]?.Resource).toHaveLength(2);
    expect(resources).toContain(':identity/mail.acme.example');
    expect(resources).toContain(`":configuration-set/",{"Ref":"${logicalId(outbound().configurationSet.node.defaultChild)}"}`);
  });

  it('grants no function of the stack any SES action on "*"', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      ({ Properties }) => Properties.PolicyDocument.Statement as Statement[],
    );

    const sesOnEverything = statements.filter(
      (s) => JSON.stringify(s.Action).includes('ses:') && JSON.stringify(s.Resource).includes('"*"'),
    );

    expect(sesOnEverything).toEqual([]);
  });

  it('lets send-mail read parsed/ (inbound attachments) and outbound/ of the mail bucket, and write nothing there', () => {
    const s3 = statementsOf('sendMail').filter((s) => JSON.stringify(s.Action).includes('s3:'));

    const prefixes = s3.flatMap((s) => [s.Resource].flat()).map((resource) => JSON.stringify(resource).match(/\/(\w+)\/\*"/)?.[1]);

    expect(s3.flatMap((s) => [s.Action].flat())).toEqual(['s3:GetObject']);
    expect(prefixes.sort()).toEqual(['outbound', 'parsed']);
  });

  it('tells send-mail the bucket and configuration set, and both functions the mail config', () => {
    const variables = (id: string) => template.toJSON().Resources[id].Properties.Environment.Variables;
    const mailEventsId = logicalId(outbound().mailEvents.handler.function.node.defaultChild);

    expect(variables(sendMailId())).toMatchObject({
      TABLE_NAME: { Ref: logicalId(stack.cases.table.node.defaultChild) },
      MAIL_BUCKET: { Ref: logicalId(stack.mail!.inbound.bucket.node.defaultChild) },
      SES_CONFIGURATION_SET: 'helpdesk-acme',
    });
    for (const id of [sendMailId(), mailEventsId]) {
      expect(JSON.parse(variables(id).MAIL_CONFIG)).toMatchObject({ domain: 'mail.acme.example' });
      expect(variables(id)).toHaveProperty('TENANT_SETTINGS');
    }
  });

  it.each([
    ['Errors', 'send-mail', 1],
    ['Errors', 'mail-events', 1],
    ['IteratorAge', 'send-mail', 300_000],
  ])('alarms on %s of %s', (metricName, name, threshold) => {
    const fn = name === 'send-mail' ? outbound().sendMail : outbound().mailEvents;

    const alarm = Object.values(template.findResources('AWS::CloudWatch::Alarm')).find(
      ({ Properties }) =>
        Properties.MetricName === metricName && JSON.stringify(Properties.Dimensions).includes(logicalId(fn.handler.function.node.defaultChild)),
    );

    expect(alarm?.Properties).toMatchObject({ Threshold: threshold, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });

  it("alarms when a reply lands in send-mail's DLQ", () => {
    const alarm = Object.values(template.findResources('AWS::CloudWatch::Alarm')).find(
      ({ Properties }) =>
        Properties.MetricName === 'ApproximateNumberOfMessagesVisible' &&
        JSON.stringify(Properties.Dimensions).includes(logicalId(outbound().deadLetterQueue.node.defaultChild)),
    );

    expect(alarm?.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });

  it('alarms when send-mail marks a reply failed, which it logs but does not fail on', () => {
    const [filter] = Object.values(template.findResources('AWS::Logs::MetricFilter'));
    expect(filter?.Properties).toMatchObject({
      LogGroupName: { Ref: logicalId(outbound().sendMail.handler.logGroup.node.defaultChild) },
      FilterPattern: '{ $.message = "reply delivery *" }',
    });
    const { MetricName, MetricNamespace } = filter!.Properties.MetricTransformations[0];

    const alarm = Object.values(template.findResources('AWS::CloudWatch::Alarm')).find(
      ({ Properties }) => Properties.MetricName === MetricName && Properties.Namespace === MetricNamespace,
    );

    expect(alarm?.Properties).toMatchObject({ Threshold: 1, Statistic: 'Sum', ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });

  it('keeps a delivery report mail-events could not take, from EventBridge or after its own retries, in an alarmed DLQ', () => {
    const queue = { 'Fn::GetAtt': [logicalId(outbound().deliveryReportsDeadLetterQueue.node.defaultChild), 'Arn'] };

    template.hasResourceProperties('AWS::Events::Rule', { Targets: [Match.objectLike({ DeadLetterConfig: { Arn: queue } })] });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: logicalId(outbound().mailEvents.handler.function.node.defaultChild) },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: queue } },
    });
    const alarm = Object.values(template.findResources('AWS::CloudWatch::Alarm')).find(
      ({ Properties }) =>
        Properties.MetricName === 'ApproximateNumberOfMessagesVisible' &&
        JSON.stringify(Properties.Dimensions).includes(logicalId(outbound().deliveryReportsDeadLetterQueue.node.defaultChild)),
    );
    expect(alarm?.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });
});
