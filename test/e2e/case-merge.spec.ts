import { expect, type Page, test } from '@playwright/test';
import { callApi, expectAccessible, screenshot, signIn } from './console-helpers.ts';

test('an agent merges a duplicate case into the earlier one by number, follows it there, and undoes the merge', async ({ page }) => {
  const stamp = Date.now();
  const earlier = `Printer on the second floor jams (${stamp})`;
  const duplicate = `Printer still jamming (${stamp})`;
  const copied = `olek.${stamp}@example.com`;
  await signIn(page, /Ala/);
  await createCase(page, earlier, { email: `olga.${stamp}@example.com` });
  await createCase(page, duplicate, { name: 'Olek', email: copied });

  await page.getByRole('link', { name: /^(My cases|Moje sprawy)( \d+\+?)?$/ }).click();
  const target = (await page.locator('table.queue tr', { hasText: earlier }).locator('td').first().textContent())!;
  expect(target).toMatch(/^#\d+$/);
  await page.getByRole('link', { name: duplicate }).click();
  // Waiting, with a date: what the undo must bring back, as the merge ends the wait.
  await page.getByRole('button', { name: /^(Start waiting|Rozpocznij oczekiwanie)$/ }).click();
  const facts = page.locator('.facts');
  await expect(facts).toContainText(/Waiting|Oczekuje/);
  const before = (await facts.textContent())!;
  const own = (await page.locator('#case-title .number').textContent())!;

  await page.getByText(/^(Merge into another case|Połącz z inną sprawą)$/).click();
  const into = page.getByLabel(/^(Number of the case to merge into|Numer sprawy docelowej)/);
  await into.fill(own.slice(1));
  await page.getByRole('button', { name: /^(Merge|Połącz)$/ }).click();
  await expect(page.locator('#merge-into-issue')).toHaveText(/cannot be merged into itself/);
  await expect(into).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  await into.fill(target.slice(1));
  await page.getByRole('button', { name: /^(Merge|Połącz)$/ }).click();
  await expect(facts).toContainText('Resolved – updated an existing request');
  const link = page.locator('.related-cases li', { hasText: /^(Merged into|Połączona z) #\d+$/ });
  await expect(link).toHaveText(new RegExp(`${target}$`));
  await expect(page.getByRole('button', { name: /^(Undo merge|Cofnij połączenie)$/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'case-merged');
  const merged = page.url();

  await link.getByRole('link').click();
  await expect(page.locator('#case-title')).toContainText(earlier);
  await expect(page.locator('.related-cases li', { hasText: /^(Merged from|Dołączona z) #\d+$/ })).toHaveText(new RegExp(`${own}$`));
  const entry = page.locator('.entry-related_entries');
  await expect(entry.locator('.entry-head strong')).toHaveText(/^(Merged from|Dołączona z)$/);
  await expect(entry).toContainText(/(Entries|Wpisy) [\d, ]+ (of case|sprawy) #\d+/);
  await expect(entry.getByRole('link')).toHaveText(own);
  await expect(facts).toContainText(copied);
  await expectAccessible(page);

  await page.goto(merged);
  await page.getByRole('button', { name: /^(Undo merge|Cofnij połączenie)$/ }).click();
  await expect(facts).toHaveText(before);
  await expect(page.locator('.related-cases li', { hasText: /(Merged into|Połączona z)/ })).toHaveCount(0);
  await expect(page.getByText(/^(Merge into another case|Połącz z inną sprawą)$/)).toBeVisible();
  await expectAccessible(page);
});

/** A case the signed-in agent opens for a caller through the API, theirs at once. */
async function createCase(page: Page, title: string, caller: { name?: string; email: string }): Promise<void> {
  const contacts = { primaryContact: caller, requester: caller };
  expect((await callApi(page, 'POST', '/cases', { title, description: `${title}: it jams on every second page.`, category: 'Hardware', contacts })).status).toBe(201);
}
