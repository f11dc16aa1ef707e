import { expect, test } from '@playwright/test';
import { customerWrites, expectAccessible, screenshot, signIn } from './console-helpers.ts';

test('a customer opens their case from its public link, sees only the public conversation, and writes back; a replaced link stops working', async ({
  page,
  browser,
}) => {
  const subject = `Router keeps rebooting (${Date.now()})`;
  await customerWrites(subject, 'It restarts every ten minutes.');
  await signIn(page, /Ala/, '/console/queues/to-assign');
  await page.getByRole('link', { name: subject }).click();
  await page.getByRole('button', { name: /^(Claim|Weź sprawę)$/ }).click();
  await page.getByRole('tab', { name: /^(Note|Notatka)$/ }).click();
  await page.getByLabel(/Private note|Notatka prywatna/).fill('INTERNAL: firmware 2.1 is known to do this');
  await page.getByRole('button', { name: /^(Add note|Dodaj notatkę)$/ }).click();
  await expect(page.locator('.entry-note', { hasText: 'firmware 2.1' })).toBeVisible();
  await page.getByRole('tab', { name: /^(Reply|Odpowiedź)$/ }).click();
  await page.getByLabel(/Reply to the customer|Odpowiedź do klienta/).fill('Please update the firmware to 2.2; it fixes the restarts.');
  await page.getByLabel(/^(Attach files|Dołącz pliki)/).setInputFiles({ name: 'update-steps.txt', mimeType: 'text/plain', buffer: Buffer.from('1. Download 2.2') });
  await expect(page.getByRole('list', { name: /Attached files|Dołączone pliki/ })).toContainText(/attached|dołączony/);
  await page.getByRole('button', { name: /^(Send reply|Wyślij odpowiedź)$/ }).click();
  await expect(page.locator('.entry-reply', { hasText: 'firmware to 2.2' })).toBeVisible();

  await page.getByText(/^(Customer’s link|Link dla klienta)$/).click();
  const linkField = page.locator('.public-link input');
  await expect(linkField).toHaveValue(/\/portal\/link#[A-Za-z0-9_-]{70}$/);
  const link = await linkField.inputValue();

  const customerSide = await browser.newContext({ locale: 'en-GB' });
  const customer = await customerSide.newPage();
  await customer.goto(link);
  await expect(customer.getByRole('heading', { level: 1 })).toContainText(subject);
  await expect(customer.getByText('Answer received')).toBeVisible();
  await expect(customer.locator('.entry-helpdesk', { hasText: 'firmware to 2.2' })).toBeVisible();
  await expect(customer.locator('.entry-customer', { hasText: 'It restarts every ten minutes.' })).toBeVisible();
  await expect(customer.getByText('firmware 2.1')).toHaveCount(0);
  const download = customer.waitForEvent('download');
  await customer.getByRole('button', { name: 'update-steps.txt' }).click();
  expect((await download).suggestedFilename()).toBe('update-steps.txt');
  await expectAccessible(customer);
  await screenshot(customer, 'portal-case-link');

  await customer.getByLabel('Write to us').fill('Updated, it has been stable for an hour. Thank you!');
  await customer.getByRole('button', { name: 'Send' }).click();
  await expect(customer.getByRole('status')).toHaveText('Thank you, we have your message.');
  await expect(customer.locator('.entry-customer', { hasText: 'stable for an hour' })).toBeVisible();

  await page.reload();
  await expect(page.locator('.entry-inbound_message', { hasText: 'stable for an hour' })).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByText(/^(Customer’s link|Link dla klienta)$/).click();
  await page.getByRole('button', { name: /^(Replace link|Zmień link)$/ }).click();
  await expect(linkField).not.toHaveValue(link);
  await expect(page.locator('.entry-system', { hasText: 'the earlier public link no longer works' })).toBeVisible();

  await customer.reload();
  await expect(customer.getByRole('heading', { name: 'This link does not open a case' })).toBeVisible();
  await expectAccessible(customer);
  await customerSide.close();
});
