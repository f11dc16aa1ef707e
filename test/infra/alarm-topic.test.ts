import { App, type CfnElement, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Alarm, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { AlarmTopic } from '../../lib/alarm-topic.ts';

const EMAILS = ['ops@example.com', 'oncall@example.com'];

describe('AlarmTopic', () => {
  let stack: Stack;
  let alarms: AlarmTopic;
  let template: Template;
  const ref = (element: unknown) => ({ Ref: stack.getLogicalId(element as CfnElement) });
  const keyArn = () => ({ 'Fn::GetAtt': [stack.getLogicalId(alarms.key.node.defaultChild as CfnElement), 'Arn'] });
  const topicStatements = () =>
    Object.values(template.findResources('AWS::SNS::TopicPolicy')).flatMap(({ Properties }) => Properties.PolicyDocument.Statement);

  beforeAll(() => {
    stack = new Stack(new App(), 'Helpdesk-test');
    alarms = new AlarmTopic(stack, 'Alarms', { emails: EMAILS });
    const alarm = new Alarm(stack, 'Alarm', {
      metric: new Metric({ namespace: 'Test', metricName: 'Errors', period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
    });
    alarms.notify(alarm);
    template = Template.fromStack(stack);
  });

  it('encrypts the topic with its own key, rotated and kept when the stack goes', () => {
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ EnableKeyRotation: true }) });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: keyArn() });
  });

  it('lets CloudWatch use the key, which the AWS-managed SNS key would not', () => {
    const [key] = Object.values(template.findResources('AWS::KMS::Key'));

    const forCloudWatch = key?.Properties.KeyPolicy.Statement.filter(
      (statement: any) => statement.Principal?.Service === 'cloudwatch.amazonaws.com',
    );

    expect(forCloudWatch).toEqual([
      { Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*' },
    ]);
  });

  it('refuses publishing without TLS', () => {
    const statements = topicStatements();

    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Principal: '*',
        Action: 'sns:Publish',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
  });

  it("lets the account's alarms publish, since the topic's own policy replaces the default one", () => {
    const statements = topicStatements();

    const allowed = statements.filter((statement: any) => statement.Effect === 'Allow');

    expect(allowed).toEqual([
      expect.objectContaining({
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: ref(alarms.topic.node.defaultChild),
        Condition: {
          ArnLike: {
            'aws:SourceArn': {
              'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudwatch:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':alarm:*']],
            },
          },
        },
      }),
    ]);
  });

  it('subscribes each address by e-mail, once', () => {
    const subscriptions = Object.values(template.findResources('AWS::SNS::Subscription')).map(({ Properties }) => Properties);

    expect(subscriptions).toHaveLength(EMAILS.length);
    expect(subscriptions).toEqual(
      EMAILS.map((email) => ({ Protocol: 'email', Endpoint: email, TopicArn: ref(alarms.topic.node.defaultChild) })),
    );
  });

  it('reports both the alarm and the recovery of a notified alarm', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [ref(alarms.topic.node.defaultChild)],
      OKActions: [ref(alarms.topic.node.defaultChild)],
    });
  });

  it('outputs the topic ARN as AlarmTopicArn', () => {
    template.hasOutput('AlarmTopicArn', { Value: ref(alarms.topic.node.defaultChild) });
  });
});
