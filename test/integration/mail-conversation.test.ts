import { describe, expect, it } from 'vitest';
import { parseInboundMessage } from '../../functions/mail/inbound/parse-message.ts';
import { api } from './api-client.ts';
import { eventually } from './local-helpdesk.ts';
import { casesOf, mailbox, outboxFor, sendMail, timeline, uniqueSender } from './mail-client.ts';

const parse = (raw: string) => parseInboundMessage(new TextEncoder().encode(raw));

describe('a conversation by e-mail', () => {
  it('sends the agent\'s reply with threading headers, and the customer\'s answer to it comes back to the same case', async () => {
    const customer = uniqueSender('ewa');
    await sendMail({ from: `Ewa Kowalska <${customer}>`, subject: 'Brak faktury', text: 'Nie dostałam faktury za październik.', messageId: `<q-${customer}>` });
    const [summary] = await casesOf(customer);
    await api('agent', 'POST', `/cases/${summary.id}/claim`);

    const replied = await api('agent', 'POST', `/cases/${summary.id}/replies`, { body: { text: 'Wysłaliśmy fakturę ponownie.' } });
    expect(replied.status).toBe(200);

    const [raw] = await eventually(async () => (await outboxFor(customer)).length === 1 && outboxFor(customer));
    const sent = await parse(raw!);
    const [local, domain] = mailbox().split('@');
    expect(sent.from?.address).toBe(mailbox());
    expect(sent.replyTo?.address).toBe(`${local}+c.${summary.id}@${domain}`);
    expect(sent.subject).toBe(`[#${summary.number}] Brak faktury`);
    expect(sent.messageId).toMatch(new RegExp(`^case\\.${summary.id}\\.\\d+@${domain}$`));
    expect(sent.inReplyTo).toEqual([`q-${customer}`]);
    expect(sent.text).toContain('Wysłaliśmy fakturę ponownie.');
    const replyEntry = await eventually(async () => (await timeline(summary.id)).find((e) => e.type === 'reply' && e.delivery === 'sent'));
    expect(replyEntry.messageId).toBe(sent.messageId);

    await sendMail({ from: customer, subject: `Re: ${sent.subject}`, text: 'Dziękuję, doszła.', inReplyTo: `<${sent.messageId}>`, references: [`<q-${customer}>`, `<${sent.messageId}>`] });

    expect(await casesOf(customer)).toHaveLength(1);
    // Read by a colleague: the assignee opening it would clear the highlight.
    const { case: after } = (await api('agent2', 'GET', `/cases/${summary.id}`)).body;
    expect(after).toMatchObject({ status: 'in_progress', highlighted: true });
    expect((await timeline(summary.id)).filter((e) => e.type === 'inbound_message').map((e) => e.text)).toEqual([
      'Nie dostałam faktury za październik.',
      'Dziękuję, doszła.',
    ]);
  });

  it('never puts a note, a field change or a system entry into a mail, not even with the case history', async () => {
    const customer = uniqueSender();
    await sendMail({ from: customer, subject: 'OLD-TITLE-7Q', text: 'First question.' });
    const [summary] = await casesOf(customer);
    await api('agent', 'POST', `/cases/${summary.id}/claim`);
    await api('agent', 'POST', `/cases/${summary.id}/notes`, { body: { text: 'SECRET-NOTE the customer must never see' } });
    await api('agent', 'PATCH', `/cases/${summary.id}`, { body: { title: 'Renamed by the agent' } });

    await api('agent', 'POST', `/cases/${summary.id}/replies`, { body: { text: 'Here is the answer.', includeHistory: true } });

    const [raw] = await eventually(async () => (await outboxFor(customer)).length === 1 && outboxFor(customer));
    const sent = await parse(raw!);
    expect(sent.fullText).toContain('First question.');
    expect(raw).not.toContain('SECRET-NOTE');
    expect(sent.fullText).not.toContain('SECRET-NOTE');
    // The rename is recorded as a field change from the old title: neither side of it may show.
    expect(sent.fullText).not.toContain('OLD-TITLE-7Q');
    expect(sent.subject).toBe(`[#${summary.number}] Renamed by the agent`);
  });
});
