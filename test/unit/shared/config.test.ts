import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../functions/shared/config.ts';

describe('loadConfig', () => {
  it('reads the table and the tenant settings, with defaults', () => {
    const config = loadConfig({ TABLE_NAME: 'cases', TENANT_SETTINGS: '{"autoClosePeriod":"P5D"}' });

    expect(config.tableName).toBe('cases');
    expect(config.settings).toMatchObject({ autoClosePeriod: 'P5D', feedbackWindow: 'P3D' });
  });

  it('re-arms overdue timers after 10 minutes unless told otherwise', () => {
    expect(loadConfig({ TABLE_NAME: 'cases' }).timerReconcileMarginMs).toBe(600_000);
    expect(loadConfig({ TABLE_NAME: 'cases', TIMER_RECONCILE_MARGIN_SECONDS: '2.5' }).timerReconcileMarginMs).toBe(2_500);
  });

  it.each([
    [{ TABLE_NAME: 'cases', TIMER_RECONCILE_MARGIN_SECONDS: '0' }, /TIMER_RECONCILE_MARGIN_SECONDS/],
    [{ TENANT_SETTINGS: '{}' }, /TABLE_NAME/],
    [{ TABLE_NAME: 'cases', TENANT_SETTINGS: '{oops' }, /not JSON/],
    [{ TABLE_NAME: 'cases', TENANT_SETTINGS: '{"autoClosePeriod":"P1M"}' }, /TENANT_SETTINGS.autoClosePeriod/],
  ])('fails loudly on a bad environment %#', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
