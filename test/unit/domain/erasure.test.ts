import { describe, expect, it } from 'vitest';
import { type Customer, newCustomer } from '../../../functions/domain/customer.ts';
import { ERASED, erasedCase, erasedCustomer, erasedEntry, objectsOfEntry, phonePattern, personalStrings, redactor } from '../../../functions/domain/erasure.ts';
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

  it('finds the phone however a text writes it, with or without the country code, and nothing shorter', () => {
    const phone = redactor([], '+48 600 700 800');

    expect(phone('600700800, 600-700-800, (600) 700 800, 0048 600.700.800, +48600700800')).toBe([ERASED, ERASED, ERASED, ERASED, ERASED].join(', '));
    expect(phone('order 700800 of 2026')).toBe('order 700800 of 2026');
    expect(phonePattern('12-34')).toBeNull();
  });

  it("names the objects of the person's own messages, mail and form files alike, and none of anyone else's", () => {
    const actor = { kind: 'customer' as const, id: 'cust-1' };
    const mail = {
      mailbox: 'support@x.example', messageId: '<m@x>', subject: 's', rawKey: 'raw/m', fullTextKey: 'parsed/h/full.txt', htmlKey: null, automatic: null,
      attachments: [{ filename: 'a.png', contentType: 'image/png', size: 1, sha256: 'h', key: 'parsed/h/attachments/0', inline: false, contentId: null, quarantined: false }],
    };
    const mailed: TimelineEntry = { seq: 1, at: NOW, actor, type: 'inbound_message', visibility: 'public', text: 't', channel: 'email', from: 'jan@example.com', mail };
    const form: TimelineEntry = { seq: 2, at: NOW, actor, type: 'inbound_message', visibility: 'public', text: 't', channel: 'form', from: null, attachments: [{ key: 'intake/u', filename: 'f.pdf', contentType: 'application/pdf' }] };
    const colleague: TimelineEntry = { ...mailed, seq: 3, actor: { kind: 'customer', id: 'cust-2' }, from: 'ola@example.com' };

    expect([mailed, form, colleague].map((entry) => objectsOfEntry(entry, jan))).toEqual([['raw/m', 'parsed/h/full.txt', 'parsed/h/attachments/0'], ['intake/u'], []]);
    expect(erasedEntry(mailed, jan, redact)).toMatchObject({ from: null, mail: { rawKey: null, fullTextKey: null, htmlKey: null, attachments: [] } });
    expect(erasedEntry(form, jan, redact)).not.toHaveProperty('attachments');
    expect(erasedEntry(colleague, jan, redact)).toBeNull();
  });
});
