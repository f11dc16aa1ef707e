import { describe, expect, it } from 'vitest';
import { ActivateInputSchema } from '../../../functions/domain/intake-api.ts';
import { activationState, IntakeInputSchema, newActivation, newSubmission, openCaseFromSubmission } from '../../../functions/domain/intake.ts';
import { invariantViolations } from '../../../functions/domain/invariants.ts';
import { placementOf } from '../../../functions/domain/queues.ts';
import { CustomerPasswordSchema } from '../../../functions/domain/password-policy.ts';
import { ctx, customer, NOW } from '../../fixtures/cases.ts';

const input = IntakeInputSchema.parse({ name: 'Jan', email: 'Jan@Example.COM', subject: 'No invoice', message: 'Where is it?' });
const hoursLater = (hours: number) => new Date(Date.parse(NOW) + hours * 3_600_000).toISOString();

describe('a form submission', () => {
  it('keeps the address in lower case, the page language or the tenant one, and expires after the tenant days', () => {
    const submission = newSubmission(input, 's-1', NOW, 'pl', 7);
    const english = newSubmission({ ...input, language: 'en' }, 's-2', NOW, 'pl', 7);

    expect(submission).toMatchObject({ email: 'jan@example.com', language: 'pl', channel: 'form', phone: null, externalCustomerId: null, expiresAt: hoursLater(7 * 24) });
    expect(english.language).toBe('en');
  });

  it('refuses unknown fields, a missing subject and a bad address, and takes the widget as its channel', () => {
    const bad = IntakeInputSchema.safeParse({ name: 'Jan', email: 'nope', message: 'x', admin: true });

    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join('.') || issue.code).sort()).toEqual(['email', 'subject', 'unrecognized_keys']);
    expect(IntakeInputSchema.parse({ ...input, channel: 'widget' }).channel).toBe('widget');
  });
});

describe('an activation link', () => {
  const submission = newSubmission(input, 's-1', NOW, 'pl', 7);

  it('works for its hours, never past the submission itself', () => {
    expect(newActivation(submission, NOW, 48).linkExpiresAt).toBe(hoursLater(48));
    expect(newActivation(submission, hoursLater(7 * 24 - 2), 48).linkExpiresAt).toBe(submission.expiresAt);
  });

  it.each([
    ['a fresh link, address without an account', {}, NOW, false, { state: 'register', subject: 'No invoice', email: 'jan@example.com' }],
    ['a fresh link, address with an account', {}, NOW, true, { state: 'activate', subject: 'No invoice', email: 'jan@example.com' }],
    ['a used link, even when old', { caseNumber: 1042 }, hoursLater(24 * 30), false, { state: 'used', caseNumber: 1042 }],
    ['a link past its hours', {}, hoursLater(48), false, { state: 'expired' }],
    ['a replaced link', { superseded: true }, NOW, false, { state: 'gone' }],
    ['a link of an expired submission', {}, hoursLater(7 * 24), true, { state: 'gone' }],
  ] as const)('tells %s', (_what, change, now, hasAccount, expected) => {
    expect(activationState({ ...newActivation(submission, NOW, 48), ...change }, now, hasAccount)).toEqual(expected);
  });
});

describe('the case an activation opens', () => {
  it('is new and unassigned in "to assign" of the inbox, from the customer, with the message as its first entry', () => {
    const submission = newSubmission({ ...input, channel: 'widget' }, 's-1', NOW, 'pl', 7);

    const { case: c, entries } = openCaseFromSubmission(submission, ctx(customer('cust-1')), { id: 'case-1', number: 7 }, { inbox: 'support', customerId: 'cust-1' });

    expect(c).toMatchObject({
      status: 'new', channel: 'widget', assigneeId: null, customerId: 'cust-1', inbox: 'support', title: 'No invoice', lastCustomerMessageAt: NOW,
      contacts: { primaryContact: { email: 'jan@example.com', name: 'Jan' }, requester: { email: 'jan@example.com', name: 'Jan' } },
    });
    expect(placementOf(c).queue).toBe('to-assign');
    expect(entries[0]).toMatchObject({ type: 'inbound_message', visibility: 'public', channel: 'widget', from: 'jan@example.com', text: 'Where is it?' });
    expect(invariantViolations(c)).toEqual([]);
  });
});

describe('registration', () => {
  it.each([
    ['Kot-na-dachu-7', true],
    ['kot-na-dachu-7', false],
    ['KOT-NA-DACHU-7', false],
    ['Kot-na-dachu-', false],
    ['Kotnadachu77', false],
    ['Kot-na-7', false],
  ])('takes %s as a customer password: %s', (password, ok) => {
    expect(CustomerPasswordSchema.safeParse(password).success).toBe(ok);
  });

  it('wants the second password equal to the first', () => {
    const differ = ActivateInputSchema.safeParse({ password: 'Kot-na-dachu-7', passwordAgain: 'Kot-na-dachu-8', acceptTerms: true });

    expect(differ.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['passwordAgain']);
    expect(ActivateInputSchema.safeParse({}).success).toBe(true);
  });
});
