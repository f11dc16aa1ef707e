import { expect, test } from '@playwright/test';
import { expectAccessible, mailsTo, screenshot, signIn } from './console-helpers.ts';

const PASSWORD = 'Kot-na-dachu-7';

test('a signed-in customer writes a new case straight to their expert, fills in invoice data, changes the password, and deletes the account', async ({ page, browser, request }) => {
  const email = `ola-${Date.now()}@customer.example`;
  const subject = `Order 1042 arrived damaged (${Date.now()})`;
  await request.post('/public/intake', { data: { name: 'Ola Wiśniewska', email, subject, message: 'The box was crushed.', language: 'en' } });
  const [mail] = await mailsTo(email);
  const token = /\/activate#([A-Za-z0-9_-]+)/.exec(mail!)![1]!;
  const activated = await request.post('/public/activation', {
    headers: { 'x-activation-token': token },
    data: { password: PASSWORD, passwordAgain: PASSWORD, acceptTerms: true },
  });
  expect(activated.status()).toBe(201);

  await signIn(page, /Ewa/, '/console/queues/to-assign');
  await page.getByRole('link', { name: subject }).click();
  await page.getByRole('button', { name: /^(Claim|Weź sprawę)$/ }).click();
  await expect(page.getByRole('button', { name: /^(Claim|Weź sprawę)$/ })).toHaveCount(0);

  const customerSide = await browser.newContext({ locale: 'en-GB' });
  const customer = await customerSide.newPage();
  await customer.goto('/portal/');
  await customer.getByLabel('E-mail').fill(email);
  await customer.getByLabel('Password').fill(PASSWORD);
  await customer.getByRole('button', { name: 'Sign in' }).click();
  const nav = customer.getByRole('navigation', { name: 'Your account' });
  await nav.getByRole('link', { name: 'New case' }).click();
  await expect(customer.getByLabel('Expert')).toHaveValue('agent-ewa');
  await expect(customer.getByRole('option', { name: 'Ewa (agent)' })).toHaveCount(1);
  await customer.getByLabel('Subject').fill('Can I get a replacement?');
  await customer.getByLabel('Message').fill('Same order, I would like a new one instead of a refund.');
  await expectAccessible(customer);
  await customer.getByRole('button', { name: 'Send' }).click();
  await expect(customer.getByRole('heading', { level: 1 })).toContainText('Can I get a replacement?');

  await page.goto('/console/queues/mine');
  await expect(page.getByRole('link', { name: 'Can I get a replacement?' })).toBeVisible();

  await nav.getByRole('link', { name: 'Settings' }).click();
  await customer.getByLabel('Phone').fill('+48 600 123 456');
  await customer.getByLabel('I want invoices').check();
  await customer.getByLabel('Company or full name').fill('Wiśniewska Design');
  await customer.getByLabel('Street and number').fill('ul. Lipowa 7');
  await customer.getByLabel('Postal code').fill('30-001');
  await customer.getByLabel('City').fill('Kraków');
  await customer.getByLabel('Country code (e.g. PL)').fill('Poland');
  await customer.getByRole('button', { name: 'Save' }).click();
  await expect(customer.locator('#invoice-country-issue')).toBeVisible();
  await customer.getByLabel('Country code (e.g. PL)').fill('PL');
  await customer.getByRole('button', { name: 'Save' }).click();
  await expect(customer.getByRole('status')).toHaveText('Your settings are saved.');
  await customer.getByLabel('Current password').fill('Not-my-password-1');
  await customer.getByLabel('New password').fill('Nowe-haslo-2026');
  await customer.getByLabel('Password again').fill('Nowe-haslo-2026');
  await customer.getByRole('button', { name: 'Change password' }).click();
  await expect(customer.getByRole('alert')).toHaveText('The current password is not right.');
  await customer.getByLabel('Current password').fill(PASSWORD);
  await customer.getByRole('button', { name: 'Change password' }).click();
  await expect(customer.getByText('Your password is changed.')).toBeVisible();
  await expectAccessible(customer);
  await screenshot(customer, 'portal-settings');

  customer.once('dialog', (dialog) => void dialog.accept());
  await customer.getByRole('button', { name: 'Delete my account' }).click();
  await expect(customer.getByText('Your account is deleted. Thank you for writing to us.')).toBeVisible();
  await customer.goto('/portal/');
  await customer.getByLabel('E-mail').fill(email);
  await customer.getByLabel('Password').fill('Nowe-haslo-2026');
  await customer.getByRole('button', { name: 'Sign in' }).click();
  await expect(customer.getByRole('alert')).toHaveText('That e-mail and password do not match an account.');

  await page.getByRole('link', { name: 'Can I get a replacement?' }).click();
  await expect(page.getByText(email)).toHaveCount(0);
  await customerSide.close();
});
