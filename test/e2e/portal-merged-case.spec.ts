import { expect, test } from '@playwright/test';
import { callApi, expectAccessible, mailsTo, signIn } from './console-helpers.ts';

const PASSWORD = 'Kot-na-dachu-7';

test('a customer whose case was split and then merged sees in "My cases" which case it continues in, and opening it shows that case', async ({ page, browser, request }) => {
  const email = `ewa-${Date.now()}@customer.example`;
  await request.post('/public/intake', { data: { name: 'Ewa Lis', email, subject: `Two problems at once (${Date.now()})`, message: 'A double charge and a jammed printer.', language: 'en' } });
  const [mail] = await mailsTo(email);
  const token = /\/activate#([A-Za-z0-9_-]+)/.exec(mail!)![1]!;
  const activated = await request.post('/public/activation', { headers: { 'x-activation-token': token }, data: { password: PASSWORD, passwordAgain: PASSWORD, acceptTerms: true } });
  const { caseNumber } = (await activated.json()) as { caseNumber: number };

  await signIn(page, /Ala/);
  const found = await callApi<{ items: { id: string }[] }>(page, 'GET', `/cases?number=${caseNumber}`);
  const caseId = found.body.items[0]!.id;
  expect((await callApi(page, 'POST', `/cases/${caseId}/claim`)).status).toBe(200);
  const split = await callApi<{ created: { id: string; number: number }[] }>(page, 'POST', `/cases/${caseId}/split`, {
    cases: [{ title: 'Refund the double charge', description: 'The billing part.' }, { title: 'Fix the jammed printer', description: 'The printer part.' }],
  });
  const [refund, printer] = split.body.created;
  expect((await callApi(page, 'POST', `/cases/${printer!.id}/merge`, { into: refund!.number })).status).toBe(200);

  const customer = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await customer.goto('/portal/');
  await customer.getByLabel('E-mail').fill(email);
  await customer.getByLabel('Password').fill(PASSWORD);
  await customer.getByRole('button', { name: 'Sign in' }).click();
  const row = customer.getByRole('row', { name: /Fix the jammed printer/ });
  await expect(row).toContainText(`#${printer!.number}`);
  await expect(row).toContainText(`continues in #${refund!.number}`);
  await expectAccessible(customer);

  await row.getByRole('link', { name: 'Fix the jammed printer' }).click();
  await expect(customer.getByRole('heading', { level: 1 })).toContainText('Refund the double charge');
});
