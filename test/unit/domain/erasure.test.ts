import { describe, expect, it } from 'vitest';
import { type Customer, newCustomer } from '../../../functions/domain/customer.ts';
import { ERASED, erasedCase, erasedCustomer, erasedEntry, personalStrings, redactor } from '../../../functions/domain/erasure.ts';
import type { TimelineEntry } from '../../../functions/domain/timeline.ts';
import { aCase, NOW } from '../../fixtures/cases.ts';

const jan: Customer = { ...newCustomer({ name: 'Jan Kowalski', email: 'jan@example.com', phone: '+48 600 700 800' }, 'cust-1', NOW), invoice: null };
const redact = redactor(personalStrings(jan));

describe('erasing a person', () => {
  it('looks for their name, address and phone, longest first, ignoring scraps too short to mean anything', () => {
    expect(personalStrings({ ...jan, externalId: 'ab' })).toEqual(['jan@example.com', '+48 600 700 800', 'Jan Kowalski']);
  });

  it('redacts them in any string however deep, whatever the letter case', () => {
    expect(redact({ a: ['Call JAN KOWALSKI at +48 600 700 800'], b: { c: 'write to Jan@Example.com' }, n: 3 })).toEqual({
      a: [`Call ${ERASED} at ${ERASED}`],
      b: { c: `write to ${ERASED}` },
      n: 3,
    });
  });

  it('keeps the record and its id, without contact data, account or invoice data', () => {
    const erased = erasedCustomer({ ...jan, account: { createdAt: NOW, language: 'pl' } }, NOW);

    expect(erased).toMatchObject({ id: 'cust-1', name: null, email: null, phone: null, externalId: null, account: null, invoice: null, version: jan.version + 1 });
  });

  it("drops them as a case's contacts, keeps other contacts, and redacts the title", () => {
    const other = { email: 'ola@example.com', name: 'Ola' };
    const c = aCase({ title: 'Jan Kowalski: invoice', contacts: { primaryContact: { email: 'jan@example.com', name: 'Jan Kowalski' }, requester: other } });

    expect(erasedCase(c, jan, redact, NOW)).toMatchObject({ title: `${ERASED}: invoice`, contacts: { primaryContact: null, requester: other }, version: c.version + 1 });
  });

  it('drops their address as sender and recipient, redacts texts and names, and leaves an entry without them alone', () => {
    const actor = { kind: 'customer' as const, id: 'cust-1', name: 'Jan Kowalski' };
    const inbound: TimelineEntry = { seq: 1, at: NOW, actor, type: 'inbound_message', visibility: 'public', text: 'I am Jan Kowalski', channel: 'portal', from: 'jan@example.com' };
    const reply: TimelineEntry = {
      seq: 2, at: NOW, actor: { kind: 'agent', id: 'agent-ala', name: 'Ala' }, type: 'reply', visibility: 'public', subject: null, text: 'Hello Jan Kowalski',
      templateId: null, fromMailbox: null, to: ['jan@example.com', 'ola@example.com'], includeHistory: false, delivery: 'sent',
    };
    const note: TimelineEntry = { seq: 3, at: NOW, actor: { kind: 'agent', id: 'agent-ala' }, type: 'note', visibility: 'internal', text: 'Nothing personal', templateId: null };

    expect(erasedEntry(inbound, jan, redact)).toMatchObject({ from: null, text: `I am ${ERASED}`, actor: { id: 'cust-1', name: ERASED } });
    expect(erasedEntry(reply, jan, redact)).toMatchObject({ to: ['ola@example.com'], text: `Hello ${ERASED}` });
    expect(erasedEntry(note, jan, redact)).toBeNull();
  });
});
