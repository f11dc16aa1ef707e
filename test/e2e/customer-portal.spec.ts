import { expect, test } from '@playwright/test';
import { expectAccessible, mailsTo, screenshot, signIn } from './console-helpers.ts';

const PASSWORD = 'Kot-na-dachu-7';

test("the \"5 ways\" flow in the browser: form → activation mail → registration → the agent answers → the customer sees it in the portal, cancels, finds it in the archive", async ({
  page,
  browser,
  request,
}) => {
  const email = `anna-${Date.now()}@customer.example`;
  const subject = `Invoice for October is missing (${Date.now()})`;
  const submitted = await request.post('/public/intake', { data: { name: 'Anna Nowak', email, subject, message: 'I paid on the 3rd.', language: 'en' } });
  expect(submitted.status()).toBe(202);
  const [mail] = await mailsTo(email);
  const link = /https?:\/\/\S+\/activate#[A-Za-z0-9_-]+/.exec(mail!)![0];

  const customerSide = await browser.newContext({ locale: 'en-GB' });
  const customer = await customerSide.newPage();
  await customer.goto(link.replace(/^http:\/\/localhost:\d+/, ''));
  await expect(customer.getByRole('heading', { name: 'Activate your case' })).toBeVisible();
  await customer.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await customer.getByLabel('Password again').fill('Kot-na-dachu-8');
  await customer.getByRole('button', { name: 'Register and activate' }).click();
  await expect(customer.getByText('the two passwords differ')).toBeVisible();
  await customer.getByLabel('Password again').fill(PASSWORD);
  await customer.getByRole('button', { name: 'Register and activate' }).click();
  await expect(customer.getByText('the terms must be accepted to register')).toBeVisible();
  await expect(customer.getByText('the two passwords differ')).toHaveCount(0);
  await expectAccessible(customer);
  await screenshot(customer, 'portal-registration');
  await customer.getByLabel('I accept the terms of service').check();
  await customer.getByRole('button', { name: 'Register and activate' }).click();
  await expect(customer.getByRole('heading', { name: /^Case #\d+ is with our team$/ })).toBeVisible();
  const caseNumber = /#(\d+)/.exec((await customer.getByRole('heading', { level: 1 }).textContent())!)![1];

  await signIn(page, /Ala/, '/console/queues/to-assign');
  await page.getByRole('link', { name: subject }).click();
  await page.getByRole('button', { name: /^(Claim|Weź sprawę)$/ }).click();
  await page.getByRole('tab', { name: /^(Reply|Odpowiedź)$/ }).click();
  await page.getByLabel(/Reply to the customer|Odpowiedź do klienta/).fill('The invoice is attached to your account now.');
  await page.getByRole('button', { name: /^(Send reply|Wyślij odpowiedź)$/ }).click();
  await expect(page.locator('.entry-reply', { hasText: 'attached to your account' })).toBeVisible();

  await customer.getByRole('link', { name: 'Go to my cases' }).click();
  await expect(customer.getByRole('heading', { name: 'Sign in to your cases' })).toBeVisible();
  await customer.getByLabel('E-mail').fill(email);
  await customer.getByLabel('Password').fill('Wrong-password-1');
  await customer.getByRole('button', { name: 'Sign in' }).click();
  await expect(customer.getByRole('alert')).toHaveText('That e-mail and password do not match an account.');
  await customer.getByLabel('Password').fill(PASSWORD);
  await customer.getByRole('button', { name: 'Sign in' }).click();
  await expect(customer.getByRole('heading', { name: 'My cases' })).toBeVisible();
  const row = customer.getByRole('row', { name: new RegExp(subject.replace(/[()]/g, '\\$&')) });
  await expect(row).toContainText(`#${caseNumber}`);
  await expect(row).toContainText('Answer received');
  await expect(customer.getByRole('navigation', { name: 'Your cases' })).toHaveCount(0);
  await expectAccessible(customer);
  await screenshot(customer, 'portal-my-cases');

  await customer.getByRole('link', { name: subject }).click();
  await expect(customer.locator('.entry-helpdesk', { hasText: 'attached to your account' })).toBeVisible();
  await customer.getByLabel('Write to us').fill('Thank you, I have it.');
  await customer.getByRole('button', { name: 'Send' }).click();
  await expect(customer.getByRole('status')).toHaveText('Thank you, we have your message.');
  await expectAccessible(customer);
  await screenshot(customer, 'portal-case');
  customer.once('dialog', (dialog) => void dialog.accept());
  await customer.getByRole('button', { name: 'Cancel this case' }).click();
  await expect(customer.getByText('Status: Closed')).toBeVisible();
  await expect(customer.getByRole('button', { name: 'Cancel this case' })).toHaveCount(0);

  await customer.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'My cases' }).click();
  await expect(customer.getByText('You have no open cases.')).toBeVisible();
  await customer.getByRole('link', { name: 'Archive' }).click();
  await expect(customer.getByRole('row', { name: new RegExp(`#${caseNumber}`) })).toContainText('Closed');
  await expectAccessible(customer);

  await page.reload();
  await expect(page.locator('.entry-inbound_message', { hasText: 'Thank you, I have it.' })).toBeVisible();
  await customerSide.close();
});
