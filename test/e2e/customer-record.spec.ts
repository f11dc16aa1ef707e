import { expect, test } from '@playwright/test';
import { customerWrites, expectAccessible, signIn } from './console-helpers.ts';

test("an agent corrects a customer's contact data from the case, and the record shows it", async ({ page }) => {
  const subject = `Invoice address (${Date.now()})`;
  const from = `marta.${Date.now()}@example.com`;
  await customerWrites(subject, 'Please send the invoice to our new office.', { from: `Marta <${from}>` });
  await signIn(page, /Ewa/, '/console/queues/to-assign');
  await page.getByRole('link', { name: subject }).click();
  const panel = page.getByRole('complementary', { name: /Customer|Klient/ });
  await expect(panel).toContainText(from);

  await panel.getByText(/^(Edit contact data|Edytuj dane kontaktowe)$/).click();
  await panel.getByLabel(/^(Name|Imię i nazwisko|Nazwa)/).fill('Marta Nowak');
  await panel.getByLabel(/^(Phone|Telefon)/).fill('+48 601 200 300');
  await expectAccessible(page);
  await panel.getByRole('button', { name: /^(Save contact data|Zapisz dane kontaktowe)$/ }).click();

  await expect(panel.locator('dl')).toContainText('Marta Nowak');
  await expect(panel.locator('dl')).toContainText('+48 601 200 300');
});
