import { expect, test } from '@playwright/test';
import { customerWrites, expectAccessible, screenshot, signIn } from './console-helpers.ts';

test('an agent splits a case in two from the console; it resolves by itself once both are resolved', async ({ page }) => {
  const subject = `Invoice wrong and charged twice (${Date.now()})`;
  await customerWrites(subject, 'The address on the invoice is wrong, and you charged me twice.');
  await signIn(page, /Ala/);
  await page.getByRole('link', { name: /^(To assign|Do przydzielenia)( \d+\+?)?$/ }).click();
  await page.getByRole('link', { name: subject }).click();
  await page.getByRole('button', { name: /^(Claim|Weź sprawę)$/ }).click();
  await expect(page.getByRole('button', { name: /^(Claim|Weź sprawę)$/ })).toHaveCount(0);

  await page.getByText(/^(Split into several cases|Rozdziel na kilka spraw)$/).click();
  const first = page.getByRole('group', { name: /^(New case 1|Nowa sprawa 1)$/ });
  await first.getByLabel(/^(Title|Tytuł)/).fill('Correct the invoice address');
  await first.getByLabel(/^(Description|Opis)/).fill('The street on invoice 7/2026 is wrong.');
  const second = page.getByRole('group', { name: /^(New case 2|Nowa sprawa 2)$/ });
  await second.getByLabel(/^(Title|Tytuł)/).fill('Refund the second charge');
  await second.getByLabel(/^(Description|Opis)/).fill('Charged twice on 3 November.');
  await expectAccessible(page);
  await page.getByRole('button', { name: /^(Split into 2 cases|Rozdziel na 2 sprawy)$/ }).click();

  const facts = page.locator('.facts');
  await expect(facts).toContainText(/Resolved – split request/);
  const related = page.locator('.related-cases li');
  await expect(related).toHaveCount(2);
  await expect(related.first()).toContainText(/^(Split into|Rozdzielona na) #\d+$/);
  await expectAccessible(page);
  await screenshot(page, 'case-split');
  const original = page.url();

  for (const index of [0, 1]) {
    await page.goto(original);
    await page.locator('.related-cases li a').nth(index).click();
    await expect(page.locator('.facts')).toContainText(/(Split from|Wydzielona z) #\d+/);
    await expect(page.locator('.entry-related_entries')).toBeVisible();
    await page.getByRole('button', { name: /^(Resolve|Rozwiąż)$/ }).click();
    await expect(page.locator('.facts')).toContainText(/Resolved – manual response/);
  }

  await page.goto(original);
  await expect(async () => {
    await page.reload();
    await expect(page.locator('.facts')).toContainText('Resolved – split (completed)', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.locator('.related-cases li', { hasText: /(ended|zakończona)/ })).toHaveCount(2);
  await expectAccessible(page);
});
