import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { defaultTenantSettings } from '../../functions/domain/tenant-settings.ts';
import { loadTenantConfig } from '../../lib/tenant-config.ts';

const load = (context: Record<string, unknown>) => loadTenantConfig(new App({ context }));
const withTenant = (config: unknown) => ({ tenant: 'bad', tenants: { bad: config } });

describe('loadTenantConfig', () => {
  it.each(Object.keys(cdkJson.context.tenants))('accepts the %s tenant shipped in cdk.json', (tenant) => {
    const context = { ...cdkJson.context, tenant };

    const config = load(context);

    expect(config.name).toBe(tenant);
  });

  it('loads the demo tenant, defaults but its mail and the choices agents pick from, when no tenant is chosen', () => {
    const context = { ...cdkJson.context };

    const config = load(context);

    expect(config).toEqual({
      name: 'demo',
      settings: { ...defaultTenantSettings(), ...cdkJson.context.tenants.demo.settings },
      logRetentionDays: 90,
      callbackUrls: ['http://localhost:3000/'],
      authDomainPrefix: 'helpdesk-demo',
      apiThrottle: { rateLimit: 100, burstLimit: 200 },
      alarmEmails: [],
      mail: cdkJson.context.tenants.demo.mail,
    });
  });

  it("keeps the acme tenant's own settings", () => {
    const context = { ...cdkJson.context, tenant: 'acme' };

    const { settings } = load(context);

    expect(settings).toMatchObject({
      assignmentPolicy: 'any_action',
      requireResolution: 'note_or_email',
      autoClosePeriod: 'P3D',
      feedbackWindow: 'P5D',
    });
    expect(settings.customStatuses.length).toBeGreaterThan(0);
    expect(settings.categories.length).toBeGreaterThan(0);
  });

  it.each([
    ['a month-long feedback window', { settings: { feedbackWindow: 'P1M' } }, 'tenants.bad.settings.feedbackWindow'],
    ['a misspelt setting', { settings: { autoclosePeriod: 'P3D' } }, 'tenants.bad.settings: Unrecognized key: "autoclosePeriod"'],
    [
      'a duplicate custom status',
      {
        settings: {
          customStatuses: [
            { id: 'x', label: 'X', systemStatus: 'new' },
            { id: 'x', label: 'Y', systemStatus: 'new' },
          ],
        },
      },
      'tenants.bad.settings.customStatuses.1.id',
    ],
    ['a retention CloudWatch does not offer', { logRetentionDays: 42 }, 'tenants.bad.logRetentionDays'],
    ['a plain-http callback off localhost', { callbackUrls: ['http://acme.example/cb'] }, 'tenants.bad.callbackUrls.0'],
    ['a reserved word in the auth domain', { authDomainPrefix: 'acme-cognito' }, 'tenants.bad.authDomainPrefix'],
    ['an unknown top-level key', { logRetention: 90 }, 'tenants.bad: Unrecognized key: "logRetention"'],
    ['an alarm address that is not an e-mail', { alarmEmails: ['ops@example.com', 'ops-at-example'] }, 'tenants.bad.alarmEmails.1'],
    [
      'more than ten alarm addresses',
      { alarmEmails: Array.from({ length: 11 }, (_, index) => `ops${index}@example.com`) },
      'tenants.bad.alarmEmails',
    ],
    [
      'the same alarm address twice',
      { alarmEmails: ['ops@example.com', 'Ops@Example.com'] },
      "tenants.bad.alarmEmails.1: duplicate address 'Ops@Example.com'",
    ],
  ])('rejects %s, naming the field', (_, config, path) => {
    const context = withTenant(config);

    const loading = () => load(context);

    expect(loading).toThrow(path);
  });

  it('rejects a tenant missing from the context, listing the known ones', () => {
    const context = { ...cdkJson.context, tenant: 'nope' };

    const loading = () => load(context);

    expect(loading).toThrow("Unknown tenant 'nope': add it to the \"tenants\" context in cdk.json (known: demo, acme)");
  });

  it.each(['Acme', 'a', '1acme', 'acme_corp'])('rejects the tenant name %j', (tenant) => {
    const context = { tenant, tenants: { [tenant]: {} } };

    const loading = () => load(context);

    expect(loading).toThrow('Invalid tenant name');
  });
});
