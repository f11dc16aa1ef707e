import { RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ReceiptRuleSet } from 'aws-cdk-lib/aws-ses';
import { type AwsSdkCall, AwsCustomResource, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';

/** The receipt rule set every tenant stack of the account and region adds its rule to. */
export const INBOUND_RULE_SET_NAME = 'helpdesk-inbound';

/**
 * What SES receiving needs once per account and region: the receipt rule set, made the active one.
 * Only one rule set can be active per account and region, so tenants share it, each with a rule of
 * its own; this stack is deployed before the first tenant with mail.
 */
export class MailAccountStack extends Stack {
  public readonly ruleSet: ReceiptRuleSet;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    this.ruleSet = new ReceiptRuleSet(this, 'RuleSet', { receiptRuleSetName: INBOUND_RULE_SET_NAME });
    // Deleting a rule set deletes the tenants' rules in it: deleting this stack only deactivates it.
    this.ruleSet.applyRemovalPolicy(RemovalPolicy.RETAIN);

    // Our own role and log group, as for every function: the default role may write to any log group.
    const role = new Role(this, 'ActivateRuleSetRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    const logGroup = new LogGroup(this, 'ActivateRuleSetLogs', { retention: RetentionDays.THREE_MONTHS });
    logGroup.grantWrite(role);
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['ses:SetActiveReceiptRuleSet'], resources: ['*'] }));
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'ses:SetActiveReceiptRuleSet supports no resource-level permissions; it is the only action granted on "*".',
    });

    const activate: AwsSdkCall = {
      service: 'SES',
      action: 'setActiveReceiptRuleSet',
      parameters: { RuleSetName: this.ruleSet.receiptRuleSetName },
      physicalResourceId: PhysicalResourceId.of(`${INBOUND_RULE_SET_NAME}-active`),
    };
    new AwsCustomResource(this, 'ActivateRuleSet', {
      onCreate: activate,
      onUpdate: activate,
      // Without a name, SES deactivates whichever rule set is active: receiving stops for the account and region.
      onDelete: { service: 'SES', action: 'setActiveReceiptRuleSet' },
      role,
      logGroup,
      // The SDK in the Lambda runtime has the call; fetching a newer one would need the internet at deploy time.
      installLatestAwsSdk: false,
    });
  }
}
