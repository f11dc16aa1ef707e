import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, mailsTo, screenshot, signIn } from './console-helpers.ts';

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
  // The API refuses the domain-less address; the widget says so in its own words, in the page's language.
  await expect(dialog.getByLabel('E-mail')).toHaveAccessibleDescription('Enter an e-mail address such as anna@example.com.');
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

test('a customer attaches files in the widget, retries after a failed upload, activates, and the agent downloads them from the case', async ({
  page,
  browser,
}) => {
  const email = `maria-${Date.now()}@customer.example`;
  const subject = `The parcel came crushed (${Date.now()})`;
  const receipt = 'Order 2231, paid on 3 November.';
  await openDemoSite(page);
  await page.getByRole('button', { name: 'Write to us' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write to us' });
  await dialog.getByLabel('Name').fill('Maria Wiśniewska');
  await dialog.getByLabel('E-mail').fill(email);
  await dialog.getByLabel('Subject').fill(subject);
  await dialog.getByLabel('Message').fill('The box was crushed; photo and receipt attached.');
  const files = dialog.getByLabel('Files (optional)');
  await expect(files).toHaveAccessibleDescription('Up to 5 files, each at most 10 MB: PDF, images (PNG, JPEG, GIF, WebP), text, CSV, Word, Excel or ZIP.');
  await files.setInputFiles([
    { name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from(receipt) },
    { name: 'box.png', mimeType: 'image/png', buffer: Buffer.alloc(1536 * 1024, 1) },
    { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n') },
  ]);
  const chosen = dialog.getByRole('list', { name: 'Chosen files' }).getByRole('listitem');
  await expect(chosen).toHaveText([/^receipt\.txt \(1 kB\)/, /^box\.png \(1\.5 MB\)/, /^notes\.csv \(1 kB\)/]);
  // Taken out with the keyboard: focus stays in the field rather than falling out of the dialog.
  await dialog.getByRole('button', { name: 'Remove notes.csv' }).focus();
  await page.keyboard.press('Enter');
  await expect(chosen).toHaveCount(2);
  await expect(files).toBeFocused();
  await expectAccessible(page);

  // The first upload fails on its way to storage: the form names the file and keeps everything.
  const puts: string[] = [];
  const held: (() => void)[] = [];
  let storage: 'fail' | 'hold' = 'fail';
  await page.route('**/*', async (route) => {
    if (route.request().method() !== 'PUT') return route.fallback();
    puts.push(route.request().url());
    if (storage === 'fail') return route.abort();
    await new Promise<void>((done) => held.push(done));
    return route.fallback();
  });
  const releaseUpload = async () => {
    await expect.poll(() => held.length).toBe(1);
    held.shift()!();
  };
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('“receipt.txt” could not be uploaded. Please try again in a moment.');
  await expect(dialog.getByLabel('Subject')).toHaveValue(subject);
  await expect(chosen).toHaveCount(2);
  await expectAccessible(page);

  // Sent again: the progress names each file, and nothing can change while it goes.
  storage = 'hold';
  const sent = page.waitForRequest((request) => request.url().endsWith('/public/intake') && request.method() === 'POST');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Uploading “receipt.txt” (1 of 2)…');
  await expect(dialog.getByRole('button', { name: 'Sending…' })).toHaveAttribute('aria-disabled', 'true');
  await expect(files).toBeDisabled();
  await expect(dialog.getByRole('alert')).toHaveText('');
  await releaseUpload();
  await expect(dialog.getByRole('status')).toHaveText('Uploading “box.png” (2 of 2)…');
  await releaseUpload();
  await expect(dialog.getByRole('status')).toContainText('Check your e-mail: activate your case');
  await page.unroute('**/*');
  expect(puts).toHaveLength(3);
  const body = (await sent).postDataJSON();
  expect(body.attachments).toEqual([
    { key: expect.any(String), filename: 'receipt.txt', contentType: 'text/plain', size: receipt.length },
    { key: expect.any(String), filename: 'box.png', contentType: 'image/png', size: 1536 * 1024 },
  ]);
  await expectAccessible(page);

  const [mail] = await mailsTo(email);
  const link = /https?:\/\/\S+\/activate#[A-Za-z0-9_-]+/.exec(mail!)![0];
  const customerSide = await browser.newContext({ locale: 'en-GB' });
  const customer = await customerSide.newPage();
  await customer.goto(link.replace(/^http:\/\/localhost:\d+/, ''));
  await customer.getByLabel('Password', { exact: true }).fill('Kot-na-dachu-7');
  await customer.getByLabel('Password again').fill('Kot-na-dachu-7');
  await customer.getByLabel('I accept the terms of service').check();
  await customer.getByRole('button', { name: 'Register and activate' }).click();
  await expect(customer.getByRole('heading', { name: /^Case #\d+ is with our team$/ })).toBeVisible();
  await customerSide.close();

  await signIn(page, /Ala/, '/console/queues/to-assign');
  await page.getByRole('link', { name: subject }).click();
  const message = page.locator('.entry-inbound_message', { hasText: 'The box was crushed' });
  await expect(message.getByRole('button', { name: 'box.png' })).toBeVisible();
  const download = page.waitForEvent('download');
  await message.getByRole('button', { name: 'receipt.txt' }).click();
  expect((await download).suggestedFilename()).toBe('receipt.txt');
  expect(readFileSync((await (await download).path())!, 'utf8')).toBe(receipt);
});

test('the widget refuses a file of another type, a too large one and more than five, says why, and sends nothing', async ({ page }) => {
  const calls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/public/')) calls.push(`${request.method()} ${request.url()}`);
  });
  await openDemoSite(page);
  await page.getByRole('button', { name: 'Write to us' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write to us' });
  const files = dialog.getByLabel('Files (optional)');
  const chosen = dialog.getByRole('list', { name: 'Chosen files' }).getByRole('listitem');

  await files.setInputFiles([
    { name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') },
    { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 1) },
  ]);
  await expect(dialog.locator('#files-issue')).toHaveText(
    '“setup.exe” was not attached: files of this type are not accepted. “scan.pdf” was not attached: it is larger than 10 MB.',
  );
  await expect(files).toHaveAccessibleDescription(/“setup\.exe” was not attached: files of this type are not accepted\./);
  await expect(chosen).toHaveCount(0);
  await expectAccessible(page);

  await files.setInputFiles(['1', '2', '3', '4', '5', '6'].map((n) => ({ name: `page-${n}.txt`, mimeType: 'text/plain', buffer: Buffer.from(n) })));
  await expect(chosen).toHaveCount(5);
  await expect(chosen.last()).toContainText('page-5.txt');
  await expect(dialog.locator('#files-issue')).toHaveText('At most 5 files can be attached; the rest were not.');

  await page.locator('helpdesk-widget').evaluate((widget) => widget.setAttribute('language', 'pl'));
  const polish = page.getByRole('dialog', { name: 'Napisz do nas' });
  await polish.getByRole('button', { name: 'Usuń page-5.txt' }).click();
  await polish.getByLabel('Pliki (opcjonalnie)').setInputFiles({ name: 'makro.xlsm', mimeType: 'application/vnd.ms-excel.sheet.macroEnabled.12', buffer: Buffer.from('x') });
  await expect(polish.locator('#files-issue')).toHaveText('Nie dołączono „makro.xlsm”: pliki tego typu nie są przyjmowane.');
  await expect(polish.getByRole('list', { name: 'Wybrane pliki' }).getByRole('listitem')).toHaveCount(4);
  expect(calls).toEqual([]);
});
