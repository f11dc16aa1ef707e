import { defineConfig } from 'vitest/config';

/** Tests whose subject is timing under load (bursts, a database killed and restarted): each runs alone, last. */
const ALONE = [
  'test/integration/bursts.test.ts',
  'test/integration/mail-bursts.test.ts',
  'test/integration/in-memory-restart.test.ts',
  'test/integration/local-parity.test.ts',
  'test/integration/timer-reconcile.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], env: { POWERTOOLS_LOG_LEVEL: 'SILENT' }, sequence: { groupOrder: 0 } } },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000, sequence: { groupOrder: 0 } } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: ALONE,
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration-alone',
          include: ALONE,
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
