import { expect, test } from '@playwright/test';
import { customerWrites, signIn } from './console-helpers.ts';

test('a change made in another browser meanwhile is a 409 shown with a reload, and the typed reply survives it', async ({ browser }) => {
  const subject = `Invoice copy needed (${Date.now()})`;
  await customerWrites(subject, 'Please send me a copy of invoice 2026/11/07.');
  const ala = await (await browser.newContext()).newPage();
  const ewa = await (await browser.newContext()).newPage();
  // Ewa's view does not refresh by itself during the test: her next action is on what she saw.
  await ewa.clock.install();
  for (const [page, who] of [[ala, /Ala/], [ewa, /Ewa/]] as const) {
    await signIn(page, who, '/console/queues/to-assign');
    await page.getByRole('link', { name: subject }).click();
    await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  }
  const draft = 'Dear customer, the copy is attached.';
  await ewa.getByLabel(/Reply to the customer|Odpowiedź do klienta/).fill(draft);

  await ala.getByRole('button', { name: /^(Claim|Weź sprawę)$/ }).click();
  await expect(ala.getByRole('button', { name: /^(Claim|Weź sprawę)$/ })).toHaveCount(0);
  await ewa.getByRole('button', { name: /^(Claim|Weź sprawę)$/ }).click();

  const alert = ewa.getByRole('alert');
  await expect(alert).toContainText(/changed this case meanwhile|zmienił tę sprawę/);
  await alert.getByRole('button', { name: /Reload the case|Wczytaj sprawę ponownie/ }).click();
  await expect(ewa.getByRole('alert')).toHaveCount(0);
  await expect(ewa.locator('.facts')).toContainText('Ala (agent)');
  await expect(ewa.getByRole('button', { name: /^(Claim|Weź sprawę)$/ })).toHaveCount(0);
  await expect(ewa.getByLabel(/Reply to the customer|Odpowiedź do klienta/)).toHaveValue(draft);
});
