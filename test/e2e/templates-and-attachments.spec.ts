import { expect, test } from '@playwright/test';
import { callApi, customerWrites, expectAccessible, signIn } from './console-helpers.ts';

const replyBox = /Reply to the customer|Odpowiedź do klienta/;

test('an agent replies from a template filled in for the case, with a file attached, and can download it again', async ({ page }) => {
  const templateId = `courier-${Date.now()}`;
  await signIn(page, /Ola/);
  const saved = await callApi(page, 'PUT', `/templates/${templateId}`, {
    kind: 'reply', language: 'en', name: 'Courier asked', body: 'Dear {{customer_name}}, we asked the courier about case {{case_number}}.',
  });
  expect(saved.status).toBe(201);
  const subject = `Missing parcel (${Date.now()})`;
  await customerWrites(subject, 'The parcel never came.', { from: 'Jan Kowalski <jan.kowalski@example.com>' });

  await page.goto('/console/queues/to-assign');
  await page.getByRole('link', { name: subject }).click();
  const number = (await page.locator('#case-title .number').textContent())!.replace('#', '');
  await page.getByLabel(replyBox).fill('Hello. ');
  await page.getByLabel(/^(Template|Szablon)/).selectOption({ label: 'Courier asked (en)' });
  await expect(page.getByLabel(replyBox)).toHaveValue(`Hello. Dear Jan Kowalski, we asked the courier about case ${number}.`);

  await page.getByLabel(/^(Attach files|Dołącz pliki)/).setInputFiles({ name: 'label.txt', mimeType: 'text/plain', buffer: Buffer.from('Tracking number PL123') });
  await expect(page.getByRole('list', { name: /Attached files|Dołączone pliki/ })).toContainText(/label\.txt .*(attached|dołączony)/);
  await expectAccessible(page);
  await page.getByRole('button', { name: /^(Send reply|Wyślij odpowiedź)$/ }).click();

  const reply = page.locator('.entry-reply', { hasText: 'we asked the courier' });
  await expect(reply.getByRole('button', { name: 'label.txt' })).toBeVisible();
  await expect(page.getByRole('list', { name: /Attached files|Dołączone pliki/ })).toHaveCount(0);
  const download = page.waitForEvent('download');
  await reply.getByRole('button', { name: 'label.txt' }).click();
  expect((await download).suggestedFilename()).toBe('label.txt');
});

test("an agent sets the tenant's own status, sees the queues' counts, and their language and time zone follow them to another browser", async ({ browser, page }) => {
  const subject = `Server room too warm (${Date.now()})`;
  await customerWrites(subject, 'The air conditioning stopped.');
  await signIn(page, /Ewa/, '/console/queues/to-assign');
  await expect(page.locator('[data-queue-count="to-assign"]')).toHaveText(/^[1-9]\d*\+?$/);
  await page.getByRole('link', { name: subject }).click();
  await page.getByRole('button', { name: /^(Claim|Weź sprawę)$/ }).click();
  await expect(page.getByRole('button', { name: /^(Claim|Weź sprawę)$/ })).toHaveCount(0);
  // Starting a reply puts the case in progress, the status "Przekazane do działu IT" is a label of.
  await page.getByLabel(replyBox).fill('Checking with the facilities team.');
  await expect(page.locator('.facts')).toContainText('OPEN');

  await page.getByText(/^(Edit fields|Edytuj pola)$/).click();
  await page.locator('.field-editor').getByLabel(/^Status/).selectOption({ label: 'Przekazane do działu IT' });
  await page.locator('.field-editor').getByRole('button', { name: /^(Save changes|Zapisz zmiany)$/ }).click();
  await expect(page.locator('.facts')).toContainText('Przekazane do działu IT');
  await page.getByRole('link', { name: /^(My cases|Moje sprawy)( \d+\+?)?$/ }).click();
  await expect(page.locator('[data-queue-count="mine"]')).toHaveText(/^[1-9]\d*\+?$/);
  await expect(page.getByRole('link', { name: subject })).toBeVisible();

  await page.getByText(/^(Preferences|Ustawienia)$/).click();
  await page.getByLabel(/^(Language|Język)/).selectOption('en');
  await page.getByLabel(/^(Time zone|Strefa czasowa)/).selectOption('America/New_York');
  await expect(page.getByRole('link', { name: /^My cases/ })).toBeVisible();
  await expectAccessible(page);

  const elsewhere = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  const other = await elsewhere.newPage();
  await signIn(other, /Ewa/, '/console/queues/mine');
  await expect(other.getByRole('link', { name: /^My cases/ })).toBeVisible();
  await other.getByText('Preferences').click();
  await expect(other.getByLabel(/^Time zone/)).toHaveValue('America/New_York');
  await elsewhere.close();
});
