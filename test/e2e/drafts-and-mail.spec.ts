import { expect, test } from '@playwright/test';
import { customerWrites, expectAccessible, signIn } from './console-helpers.ts';

const replyBox = /Reply to the customer|Odpowiedź do klienta/;

test('an unsent reply is kept on the server across a reload, marks the case OPEN, and is gone once sent', async ({ page }) => {
  const subject = `Parcel never arrived (${Date.now()})`;
  await customerWrites(subject, 'Order 5531 was due last week.');
  await signIn(page, /Ola/, '/console/queues/to-assign');
  await page.getByRole('link', { name: subject }).click();
  await expect(page.locator('.facts')).not.toContainText('OPEN');

  await page.getByLabel(replyBox).fill('We are asking the courier and will write back today.');
  await expect(page.getByText(/^(Draft saved|Szkic zapisany)$/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(replyBox)).toHaveValue('We are asking the courier and will write back today.');
  await expect(page.locator('.facts')).toContainText('OPEN');

  await page.getByRole('button', { name: /^(Send reply|Wyślij odpowiedź)$/ }).click();
  await expect(page.locator('.entry-reply', { hasText: 'We are asking the courier' })).toBeVisible();
  await expect(page.locator('.facts')).toContainText('SENT');
  await page.reload();
  await expect(page.getByLabel(replyBox)).toHaveValue('');
});

test('a formatted e-mail is shown on request in a frame that may run nothing', async ({ page }) => {
  const subject = `Formatted complaint (${Date.now()})`;
  await customerWrites(subject, 'The invoice total is wrong.', {
    html: '<p>The invoice <b>total</b> is wrong.</p><script>parent.document.title = "owned"</script>',
  });
  await signIn(page, /Ala/, '/console/queues/to-assign');
  await page.getByRole('link', { name: subject }).click();

  await page.getByRole('button', { name: /Show the e-mail as it was formatted|Pokaż e-mail w oryginalnym formatowaniu/ }).click();
  const frame = page.locator('.mail-html iframe');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(page.frameLocator('.mail-html iframe').locator('b')).toHaveText('total');
  expect(await frame.getAttribute('srcdoc')).not.toContain('<script');
  await expect(page).not.toHaveTitle('owned');
  await expectAccessible(page);
});

test('a draft save still on its way when the reply is sent does not bring the draft back', async ({ page }) => {
  const subject = `Wrong invoice address (${Date.now()})`;
  await customerWrites(subject, 'Please correct the street name.');
  await signIn(page, /Ola/, '/console/queues/to-assign');
  await page.getByRole('link', { name: subject }).click();
  // A slow network: the save leaves the browser but reaches the server a second and a half later.
  let saveStarted!: () => void;
  const saving = new Promise<void>((started) => (saveStarted = started));
  await page.route('**/reply-draft', async (route) => {
    if (route.request().method() !== 'PUT') return route.continue();
    saveStarted();
    await new Promise((later) => setTimeout(later, 1_500));
    return route.continue();
  });

  await page.getByLabel(replyBox).fill('Corrected: the street is Długa, not Krótka.');
  await saving;
  const saved = page.waitForResponse((response) => response.url().endsWith('/reply-draft') && response.request().method() === 'PUT');
  await page.getByRole('button', { name: /^(Send reply|Wyślij odpowiedź)$/ }).click();
  await expect(page.locator('.entry-reply', { hasText: 'the street is Długa' })).toBeVisible();
  await saved;
  await page.unroute('**/reply-draft');
  await page.reload();

  await expect(page.locator('.entry-reply', { hasText: 'the street is Długa' })).toBeVisible();
  await expect(page.getByLabel(replyBox)).toHaveValue('');
});
