import { App, type CfnElement, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { HelpdeskStack } from '../../lib/helpdesk-stack.ts';
import { loadTenantConfig } from '../../lib/tenant-config.ts';

describe('HelpdeskStack', () => {
  it.each(Object.keys(cdkJson.context.tenants))('passes the AWS Solutions checks for the %s tenant', (tenant) => {
    const app = new App({ context: { ...cdkJson.context, tenant, 'aws:cdk:bundling-stacks': [] } });
    new HelpdeskStack(app, `Helpdesk-${tenant}`, { config: loadTenantConfig(app) });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    const synth = () => app.synth();

    expect(synth).not.toThrow();
  });

  it('sends every alarm and its recovery to the alarm topic', () => {
    const app = new App({ context: { ...cdkJson.context, tenant: 'acme', 'aws:cdk:bundling-stacks': [] } });
    const stack = new HelpdeskStack(app, 'Helpdesk-acme', { config: loadTenantConfig(app) });
    const topic = { Ref: stack.getLogicalId(stack.alarms.topic.node.defaultChild as CfnElement) };

    const alarms = Object.entries(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm'));

    expect(alarms.length).toBeGreaterThan(0);
    for (const [id, { Properties }] of alarms) {
      expect({ id, actions: Properties.AlarmActions, ok: Properties.OKActions }).toEqual({ id, actions: [topic], ok: [topic] });
    }
  });
});
