import { expect, test } from '@playwright/test';
import { callApi, customerWrites, expectAccessible, screenshot, signIn } from './console-helpers.ts';

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

  await panel.getByRole('link', { name: /^(Customer record and all cases|Karta klienta i wszystkie sprawy)$/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Marta Nowak');
  const row = page.getByRole('row', { name: new RegExp(subject.replace(/[()]/g, '\\$&')) });
  await expect(row).toContainText('support');
  await expect(page.getByRole('columnheader')).toHaveText([/No\.|Nr/, /Title|Tytuł/, 'Status', /Assignee|Przypisana do/, /Inbox|Skrzynka/, /Created|Utworzona/, /Updated|Zmieniona/]);
  await expectAccessible(page);
  await screenshot(page, 'customer-record');
  await row.getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(subject);
});

test('an agent links a case that reached the wrong record to the right customer, found by e-mail', async ({ page }) => {
  const subject = `Order for the office (${Date.now()})`;
  const personal = `piotr.${Date.now()}@home.example`;
  const work = `piotr.${Date.now()}@firma.example`;
  await customerWrites(subject, 'Please invoice my company.', { from: `Piotr <${personal}>` });
  await signIn(page, /Ewa/, '/console/queues/to-assign');
  expect((await callApi(page, 'POST', '/customers', { name: 'Piotr (Firma)', email: work })).status).toBe(201);
  await page.getByRole('link', { name: subject }).click();

  await page.getByText(/^(Link to another customer|Powiąż z innym klientem)$/).click();
  const form = page.locator('.customer-link');
  await form.getByLabel(/^(E-mail|E-mail)/).fill('nobody.here@example.com');
  await form.getByRole('button', { name: /^(Find|Szukaj)$/ }).click();
  await expect(form.getByRole('alert')).toHaveText(/No customer has this e-mail|Żaden klient/);
  await form.getByLabel(/^(E-mail|E-mail)/).fill(work);
  await form.getByRole('button', { name: /^(Find|Szukaj)$/ }).click();
  await expectAccessible(page);
  await form.getByRole('button', { name: /^(Link the case to them|Powiąż sprawę z tym klientem)$/ }).click();

  await expect(page.getByRole('complementary', { name: /Customer|Klient/ })).toContainText(work);
  await expect(page.locator('.entry-field_change', { hasText: /(Customer|Klient): / })).toBeVisible();
});
