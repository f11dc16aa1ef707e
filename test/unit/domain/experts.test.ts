import { describe, expect, it } from 'vitest';
import { newCustomer } from '../../../functions/domain/customer.ts';
import { expertsOf, openCaseForExpert } from '../../../functions/domain/experts.ts';
import { placementOf } from '../../../functions/domain/queues.ts';
import { aCase, ctx, customer, NOW } from '../../fixtures/cases.ts';

const directory = [
  { id: 'agent-ala', name: 'Ala', email: 'ala@staff.example' },
  { id: 'agent-ewa', name: 'Ewa' },
];

describe("a customer's experts", () => {
  it('are the assignees of their cases, newest first, once each, as long as they are still agents, and never their e-mail', () => {
    const cases = [aCase({ assigneeId: 'agent-ewa' }), aCase({ assigneeId: null }), aCase({ assigneeId: 'agent-ala' }), aCase({ assigneeId: 'agent-ewa' }), aCase({ assigneeId: 'gone' })];

    expect(expertsOf(cases, directory)).toEqual([
      { id: 'agent-ewa', name: 'Ewa' },
      { id: 'agent-ala', name: 'Ala' },
    ]);
  });

  it("get a new case in their own queue, highlighted, from the customer's record", () => {
    const jan = newCustomer({ name: 'Jan', email: 'jan@example.com' }, 'cust-1', NOW);

    const { case: c, entries } = openCaseForExpert(
      { expertId: 'agent-ala', subject: 'Next question', message: 'Can I pay later?' },
      ctx(customer('cust-1')),
      { id: 'case-2', number: 8 },
      { customer: jan, inbox: 'billing' },
    );

    expect(c).toMatchObject({ status: 'new', assigneeId: 'agent-ala', highlighted: true, channel: 'portal', inbox: 'billing', customerId: 'cust-1' });
    expect(c.contacts.primaryContact).toEqual({ email: 'jan@example.com', name: 'Jan' });
    expect(placementOf(c)).toMatchObject({ queue: 'mine', owner: 'agent-ala' });
    expect(entries[0]).toMatchObject({ type: 'inbound_message', channel: 'portal', from: 'jan@example.com', text: 'Can I pay later?' });
  });
});
