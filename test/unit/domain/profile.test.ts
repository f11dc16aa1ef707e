import { describe, expect, it } from 'vitest';
import { newCustomer } from '../../../functions/domain/customer.ts';
import { applyProfile, ProfileInputSchema, profileOf } from '../../../functions/domain/profile.ts';
import { NOW } from '../../fixtures/cases.ts';

const jan = { ...newCustomer({ name: 'Jan', email: 'jan@example.com' }, 'cust-1', NOW), account: { createdAt: NOW, language: 'pl' as const } };
const invoice = { name: 'Jan Trade', street: 'ul. Polna 1', postalCode: '00-001', city: 'Warszawa', country: 'PL' };

describe("a customer's settings", () => {
  it("show the record's contact data and the account's language, the tenant's when there is no account", () => {
    expect(profileOf(jan, 'en')).toEqual({ name: 'Jan', email: 'jan@example.com', phone: null, language: 'pl', invoice: null });
    expect(profileOf({ ...jan, account: null }, 'en').language).toBe('en');
  });

  it('change only what is given, the language on the account, and null clears a field', () => {
    const next = applyProfile(jan, { language: 'en', invoice, name: null }, '2026-11-26T10:00:00.000Z');

    expect(next).toMatchObject({ name: null, email: 'jan@example.com', invoice, account: { language: 'en' }, version: jan.version + 1, updatedAt: '2026-11-26T10:00:00.000Z' });
  });

  it('refuse an empty change, an e-mail (it needs verifying) and a country that is no ISO code', () => {
    const issues = (input: unknown) => ProfileInputSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.') || issue.code);

    expect(issues({})).toEqual(['custom']);
    expect(issues({ email: 'new@example.com', phone: '+48 600 100 200' })).toEqual(['unrecognized_keys']);
    expect(issues({ invoice: { ...invoice, country: 'Poland' } })).toEqual(['invoice.country']);
  });
});
