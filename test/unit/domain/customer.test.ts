import { describe, expect, it } from 'vitest';
import { type Customer, UpdateCustomerInputSchema, updateCustomer } from '../../../functions/domain/customer.ts';
import { ValidationError } from '../../../functions/domain/errors.ts';

const jan: Customer = {
  id: 'c-1', name: 'Jan', email: 'jan@example.com', phone: '+48 600 100 200', externalId: null,
  createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:00.000Z', version: 3,
};
const now = '2026-11-25T09:00:00.000Z';

describe('updateCustomer', () => {
  it('changes only the fields given, normalises a new e-mail and moves the version on', () => {
    expect(updateCustomer(jan, { name: 'Jan Kowalski', email: ' Jan.K@Example.COM ' }, now)).toEqual({
      ...jan, name: 'Jan Kowalski', email: 'jan.k@example.com', updatedAt: now, version: 4,
    });
  });

  it('clears a field given as null', () => {
    expect(updateCustomer(jan, { phone: null }, now)).toMatchObject({ phone: null, email: 'jan@example.com' });
  });

  it('keeps an e-mail or an external ID: dropping the only one is refused, swapping one for the other is fine', () => {
    expect(() => updateCustomer(jan, { email: null }, now)).toThrow(ValidationError);
    expect(updateCustomer(jan, { email: null, externalId: 'crm-7' }, now)).toMatchObject({ email: null, externalId: 'crm-7' });
  });
});

describe('UpdateCustomerInputSchema', () => {
  it.each([
    [{}, ''],
    [{ email: 'not an address' }, 'email'],
    [{ phone: 'call me' }, 'phone'],
    [{ name: '' }, 'name'],
    [{ nickname: 'J' }, ''],
  ])('refuses %j at %s', (input, path) => {
    const result = UpdateCustomerInputSchema.safeParse(input);

    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path.join('.')).toBe(path);
  });
});
