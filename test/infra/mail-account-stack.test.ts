import { App, type CfnElement, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { INBOUND_RULE_SET_NAME, MailAccountStack } from '../../lib/mail-account-stack.ts';

interface Statement {
  Action: string | string[];
  Resource: unknown;
}

/** A custom resource's SDK call: JSON in the template, the rule set's Ref spliced in with Fn::Join. */
function sdkCall(value: unknown, ruleSetRef: unknown): unknown {
  if (typeof value === 'string') return JSON.parse(value);
  const [, parts] = (value as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
  const placeholder = (part: unknown) => (JSON.stringify(part) === JSON.stringify(ruleSetRef) ? '<rule set>' : '<other>');
  return JSON.parse(parts.map((part) => (typeof part === 'string' ? part : placeholder(part))).join(''));
}

describe('MailAccountStack', () => {
  let stack: MailAccountStack;
  let template: Template;

  beforeAll(() => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    stack = new MailAccountStack(app, 'HelpdeskMailAccount');
    template = Template.fromStack(stack);
  });

  it('creates the shared receipt rule set under its fixed name, kept when the stack is deleted', () => {
    template.hasResource('AWS::SES::ReceiptRuleSet', {
      Properties: { RuleSetName: INBOUND_RULE_SET_NAME },
      DeletionPolicy: 'Retain',
    });
  });

  it('activates the rule set on create and update, and deactivates it on delete', () => {
    const ruleSet = { Ref: stack.getLogicalId(stack.ruleSet.node.defaultChild as CfnElement) };
    const [resource] = Object.values(template.findResources('Custom::AWS')).map(({ Properties }) => Properties);

    const calls = {
      create: sdkCall(resource?.Create, ruleSet),
      update: sdkCall(resource?.Update, ruleSet),
      delete: sdkCall(resource?.Delete, ruleSet),
    };

    const activate = { service: 'SES', action: 'setActiveReceiptRuleSet', parameters: { RuleSetName: '<rule set>' } };
    expect(calls).toEqual({
      create: expect.objectContaining(activate),
      update: expect.objectContaining(activate),
      delete: { service: 'SES', action: 'setActiveReceiptRuleSet' },
    });
    expect(resource?.InstallLatestAwsSdk).toBe(false);
  });

  it('lets the activating function do nothing but set the active rule set and write its own logs', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      ({ Properties }) => Properties.PolicyDocument.Statement as Statement[],
    );

    const actions = statements.flatMap((s) => [s.Action].flat());

    expect(actions.sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents', 'ses:SetActiveReceiptRuleSet']);
    template.resourceCountIs('AWS::IAM::Role', 1);
    expect(JSON.stringify(template.findResources('AWS::IAM::Role'))).not.toContain('ManagedPolicyArns');
  });

  it('passes the AWS Solutions checks', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    new MailAccountStack(app, 'HelpdeskMailAccount');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    const synth = () => app.synth();

    expect(synth).not.toThrow();
  });
});
