import { expect, test } from '@playwright/test';
import { customerWrites, expectAccessible, signIn } from './console-helpers.ts';

test('an agent edits a case’s fields, finds it again with the queue filters and delegates it', async ({ page }) => {
  const subject = `Toner order (${Date.now()})`;
  await customerWrites(subject, 'We need two black toners for the office printer.');
  await signIn(page, /Ewa/, '/console/queues/to-assign');
  await page.getByRole('link', { name: subject }).click();
  await page.getByRole('button', { name: /^(Claim|Weź sprawę)$/ }).click();
  await expect(page.getByRole('button', { name: /^(Claim|Weź sprawę)$/ })).toHaveCount(0);

  await page.getByText(/^(Edit fields|Edytuj pola)$/).click();
  const editor = page.locator('.field-editor');
  await editor.getByLabel(/^(Priority|Priorytet)/).selectOption('urgent');
  await editor.getByLabel(/^(Category|Kategoria)/).fill('Supplies');
  await editor.getByRole('button', { name: /^(Save changes|Zapisz zmiany)$/ }).click();
  const facts = page.locator('.facts');
  await expect(facts).toContainText(/urgent|pilny/);
  await expect(facts).toContainText('Supplies');
  await expect(page.locator('.entry-field_change', { hasText: 'Supplies' })).toBeVisible();

  await page.getByRole('link', { name: /^(My cases|Moje sprawy)( \d+\+?)?$/ }).click();
  const filters = page.getByRole('search');
  await filters.getByLabel(/^(Priority|Priorytet)/).selectOption('urgent');
  await filters.getByLabel(/^(Category|Kategoria)/).fill('Supplies');
  await filters.getByLabel(/^(Category|Kategoria)/).press('Tab');
  await expect(page).toHaveURL(/priority=urgent/);
  await expect(page.getByRole('link', { name: subject })).toBeVisible();
  await expectAccessible(page);
  await filters.getByLabel(/^(Priority|Priorytet)/).selectOption('low');
  await expect(page.getByRole('link', { name: subject })).toHaveCount(0);

  await filters.getByLabel(/^(Priority|Priorytet)/).selectOption('urgent');
  await page.getByRole('link', { name: subject }).click();
  await page.getByLabel(/^(Delegate to|Przekaż do)/).selectOption({ label: 'Ala (agent)' });
  await page.getByRole('button', { name: /^(Delegate|Przekaż)$/ }).click();
  await expect(page.locator('.facts')).toContainText('Ala (agent)');
  await expect(page.locator('.entry-field_change', { hasText: 'Ewa (agent) → Ala (agent)' })).toBeVisible();
});
