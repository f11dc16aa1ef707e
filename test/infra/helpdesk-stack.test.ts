import { App, Validations } from 'aws-cdk-lib';
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
});
