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

test('a signed-in customer moves their account to a new address, which the link mailed there confirms', async ({ page, request }) => {
  const email = `jan-${Date.now()}@customer.example`;
  const moved = `jan.nowy-${Date.now()}@customer.example`;
  await request.post('/public/intake', { data: { name: 'Jan Nowak', email, subject: 'Where is my parcel?', message: 'Ordered last week.', language: 'en' } });
  const [activation] = await mailsTo(email);
  const token = /\/activate#([A-Za-z0-9_-]+)/.exec(activation!)![1]!;
  await request.post('/public/activation', { headers: { 'x-activation-token': token }, data: { password: PASSWORD, passwordAgain: PASSWORD, acceptTerms: true } });

  await page.goto('/portal/settings');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const section = page.getByRole('region', { name: 'E-mail address' });
  await expect(section).toContainText(email);
  await section.getByLabel('New e-mail address').fill(moved);
  await section.getByRole('button', { name: 'Send the confirmation link' }).click();
  await expect(section.getByRole('status')).toContainText(`We sent a link to ${moved}`);
  await expectAccessible(page);

  const [confirmation] = await mailsTo(moved);
  const link = /\/portal\/confirm-email#[A-Za-z0-9_-]+/.exec(confirmation!)![0];
  const elsewhere = await page.context().browser()!.newContext({ locale: 'en-GB' });
  const phone = await elsewhere.newPage();
  await phone.goto(link);
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Confirm your new e-mail address');
  await expectAccessible(phone);
  await phone.getByRole('button', { name: 'Confirm the address' }).click();
  await expect(phone.getByRole('status')).toHaveText(`Done: your account's address is now ${moved}. Sign in with it from now on.`);
  await expectAccessible(phone);
  await screenshot(phone, 'portal-confirm-email');
  await phone.reload();
  await phone.getByRole('button', { name: 'Confirm the address' }).click();
  await expect(phone.getByRole('alert')).toHaveText('This link was used already: the address is changed.');
  await elsewhere.close();

  await page.reload();
  await expect(page.getByRole('region', { name: 'E-mail address' })).toContainText(moved);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('E-mail').fill(moved);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Your account' })).toBeVisible();
});
