import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** Debian's Chromium, not a downloaded browser: `.ci/run` installs it with apt-get. */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(
    `The browser tests need Chromium at ${chromium}. Install it (Debian/Ubuntu: ` +
      '`sudo apt-get install --no-install-recommends chromium`) or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
}

export const E2E_PORT = 4173;
export const E2E_SMTP_PORT = 2626;
/** The local SES endpoint, whose /outbox lists the mail the helpdesk sent (activation links). */
export const E2E_SES_PORT = 2727;

/** One worker: the local helpdesk and the browser share a 2-core machine. */
export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    // Chromium's sandbox needs user namespaces, which CI containers running as root lack.
    launchOptions: { executablePath: chromium, args: ['--no-sandbox'] },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx tsx local/main.ts --in-memory --port ${E2E_PORT} --smtp-port ${E2E_SMTP_PORT} --ses-port ${E2E_SES_PORT}`,
    url: `http://127.0.0.1:${E2E_PORT}/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
