import { expect, test } from '@playwright/test';
import { customerWrites, expectAccessible } from './console-helpers.ts';

test('an agent signs in, finds a case, notes it and returns to the queue with the keyboard alone', async ({ page }) => {
  const subject = `Password reset does not arrive (${Date.now()})`;
  await customerWrites(subject, 'I asked for a reset link twice; nothing came.');

  await page.goto('/console/queues/to-assign');
  await expect(page.getByRole('heading', { name: 'Sign in to the local helpdesk' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText(/Ala/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^(To assign|Do przydzielenia)$/ })).toBeVisible();

  await expect(page.getByRole('table')).toBeVisible();
  let focused = '';
  for (let presses = 0; presses < 50 && focused !== subject; presses++) {
    await page.keyboard.press('j');
    focused = (await page.locator(':focus').textContent()) ?? '';
  }
  expect(focused).toBe(subject);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  const number = (await page.locator('h1 .number').textContent())!;

  await page.keyboard.press('n');
  await expect(page.getByLabel(/Private note|Notatka prywatna/)).toBeFocused();
  await page.keyboard.type('Checked the mail log: the reset mails bounce.');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.entry-note', { hasText: 'the reset mails bounce' })).toBeVisible();

  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: /Keyboard shortcuts|Skróty klawiszowe/ });
  await expect(help).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  await page.keyboard.press('u');
  await expect(page.getByRole('heading', { name: /^(To assign|Do przydzielenia)$/ })).toBeVisible();

  // The note made Ala the case's assignee: it is now among her cases, reached through the palette.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: /Command palette|Paleta poleceń/ });
  await expect(palette).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.type('my cases');
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^(My cases|Moje sprawy)$/ })).toBeVisible();
  await expect(page.getByRole('link', { name: subject })).toBeVisible();

  // A case number in the palette opens that case; one nobody has is said so.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('#987654321');
  await page.keyboard.press('Enter');
  await expect(palette.getByRole('alert')).toHaveText(/no case #987654321|Nie ma sprawy nr 987654321/);
  await page.keyboard.press('Control+a');
  await page.keyboard.type(number);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
});
