import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { createTransport } from 'nodemailer';
import PostalMime from 'postal-mime';
import { E2E_SES_PORT, E2E_SMTP_PORT } from '../../playwright.config.ts';

export const MAILBOX = 'support@demo.helpdesk.example';

/** A customer writes in: the mail goes through the local SMTP listener and becomes a case. */
export async function customerWrites(subject: string, text: string, options: { from?: string; html?: string } = {}): Promise<void> {
  const transport = createTransport({ host: '127.0.0.1', port: E2E_SMTP_PORT, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ from: options.from ?? 'jan.kowalski@example.com', to: MAILBOX, subject, text, ...(options.html ? { html: options.html } : {}) });
  } finally {
    transport.close();
  }
}

/** The text of the mails the helpdesk sent to an address, oldest first, once `count` are there; `sesPort` for a helpdesk of a spec's own. */
export async function mailsTo(address: string, count = 1, sesPort = E2E_SES_PORT): Promise<string[]> {
  const outbox = `http://127.0.0.1:${sesPort}/outbox`;
  let texts: string[] = [];
  await expect
    .poll(async () => {
      const listing = (await (await fetch(outbox)).json()) as { messages: { messageId: string; to: string[]; sentAt: string }[] };
      const mine = listing.messages.filter((m) => m.to.includes(address)).sort((a, b) => a.sentAt.localeCompare(b.sentAt));
      texts = await Promise.all(mine.map(async (m) => (await PostalMime.parse(await (await fetch(`${outbox}/${m.messageId}.eml`)).text())).text ?? ''));
      return texts.length;
    })
    .toBeGreaterThanOrEqual(count);
  return texts;
}

/** Opens the console and signs in on the local sign-in page as one of the listed accounts. */
export async function signIn(page: Page, account: RegExp, path = '/console/'): Promise<void> {
  await page.goto(path);
  await page.getByRole('button', { name: account }).click();
  await expect(page.getByRole('navigation', { name: /queues|kolejki/i })).toBeVisible();
}

/**
 * No WCAG 2 A/AA violation on the screen as it is now. Sandboxed frames are left out: they hold
 * customers' e-mails, where nothing may run, axe included (it would wait for them forever).
 */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).exclude('iframe[sandbox]').analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** With SCREENSHOTS=<folder> (npm run screenshots), the run records the main screens for the docs. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
}

/**
 * Calls the API as the account signed in on the page, for what the console has no screen for
 * (an admin's templates) or what a test only sets up: the request goes from the page, with its own session.
 */
export async function callApi<T = any>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const token = sessionStorage.getItem('helpdesk.token');
      const response = await fetch(path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? null : JSON.parse(text) };
    },
    { method, path, body },
  );
}
