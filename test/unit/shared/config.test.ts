import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../functions/shared/config.ts';

describe('loadConfig', () => {
  it('reads the table and the tenant settings, with defaults', () => {
    const config = loadConfig({ TABLE_NAME: 'cases', TENANT_SETTINGS: '{"autoClosePeriod":"P5D"}' });

    expect(config.tableName).toBe('cases');
    expect(config.settings).toMatchObject({ autoClosePeriod: 'P5D', feedbackWindow: 'P3D' });
  });

  it.each([
    [{ TENANT_SETTINGS: '{}' }, /TABLE_NAME/],
    [{ TABLE_NAME: 'cases', TENANT_SETTINGS: '{oops' }, /not JSON/],
    [{ TABLE_NAME: 'cases', TENANT_SETTINGS: '{"autoClosePeriod":"P1M"}' }, /TENANT_SETTINGS.autoClosePeriod/],
  ])('fails loudly on a bad environment %#', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
