import { describe, expect, it } from 'vitest';
import { parseInboundMessage } from '../../functions/mail/inbound/parse-message.ts';
import { api, newCase } from './api-client.ts';
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

    // The first mail out is the acknowledgement of the new case; the agent's reply follows it.
    const [, raw] = await eventually(async () => (await outboxFor(customer)).length === 2 && outboxFor(customer));
    const sent = await parse(raw!);
    const [local, domain] = mailbox().split('@');
    expect(sent.from?.address).toBe(mailbox());
    expect(sent.replyTo?.address).toBe(`${local}+c.${summary.id}@${domain}`);
    expect(sent.subject).toBe(`[#${summary.number}] Brak faktury`);
    expect(sent.messageId).toMatch(new RegExp(`^case\\.${summary.id}\\.\\d+@${domain}$`));
    expect(sent.inReplyTo).toEqual([`q-${customer}`]);
    expect(sent.text).toContain('Wysłaliśmy fakturę ponownie.');
    const replyEntry = await eventually(async () => (await timeline(summary.id)).find((e) => e.type === 'reply' && !e.automatic && e.delivery === 'sent'));
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
    await sendMail({ from: customer, subject: 'History', text: 'First question.' });
    const [summary] = await casesOf(customer);
    await api('agent', 'POST', `/cases/${summary.id}/claim`);
    await api('agent', 'POST', `/cases/${summary.id}/notes`, { body: { text: 'SECRET-NOTE the customer must never see' } });
    await api('agent', 'PATCH', `/cases/${summary.id}`, { body: { category: 'SECRET-CATEGORY-9Z' } });

    await api('agent', 'POST', `/cases/${summary.id}/replies`, { body: { text: 'Here is the answer.', includeHistory: true } });

    // The first mail out is the acknowledgement of the new case; the agent's reply follows it.
    const [, raw] = await eventually(async () => (await outboxFor(customer)).length === 2 && outboxFor(customer));
    const sent = await parse(raw!);
    expect(sent.fullText).toContain('First question.');
    expect(raw).not.toContain('SECRET-NOTE');
    expect(sent.fullText).not.toContain('SECRET-NOTE');
    expect(raw).not.toContain('SECRET-CATEGORY-9Z');
  });

  it('keeps the resolution note out of a "send and resolve" mail, history included', async () => {
    const customer = uniqueSender();
    await sendMail({ from: customer, subject: 'Resolve me', text: 'Is it fixed?' });
    const [summary] = await casesOf(customer);
    await api('agent', 'POST', `/cases/${summary.id}/claim`);

    const resolved = await api('agent', 'POST', `/cases/${summary.id}/resolve`, {
      body: { method: 'replied_to_customer', note: { text: 'SECRET-RESOLUTION-NOTE root cause was our bug' }, reply: { text: 'It is fixed now.', includeHistory: true } },
    });

    expect(resolved.status).toBe(200);
    const [, raw] = await eventually(async () => (await outboxFor(customer)).length === 2 && outboxFor(customer));
    const sent = await parse(raw!);
    expect(sent.text).toContain('It is fixed now.');
    expect(sent.fullText).toContain('Is it fixed?');
    expect(raw).not.toContain('SECRET-RESOLUTION-NOTE');
  });
});

describe('the acknowledgement of a new case', () => {
  it('is mailed to a person once, marked automatic, with the case number', async () => {
    const customer = uniqueSender();

    await sendMail({ from: customer, subject: 'Need help', text: 'Hello.', messageId: `<ack-${customer}>` });

    const [summary] = await casesOf(customer);
    const [raw] = await eventually(async () => (await outboxFor(customer)).length === 1 && outboxFor(customer));
    const ack = await parse(raw!);
    expect(ack.automatic.autoSubmitted).toBe('auto-replied');
    expect(ack.subject).toContain(`[#${summary.number}]`);
    expect(ack.inReplyTo).toEqual([`ack-${customer}`]);
    const { case: opened } = (await api('agent2', 'GET', `/cases/${summary.id}`)).body;
    expect(opened).toMatchObject({ status: 'new', assigneeId: null });
  });

  it('is never sent to automatic mail', async () => {
    const robot = uniqueSender('noreply');

    await sendMail({ from: robot, subject: 'Out of office', text: 'I am away.', headers: { 'Auto-Submitted': 'auto-replied' } });

    expect(await casesOf(robot)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await outboxFor(robot)).toEqual([]);
  });

  it('goes to one sender at most three times a day', async () => {
    const chatty = uniqueSender('chatty');

    for (let i = 0; i < 5; i++) await sendMail({ from: chatty, subject: `Question ${i}`, text: `Number ${i}.` });

    expect(await casesOf(chatty)).toHaveLength(5);
    await eventually(async () => (await outboxFor(chatty)).length === 3);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await outboxFor(chatty)).toHaveLength(3);
  });
});

describe("the tenant's own templates", () => {
  it('wrap an agent reply in the template saved for the reply notification in the tenant language', async () => {
    const customer = uniqueSender();
    const id = `reply-pl-${customer.split('@')[0]}`;
    const saved = await api('admin', 'PUT', `/templates/${id}`, {
      body: { kind: 'notification', language: 'pl', purpose: 'reply_notification', name: 'Nasza odpowiedź', subject: '[#{{case_number}}] {{case_title}}', body: 'OWN-TEMPLATE-4K\n{{reply_text}}\nSprawa {{case_number}}' },
    });
    expect(saved.status).toBe(201);
    try {
      await sendMail({ from: customer, subject: 'Template', text: 'Question.' });
      const [summary] = await casesOf(customer);
      await api('agent', 'POST', `/cases/${summary.id}/claim`);

      await api('agent', 'POST', `/cases/${summary.id}/replies`, { body: { text: 'The answer.' } });

      const [, raw] = await eventually(async () => (await outboxFor(customer)).length === 2 && outboxFor(customer));
      expect((await parse(raw!)).text).toBe(`OWN-TEMPLATE-4K\nThe answer.\nSprawa ${summary.number}`);
    } finally {
      await api('admin', 'DELETE', `/templates/${id}`);
    }
  });
});

describe('a reply with an attachment', () => {
  it('carries the file the agent uploaded for the case, and refuses one uploaded for another case', async () => {
    const customer = uniqueSender();
    await sendMail({ from: customer, subject: 'Need the manual', text: 'Please send the manual.' });
    const [summary] = await casesOf(customer);
    await api('agent', 'POST', `/cases/${summary.id}/claim`);
    const pdf = Buffer.from('%PDF-1.4 instrukcja obsługi');

    const upload = await api('agent', 'POST', `/cases/${summary.id}/attachments`, { body: { filename: 'Instrukcja obsługi.pdf', contentType: 'application/pdf', size: pdf.length } });
    expect(upload.status).toBe(201);
    expect((await fetch(upload.body.uploadUrl, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: pdf })).status).toBe(200);
    const attachment = { key: upload.body.key, filename: 'Instrukcja obsługi.pdf', contentType: 'application/pdf' };

    const other = await newCase();
    const misplaced = await api('agent', 'POST', `/cases/${other.id}/replies`, { body: { text: 'Wrong case.', attachments: [attachment] } });
    expect([misplaced.status, misplaced.body.error.issues[0].path]).toEqual([400, 'body.attachments.0.key']);

    await api('agent', 'POST', `/cases/${summary.id}/replies`, { body: { text: 'The manual is attached.', attachments: [attachment] } });

    const [, raw] = await eventually(async () => (await outboxFor(customer)).length === 2 && outboxFor(customer));
    const sent = await parse(raw!);
    expect(sent.attachments.map((a) => [a.filename, a.contentType, Buffer.from(a.content).toString()])).toEqual([
      ['Instrukcja obsługi.pdf', 'application/pdf', '%PDF-1.4 instrukcja obsługi'],
    ]);
  });
});
