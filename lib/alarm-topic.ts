import { ArnFormat, CfnOutput, Stack } from 'aws-cdk-lib';
import type { AlarmBase } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface AlarmTopicProps {
  /** Each address is subscribed; SNS mails it nothing until its owner confirms the subscription. */
  readonly emails: readonly string[];
}

/** Where the stack's alarms go: one encrypted SNS topic per tenant, mailed to the tenant's operators. */
export class AlarmTopic extends Construct {
  public readonly topic: Topic;
  public readonly key: Key;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);

    const cloudWatch = new ServicePrincipal('cloudwatch.amazonaws.com');

    this.key = new Key(this, 'Key', {
      description: `Encrypts the alarm topic of ${Stack.of(this).stackName}`,
      enableKeyRotation: true,
    });
    // SNS encrypts a message with the topic's key on the publisher's behalf, so the publisher, CloudWatch, must
    // be allowed to use the key. The AWS-managed alias/aws/sns key does not allow it, and its policy cannot be
    // changed: alarms on a topic encrypted with it are dropped, with only a line in the alarm history to say so.
    // Not conditioned on the source alarm: the key encrypts this topic alone, and a condition CloudWatch's KMS
    // call did not carry would drop every alarm silently too.
    this.key.grant(cloudWatch, 'kms:Decrypt', 'kms:GenerateDataKey*');

    this.topic = new Topic(this, 'Topic', { masterKey: this.key, enforceSSL: true });
    // enforceSSL gives the topic a policy of its own, which replaces the default one under which the account's
    // alarms could publish: without this statement every alarm action fails with "not authorized".
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowAlarmsToPublish',
        principals: [cloudWatch],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          ArnLike: {
            'aws:SourceArn': Stack.of(this).formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );

    for (const email of props.emails) {
      this.topic.addSubscription(new EmailSubscription(email));
    }

    this.action = new SnsAction(this.topic);

    // A plain output name, for scripts that read the stack's outputs.
    new CfnOutput(this, 'Arn', { value: this.topic.topicArn }).overrideLogicalId('AlarmTopicArn');
  }

  /** Publishes the alarm's ALARM and OK transitions, so a recovery is reported as well as the trouble. */
  public notify(alarm: AlarmBase): void {
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
  }
}
