import { expect, test } from '@playwright/test';
import { expectAccessible, mailsTo, signIn } from './console-helpers.ts';
import { type OwnHelpdesk, startOwnHelpdesk } from './own-helpdesk.ts';

/**
 * The demo tenant's auto-close period (cdk.json: P3D) at 0.00012 of real time: 31 s after the answer.
 * From the answer to the customer's last look at the answered case took 7.5 s on a busy 2-core machine;
 * at twice that on a slow CI machine the timer is still 15 s away when the customer sees the case answered,
 * and the test idles only some 20 s more for the timer (about 50 s in all, plus 20 s to start the helpdesk).
 */
const TIME_SCALE = 0.00012;
const AUTO_CLOSE_MS = 3 * 24 * 3600 * 1000 * TIME_SCALE;
/** Clear of the shared e2e helpdesk (4173, 2626, 2727), of `npm start`'s defaults (4000, 2525) and of the ports browsers refuse (4190 is one). */
const PORTS = { port: 4180, smtpPort: 2680, sesPort: 2780, demoPort: 4181 };
const PASSWORD = 'Kot-na-dachu-7';
const SEEN_BEFORE_AUTO_CLOSE = 'the answered case, before the timer closes it (closed already: this machine needs a larger TIME_SCALE)';

test.use({ baseURL: `http://127.0.0.1:${PORTS.port}` });

let helpdesk: OwnHelpdesk;
test.beforeAll(async () => {
  helpdesk = await startOwnHelpdesk({ ...PORTS, timeScale: TIME_SCALE });
});
test.afterAll(async () => helpdesk?.stop());

test('the "5 ways" flow through the browser apps, to the end: widget form → activation → "to assign" → claimed → answered by mail with the link → ANSWER RECEIVED → auto-closed by the timer → archive', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000 + AUTO_CLOSE_MS);
  const email = `ola-${Date.now()}@customer.example`;
  const subject = `The mower's blade is missing (${Date.now()})`;
  const answer = 'A blade is on its way to you, delivered tomorrow.';

  await page.goto('/widget/demo');
  await page.getByRole('button', { name: 'Write to us' }).click();
  const form = page.getByRole('dialog', { name: 'Write to us' });
  await form.getByLabel('Name').fill('Ola Lis');
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Subject').fill(subject);
  await form.getByLabel('Message').fill('Order 2240 came without it.');
  await form.getByRole('button', { name: 'Send' }).click();
  await expect(form.getByRole('status')).toContainText('Check your e-mail: activate your case');

  const [activationMail] = await mailsTo(email, 1, PORTS.sesPort);
  const customerSide = await browser.newContext({ locale: 'en-GB', baseURL });
  const customer = await customerSide.newPage();
  await customer.goto(pathOf(/https?:\/\/\S+\/activate#[A-Za-z0-9_-]+/.exec(activationMail!)![0]));
  await customer.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await customer.getByLabel('Password again').fill(PASSWORD);
  await customer.getByLabel('I accept the terms of service').check();
  await customer.getByRole('button', { name: 'Register and activate' }).click();
  await expect(customer.getByRole('heading', { name: /^Case #\d+ is with our team$/ })).toBeVisible();
  const caseNumber = /#(\d+)/.exec((await customer.getByRole('heading', { level: 1 }).textContent())!)![1];

  await signIn(page, /Ala/, '/console/queues/to-assign');
  await page.getByRole('link', { name: subject }).click();
  const claim = page.getByRole('button', { name: /^(Claim|Weź sprawę)$/ });
  await claim.click();
  await expect(claim).toHaveCount(0);
  await page.getByRole('tab', { name: /^(Reply|Odpowiedź)$/ }).click();
  await page.getByLabel(/Reply to the customer|Odpowiedź do klienta/).fill(answer);
  await page.getByRole('button', { name: /^(Send reply|Wyślij odpowiedź)$/ }).click();
  await expect(page.locator('.entry-reply', { hasText: answer })).toBeVisible();

  const [, replyMail] = await mailsTo(email, 2, PORTS.sesPort);
  expect(replyMail).toContain(answer);
  expect(replyMail).not.toContain('{{');
  const caseLink = new RegExp(`http://localhost:${PORTS.port}/portal/link#[A-Za-z0-9_-]{70}`).exec(replyMail!)?.[0];
  expect(caseLink, 'the reply mail carries the case link').toBeDefined();

  await customer.goto(pathOf(caseLink!));
  await expect(customer.getByRole('heading', { level: 1 })).toContainText(`#${caseNumber}`);
  await expect(customer.getByText('Status: Answer received'), SEEN_BEFORE_AUTO_CLOSE).toBeVisible();
  await expect(customer.locator('.entry-helpdesk', { hasText: answer })).toBeVisible();
  await expectAccessible(customer);

  await customer.goto('/portal/');
  await customer.getByLabel('E-mail').fill(email);
  await customer.getByLabel('Password').fill(PASSWORD);
  await customer.getByRole('button', { name: 'Sign in' }).click();
  await expect(customer.getByRole('row', { name: new RegExp(`#${caseNumber}`) }), SEEN_BEFORE_AUTO_CLOSE).toContainText('Answer received');
  await expectAccessible(customer);

  await expect(async () => {
    await customer.reload();
    await expect(customer.getByText('You have no open cases.')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: AUTO_CLOSE_MS + 15_000, intervals: [1_000] });
  await customer.getByRole('link', { name: 'Archive' }).click();
  await expect(customer.getByRole('row', { name: new RegExp(`#${caseNumber}`) })).toContainText('Closed');
  await expectAccessible(customer);
  await customerSide.close();
});

/** A link the helpdesk mailed (on its `localhost` address), opened on this origin so the tab keeps one session. */
function pathOf(link: string): string {
  const url = new URL(link);
  return `${url.pathname}${url.hash}`;
}
