import { describe, expect, it } from 'vitest';
import { newCustomer } from '../../../functions/domain/customer.ts';
import { EMAIL_CHANGE_LINK_HOURS, emailChangeState, newEmailChange, readdressContacts } from '../../../functions/domain/email-change.ts';
import { ValidationError } from '../../../functions/domain/errors.ts';
import { aCase, ctx, customer, NOW } from '../../fixtures/cases.ts';

const jan = newCustomer({ name: 'Jan', email: 'jan@example.com' }, 'cust-1', NOW);
const later = (hours: number) => new Date(Date.parse(NOW) + hours * 3_600_000).toISOString();

describe("a customer's new e-mail address", () => {
  it('is asked for with the address normalised, remembering the old one, for a link that works a day', () => {
    const change = newEmailChange(jan, 'account-1', ' Jan.Nowy@Example.COM ', NOW, 'en');

    expect(change).toEqual({
      customerId: 'cust-1', accountId: 'account-1', previousEmail: 'jan@example.com', email: 'jan.nowy@example.com', language: 'en',
      requestedAt: NOW, linkExpiresAt: later(EMAIL_CHANGE_LINK_HOURS), confirmedAt: null,
    });
  });

  it('refuses the address the customer has already, whatever its letter case', () => {
    expect(() => newEmailChange(jan, 'cust-1', 'JAN@example.com', NOW, 'pl')).toThrow(ValidationError);
  });

  it('can be confirmed until the link expires, and only once', () => {
    const change = newEmailChange(jan, 'cust-1', 'new@example.com', NOW, 'pl');

    expect(emailChangeState(change, later(EMAIL_CHANGE_LINK_HOURS - 0.01))).toBe('confirm');
    expect(emailChangeState(change, later(EMAIL_CHANGE_LINK_HOURS))).toBe('expired');
    expect(emailChangeState({ ...change, confirmedAt: later(1) }, later(2))).toBe('confirmed');
    expect(emailChangeState({ ...change, confirmedAt: later(1) }, later(48))).toBe('confirmed');
  });

  it("readdresses a case's contacts that had the old address, names kept, status and assignee untouched, on the timeline", () => {
    const other = { email: 'ola@example.com', name: 'Ola' };
    const c = aCase({ status: 'in_progress', assigneeId: 'agent-ala', contacts: { primaryContact: { email: 'jan@example.com', name: 'Jan' }, requester: other } });

    const outcome = readdressContacts(c, ctx(customer('cust-1')), 'jan@example.com', 'new@example.com')!;

    expect(outcome.case.contacts).toEqual({ primaryContact: { email: 'new@example.com', name: 'Jan' }, requester: other });
    expect(outcome.case).toMatchObject({ status: 'in_progress', assigneeId: 'agent-ala', version: c.version + 1 });
    expect(outcome.entries).toEqual([expect.objectContaining({ type: 'field_change', changes: [expect.objectContaining({ field: 'contacts' })] })]);
  });

  it('leaves a case without the old address alone', () => {
    const c = aCase({ contacts: { primaryContact: { email: 'ola@example.com' }, requester: null } });

    expect(readdressContacts(c, ctx(customer('cust-1')), 'jan@example.com', 'new@example.com')).toBeNull();
  });
});
