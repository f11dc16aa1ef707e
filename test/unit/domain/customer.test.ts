import { describe, expect, it } from 'vitest';
import { type Customer, mergeCustomers, UpdateCustomerInputSchema, updateCustomer } from '../../../functions/domain/customer.ts';
import { ConflictError, ValidationError } from '../../../functions/domain/errors.ts';
import { moveToCustomer } from '../../../functions/domain/fields.ts';
import { aCase, agent, ctx } from '../../fixtures/cases.ts';

const jan: Customer = {
  id: 'c-1', name: 'Jan', email: 'jan@example.com', phone: '+48 600 100 200', externalId: null, mergedInto: null, account: null, invoice: null,
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

describe('mergeCustomers', () => {
  const kept: Customer = { ...jan, id: 'c-2', name: null, email: 'kowalski@example.com', phone: null, externalId: 'crm-9', version: 1 };

  it('points the source at the target, which takes only what it lacked', () => {
    const merged = mergeCustomers(jan, kept, now);

    expect(merged.source).toEqual({ ...jan, mergedInto: 'c-2', updatedAt: now, version: 4 });
    expect(merged.target).toEqual({ ...kept, name: 'Jan', phone: '+48 600 100 200', updatedAt: now, version: 2 });
  });

  it('refuses itself, a target merged away, and a source merged elsewhere; allows the same merge again', () => {
    expect(() => mergeCustomers(jan, jan, now)).toThrow(ValidationError);
    expect(() => mergeCustomers(jan, { ...kept, mergedInto: 'c-3' }, now)).toThrow(ConflictError);
    expect(() => mergeCustomers({ ...jan, mergedInto: 'c-3' }, kept, now)).toThrow(ConflictError);
    expect(mergeCustomers({ ...jan, mergedInto: 'c-2' }, kept, now).source.mergedInto).toBe('c-2');
  });

  it('leaves a merged record uneditable', () => {
    expect(() => updateCustomer({ ...jan, mergedInto: 'c-2' }, { name: 'X' }, now)).toThrow(ConflictError);
  });
});

describe('moveToCustomer', () => {
  it('moves an unassigned To Do case to the other record without taking it or changing its status', () => {
    const outcome = moveToCustomer(aCase({ status: 'new', assigneeId: null, customerId: 'c-1' }), ctx(agent()), 'c-2');

    expect(outcome.case).toMatchObject({ status: 'new', assigneeId: null, customerId: 'c-2' });
    expect(outcome.entries).toEqual([expect.objectContaining({ type: 'field_change', changes: [{ field: 'customerId', from: 'c-1', to: 'c-2' }] })]);
  });
});
