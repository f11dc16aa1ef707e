import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, mailsTo, screenshot } from './console-helpers.ts';

/** The demo tenant site that `npm start` serves on an origin of its own; /widget/demo leads there. */
async function openDemoSite(page: Page): Promise<void> {
  await page.goto('/widget/demo');
  await expect(page.getByRole('heading', { name: 'Contact us' })).toBeVisible();
}

test("a customer writes in through the widget on the tenant's own site: checked in the browser, then by the API, then the activation mail", async ({
  page,
  baseURL,
}) => {
  const email = `jan-${Date.now()}@customer.example`;
  await openDemoSite(page);
  expect(new URL(page.url()).origin).not.toBe(new URL(baseURL!).origin);
  const opener = page.getByRole('button', { name: 'Write to us' });
  // The shop styles every button in capitals on a dashed border: not the widget's.
  await expect(opener).toHaveCSS('text-transform', 'none');
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Write to us' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  const honeypot = page.locator('helpdesk-widget input[name=website]');
  await expect(honeypot).toHaveAttribute('tabindex', '-1');
  await expect(honeypot).not.toBeInViewport();
  await expectAccessible(page);

  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Please correct the marked fields.');
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await expect(dialog.getByLabel('Subject')).toHaveAccessibleDescription('Enter a subject.');
  await expectAccessible(page);

  await dialog.getByLabel('Name').fill('Jan Kowalski');
  await dialog.getByLabel('E-mail').fill('jan@customer');
  await dialog.getByLabel('Subject').fill('The lawnmower arrived without its blade');
  await dialog.getByLabel('Message').fill('Order 2231, delivered on Monday.');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog.getByLabel('E-mail')).toHaveAccessibleDescription(/invalid email/i);
  await expect(dialog.getByLabel('E-mail')).toBeFocused();
  await expect(dialog.getByLabel('Subject')).not.toHaveAttribute('aria-invalid');
  await expectAccessible(page);
  await screenshot(page, 'widget');

  await dialog.getByLabel('E-mail').fill(email);
  const sent = page.waitForRequest((request) => request.url().endsWith('/public/intake') && request.method() === 'POST');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog.getByRole('status')).toContainText('Check your e-mail: activate your case');
  expect((await sent).postDataJSON()).toEqual({
    name: 'Jan Kowalski',
    email,
    subject: 'The lawnmower arrived without its blade',
    message: 'Order 2231, delivered on Monday.',
    externalCustomerId: 'C-1042',
    language: 'en',
    channel: 'widget',
    website: '',
  });
  await expectAccessible(page);
  const [mail] = await mailsTo(email);
  expect(mail).toMatch(/\/portal\/activate#[A-Za-z0-9_-]+/);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await opener.click();
  await expect(dialog.getByLabel('Name')).toHaveValue('');
});

test('in Polish, the widget says when an address has sent too many forms in an hour', async ({ page, request }) => {
  const email = `zajety-${Date.now()}@customer.example`;
  for (let i = 0; i < 5; i++) {
    const answer = await request.post('/public/intake', { data: { name: 'Ewa', email, subject: `Pytanie ${i}`, message: 'Treść.' } });
    expect(answer.status()).toBe(202);
  }
  await openDemoSite(page);
  await page.locator('helpdesk-widget').evaluate((widget) => widget.setAttribute('language', 'pl'));

  await page.getByRole('button', { name: 'Napisz do nas' }).click();
  const dialog = page.getByRole('dialog', { name: 'Napisz do nas' });
  await dialog.getByLabel('Imię i nazwisko').fill('Ewa Zając');
  await dialog.getByLabel('E-mail').fill(email);
  await dialog.getByLabel('Telefon (opcjonalnie)').fill('+48 600 100 200');
  await dialog.getByLabel('Temat').fill('Szóste pytanie');
  await dialog.getByLabel('Wiadomość').fill('Jeszcze jedno.');
  await dialog.getByRole('button', { name: 'Wyślij' }).click();

  await expect(dialog.getByRole('alert')).toHaveText('Zbyt wiele wiadomości z tego adresu e-mail. Spróbuj ponownie za godzinę.');
  await dialog.getByRole('button', { name: 'Zamknij' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Napisz do nas' })).toBeFocused();
});
