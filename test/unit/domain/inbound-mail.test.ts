import { describe, expect, it } from 'vitest';
import { continueFromMail, type MailMessage, mailActor, openCaseFromMail, receiveMail, rejectMail } from '../../../functions/domain/inbound-mail.ts';
import { MAX_TIMELINE_ENTRIES } from '../../../functions/domain/mutation.ts';
import { aCase, ctx, NOW } from '../../fixtures/cases.ts';

const NEW_ID = '9d7e3c2b-1a4f-4e6d-8b5a-0c9f8e7d6c5b';
const identity = { id: NEW_ID, number: 1043 };

const message = (overrides: Partial<MailMessage> = {}): MailMessage => ({
  text: 'The invoice is missing.',
  subject: 'Invoice',
  sender: { email: 'ewa@customer.example', name: 'Ewa' },
  customerId: 'customer-ewa',
  inbox: 'billing',
  problems: [],
  mail: {
    mailbox: 'billing@mail.acme.example',
    messageId: 'm1@customer.example',
    subject: 'Invoice',
    rawKey: 'raw/abc',
    fullTextKey: null,
    htmlKey: null,
    attachments: [],
    automatic: null,
  },
  ...overrides,
});
const fromMail = (m = message()) => ctx(mailActor(m));

describe('openCaseFromMail', () => {
  it('opens a case in "to assign" of the mailbox inbox, with the sender as customer, contact and requester', () => {
    const { case: c, entries } = openCaseFromMail(message(), fromMail(), identity);

    expect(c).toMatchObject({
      id: NEW_ID, number: 1043, status: 'new', assigneeId: null, channel: 'email', inbox: 'billing', title: 'Invoice',
      description: 'The invoice is missing.', customerId: 'customer-ewa', lastCustomerMessageAt: NOW, version: 1,
      contacts: { primaryContact: { email: 'ewa@customer.example', name: 'Ewa' }, requester: { email: 'ewa@customer.example', name: 'Ewa' } },
    });
    expect(entries[0]).toMatchObject({ seq: 1, type: 'inbound_message', visibility: 'public', channel: 'email', from: 'ewa@customer.example', mail: { messageId: 'm1@customer.example' } });
    expect(entries[0]?.actor).toEqual({ kind: 'customer', id: 'customer-ewa', name: 'Ewa' });
  });

  it('takes the first line of the text as title when the subject is empty, and a placeholder when both are', () => {
    expect(openCaseFromMail(message({ subject: '  ', text: '\n\nPrinter on fire\nsecond line' }), fromMail(), identity).case.title).toBe('Printer on fire');
    expect(openCaseFromMail(message({ subject: '', text: '' }), fromMail(), identity).case.title).toBe('(no subject)');
  });

  it('records what the parser could not read as one internal entry after the message', () => {
    const { entries } = openCaseFromMail(message({ problems: ['unreadable Date header', 'broken base64'] }), fromMail(), identity);

    expect(entries[1]).toMatchObject({ type: 'system', visibility: 'internal', event: 'mail_problems', detail: 'unreadable Date header\nbroken base64' });
  });
});

describe('rejectMail', () => {
  it.each(['unknown_address', 'rejected_spam'] as const)('closes the case at once as %s, in no queue', (method) => {
    const { case: c, entries } = rejectMail(message({ customerId: null }), fromMail(), identity, method);

    expect(c).toMatchObject({ status: 'closed', closedAt: NOW, resolution: { method }, assigneeId: null, customerId: null });
    expect(entries[0]).toMatchObject({ type: 'inbound_message', text: 'The invoice is missing.' });
  });
});

describe('receiveMail', () => {
  it('brings a waiting case back to its agent, highlighted, with the message and its problems', () => {
    const waiting = aCase({
      status: 'waiting', assigneeId: 'agent-ala', timerGeneration: 1,
      wait: { kind: 'more_info', days: 3, closeIfNoReply: false, until: '2026-11-28T09:00:00.000Z' },
      timer: { purpose: 'wait', dueAt: '2026-11-28T09:00:00.000Z', generation: 1 },
    });

    const { case: next, entries } = receiveMail(waiting, fromMail(), message({ problems: ['odd charset'] }));

    expect(next).toMatchObject({ status: 'in_progress', highlighted: true, wait: null, timer: null });
    expect(entries.map((e) => e.type)).toEqual(['inbound_message', 'system', 'field_change']);
    expect(entries[0]).toMatchObject({ mail: { rawKey: 'raw/abc' } });
  });

  it('fills an empty title and description of a draft, which stays a draft', () => {
    const draft = aCase({ status: 'draft', title: '', description: '', entryCount: 0 });

    const { case: next, entries } = receiveMail(draft, fromMail(), message());

    expect(next).toMatchObject({ status: 'draft', title: 'Invoice', description: 'The invoice is missing.' });
    expect(entries[0]).toMatchObject({ type: 'inbound_message' });
  });

  it('leaves a draft\'s own title and description as they are', () => {
    const draft = aCase({ status: 'draft', title: 'Agent title', description: 'Agent text' });

    expect(receiveMail(draft, fromMail(), message()).case).toMatchObject({ title: 'Agent title', description: 'Agent text' });
  });
});

describe('continueFromMail', () => {
  it('follows a closed case with a new one that carries the message and the link both ways', () => {
    const closed = aCase({ status: 'closed', closedAt: NOW, resolution: { method: 'replied_to_customer', at: NOW, by: 'agent-ala', entrySeq: null } });

    const { followUp, original } = continueFromMail(closed, fromMail(), message({ problems: ['odd'] }), identity);

    expect(followUp.case).toMatchObject({ id: NEW_ID, status: 'new', links: [{ kind: 'follows', caseId: closed.id }] });
    expect(followUp.entries.map((e) => e.type)).toEqual(expect.arrayContaining(['inbound_message', 'system']));
    expect(followUp.entries.find((e) => e.type === 'inbound_message')).toMatchObject({ mail: { messageId: 'm1@customer.example' } });
    expect(original.case.links).toEqual([{ kind: 'followed_by', caseId: NEW_ID }]);
  });

  it('continues a full case in a new one that keeps its customer and classification, the full case taking only the link', () => {
    const full = aCase({ status: 'in_progress', assigneeId: 'agent-ala', entryCount: MAX_TIMELINE_ENTRIES, category: 'billing', priority: 'high' });

    const { followUp, original } = continueFromMail(full, fromMail(), message(), identity);

    expect(followUp.case).toMatchObject({ status: 'new', category: 'billing', priority: 'high', customerId: full.customerId, links: [{ kind: 'follows', caseId: full.id }] });
    expect(original.entries).toContainEqual(expect.objectContaining({ type: 'system', event: 'follow_up_case' }));
    expect(original.entries.every((e) => e.actor.kind === 'system')).toBe(true);
    expect(original.case.status).toBe('in_progress');
  });
});

describe('mailActor', () => {
  it('is the customer record when linked, else the sender address', () => {
    expect(mailActor(message())).toEqual({ kind: 'customer', id: 'customer-ewa', name: 'Ewa' });
    expect(mailActor(message({ customerId: null, sender: { email: 'x@y.example' } }))).toEqual({ kind: 'customer', id: 'x@y.example' });
    expect(mailActor(message({ customerId: null, sender: null }))).toEqual({ kind: 'customer', id: 'unknown-sender' });
  });
});

