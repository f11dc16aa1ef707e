import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { BUSY_CASE_RETRY } from '../../functions/shared/retry-on-conflict.ts';
import { FUNCTION_TIMEOUT_SECONDS } from '../../lib/handler-function.ts';
import { HelpdeskStack } from '../../lib/helpdesk-stack.ts';
import { BUCKET_NOTIFICATIONS_HANDLER } from '../../lib/mail-inbound.ts';
import { loadTenantConfig } from '../../lib/tenant-config.ts';
import { BUCKET_DEPLOYMENT_HANDLER } from '../../lib/web-hosting.ts';

interface Statement {
  Action: string | string[];
  Resource: unknown;
}

describe('HandlerFunction', () => {
  let template: Template;
  // CDK's own deploy-time functions, which set the mail bucket's notification and upload the console, are not ours.
  const ours = (id: string) =>
    ![BUCKET_NOTIFICATIONS_HANDLER, BUCKET_DEPLOYMENT_HANDLER].some((handler) => id.startsWith(handler.replace(/\W/g, '')));
  const handlerFunctions = () =>
    Object.entries(template.findResources('AWS::Lambda::Function'))
      .filter(([id]) => ours(id))
      .map(([, resource]) => resource);

  beforeAll(() => {
    const app = new App({ context: { ...cdkJson.context, tenant: 'acme', 'aws:cdk:bundling-stacks': [] } });
    template = Template.fromStack(new HelpdeskStack(app, 'Helpdesk-acme', { config: loadTenantConfig(app) }));
  });

  it('pins every function to nodejs24.x on arm64 with the house limits and active tracing', () => {
    const functions = handlerFunctions();

    expect(functions.length).toBeGreaterThan(0);
    for (const { Properties } of functions) {
      expect(Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 512,
        Timeout: FUNCTION_TIMEOUT_SECONDS,
        TracingConfig: { Mode: 'Active' },
      });
    }
  });

  it('leaves a busy-case command time to answer after its last retry, inside the HTTP API timeout', () => {
    const lastAttemptMayStartBy = BUSY_CASE_RETRY.budgetMs / 1000;
    expect(FUNCTION_TIMEOUT_SECONDS - lastAttemptMayStartBy).toBeGreaterThanOrEqual(5);
    expect(FUNCTION_TIMEOUT_SECONDS).toBeLessThan(30);
  });

  it("gives every function source maps, its Powertools service, the tenant settings and the portal's address", () => {
    const functions = handlerFunctions();

    for (const { Properties } of functions) {
      // The timer and mail functions' own variables are checked in case-timers.test.ts and mail-*.test.ts,
      // the agent directory's (USER_POOL_ID), the customer pool's (CUSTOMER_POOL_ID) and the link secret's
      // (CASE_LINK_SECRET_ARN) in http-api.test.ts.
      const own = [
        'STATE_MACHINE_ARN', 'TIMER_RECONCILE_MARGIN_SECONDS', 'MAIL_CONFIG', 'MAIL_BUCKET', 'SES_CONFIGURATION_SET', 'USER_POOL_ID', 'CUSTOMER_POOL_ID', 'CASE_LINK_SECRET_ARN',
      ];
      const names = Object.keys(Properties.Environment.Variables).filter((name) => !own.includes(name));
      expect(names.sort()).toEqual([
        'NODE_OPTIONS',
        'PORTAL_URL',
        'POWERTOOLS_LOG_LEVEL',
        'POWERTOOLS_SERVICE_NAME',
        'TABLE_NAME',
        'TENANT_SETTINGS',
      ]);
      expect(Properties.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(JSON.parse(Properties.Environment.Variables.TENANT_SETTINGS)).toMatchObject({ feedbackWindow: 'P5D' });
    }
  });

  it("sends each function's logs to its own log group", () => {
    const functions = handlerFunctions();
    const logGroups = Object.keys(template.findResources('AWS::Logs::LogGroup'));

    for (const { Properties } of functions) {
      expect(logGroups).toContain(Properties.LoggingConfig.LogGroup.Ref);
    }
  });

  it("keeps every log group for the tenant's retention", () => {
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup'));

    expect(logGroups.length).toBeGreaterThan(0);
    for (const { Properties } of logGroups) {
      expect(Properties.RetentionInDays).toBe(365);
    }
  });

  it("attaches no AWS managed policy to any role but CDK's bucket-notification function's (its IAM4 acknowledgement says why)", () => {
    const roles = Object.entries(template.findResources('AWS::IAM::Role'))
      .filter(([id]) => ours(id))
      .map(([, resource]) => resource);

    for (const { Properties } of roles) {
      expect(Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('grants functions nothing but X-Ray on "*", the one wildcard the IAM5 acknowledgement covers', () => {
    const functionRoles = handlerFunctions().map(({ Properties }) => Properties.Role['Fn::GetAtt'][0]);
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter(({ Properties }) => Properties.Roles.some((role: { Ref: string }) => functionRoles.includes(role.Ref)))
      .flatMap(({ Properties }) => Properties.PolicyDocument.Statement as Statement[]);

    const onEverything = statements.filter((s) => s.Resource === '*' || (Array.isArray(s.Resource) && s.Resource.includes('*')));

    expect(new Set(onEverything.flatMap((s) => s.Action))).toEqual(new Set(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']));
  });
});
