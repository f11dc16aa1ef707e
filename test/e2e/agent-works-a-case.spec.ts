import { expect, test } from '@playwright/test';
import { customerWrites, expectAccessible, screenshot, signIn } from './console-helpers.ts';

test('an agent works a case through its whole life from the console alone', async ({ page }) => {
  const subject = `Printer jams on page 2 (${Date.now()})`;
  await customerWrites(subject, 'Every second page jams. What can I do?');

  await page.goto('/console/');
  await expect(page.getByRole('heading', { name: 'Sign in to the local helpdesk' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'sign-in');
  await signIn(page, /Ala/);
  await page.getByRole('link', { name: /^(To assign|Do przydzielenia)( \d+\+?)?$/ }).click();
  const row = page.getByRole('link', { name: subject });
  await expect(row).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'queue');

  await row.click();
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  await expect(page.getByText('Every second page jams. What can I do?')).toBeVisible();
  await expect(page.getByRole('complementary', { name: /^(Customer|Klient)$/ })).toContainText('jan.kowalski@example.com');
  await expectAccessible(page);

  await page.getByRole('button', { name: /^(Claim|Weź sprawę)$/ }).click();
  await expect(page.getByRole('button', { name: /^(Claim|Weź sprawę)$/ })).toHaveCount(0);

  await page.getByRole('tab', { name: /^(Note|Notatka)$/ }).click();
  await page.getByLabel(/Private note|Notatka prywatna/).fill('Model HP 1020, known roller issue.');
  await page.getByRole('button', { name: /^(Add note|Dodaj notatkę)$/ }).click();
  await expect(page.locator('.entry-note', { hasText: 'Model HP 1020, known roller issue.' })).toBeVisible();

  await page.getByRole('tab', { name: /^(Reply|Odpowiedź)$/ }).click();
  await page.getByLabel(/Reply to the customer|Odpowiedź do klienta/).fill('Please clean the rollers and tell us if it helps.');
  await page.getByRole('button', { name: /^(Send reply|Wyślij odpowiedź)$/ }).click();
  await expect(page.locator('.entry-reply', { hasText: 'Please clean the rollers' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'case');

  await page.getByRole('button', { name: /^(Start waiting|Rozpocznij oczekiwanie)$/ }).click();
  const cancelWait = page.getByRole('button', { name: /^(Cancel the wait|Anuluj oczekiwanie)$/ });
  await expect(cancelWait).toBeVisible();
  await cancelWait.click();
  await expect(cancelWait).toHaveCount(0);

  await page.getByLabel(/^(Follow up on|Wróć do sprawy dnia)/).fill('2031-05-20');
  await page.getByRole('button', { name: /^(Remind me|Przypomnij mi)$/ }).click();
  await expect(cancelWait).toBeVisible();
  await expect(page.locator('.facts')).toContainText('2031');

  await page.getByRole('button', { name: /^(Resolve|Rozwiąż)$/ }).click();
  await expect(page.getByRole('button', { name: /^(Reopen|Otwórz ponownie)$/ })).toBeVisible();

  await page.getByRole('button', { name: /^(Reopen|Otwórz ponownie)$/ }).click();
  await expect(page.getByRole('button', { name: /^(Resolve|Rozwiąż)$/ })).toBeVisible();

  await page.getByRole('button', { name: /^(Close|Zamknij)$/ }).click();
  await expect(page.getByRole('button', { name: /^(Close|Zamknij)$/ })).toHaveCount(0);
  await expect(page.getByLabel(/Private note|Reply to the customer|Notatka prywatna|Odpowiedź do klienta/)).toHaveCount(0);
});
