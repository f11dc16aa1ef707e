import { describe, expect, it } from 'vitest';
import { api } from './api-client.ts';
import { casesOf, mailbox, sendMail, timeline, uniqueSender } from './mail-client.ts';

describe('mail to a mailbox of the tenant', () => {
  it('opens a case in "to assign" for a new sender, who becomes a customer', async () => {
    const from = uniqueSender('anna');

    await sendMail({ from: `Anna Nowak <${from}>`, subject: 'Drukarka nie działa', text: 'Od rana drukarka zacina papier.' });

    const [summary] = await casesOf(from);
    const { case: created } = (await api('agent', 'GET', `/cases/${summary.id}`)).body;
    expect(created).toMatchObject({ title: 'Drukarka nie działa', status: 'new', channel: 'email', assigneeId: null, inbox: 'support' });
    expect(created.contacts.primaryContact).toEqual({ email: from, name: 'Anna Nowak' });
    const queue = await api('agent', 'GET', '/queues/to-assign?limit=100');
    expect(queue.body.items.map((c: any) => c.id)).toContain(created.id);
    const [entry] = await timeline(created.id);
    expect(entry).toMatchObject({ type: 'inbound_message', channel: 'email', from, text: 'Od rana drukarka zacina papier.', actor: { kind: 'customer' } });
    expect(entry.mail).toMatchObject({ mailbox: mailbox(), subject: 'Drukarka nie działa', automatic: null });
  });

  it('records a message delivered twice once', async () => {
    const from = uniqueSender();
    const message = { from, subject: 'Twice', text: 'Sent once, delivered twice.', messageId: `<twice-${from}>` };

    await sendMail(message);
    await sendMail(message);

    const cases = await casesOf(from);
    expect(cases).toHaveLength(1);
    expect((await timeline(cases[0].id)).filter((e) => e.type === 'inbound_message')).toHaveLength(1);
  });

  it('makes one case of two copies of a message delivered at the same moment', async () => {
    const from = uniqueSender();
    const message = { from, subject: 'Racing copies', text: 'Delivered twice at once.', messageId: `<race-${from}>` };

    await Promise.all([sendMail(message), sendMail(message), sendMail(message)]);

    const cases = await casesOf(from);
    expect(cases).toHaveLength(1);
    expect((await timeline(cases[0].id)).filter((e) => e.type === 'inbound_message')).toHaveLength(1);
  });

  it('threads a reply to the case token in the address it was sent to', async () => {
    const from = uniqueSender();
    await sendMail({ from, subject: 'First', text: 'First message.' });
    const [first] = await casesOf(from);
    const [local, domain] = mailbox().split('@');

    await sendMail({ from, to: `${local}+c.${first.id}@${domain}`, subject: 'Something else entirely', text: 'More details.' });

    expect(await casesOf(from)).toHaveLength(1);
    expect((await timeline(first.id)).filter((e) => e.type === 'inbound_message').map((e) => e.text)).toEqual(['First message.', 'More details.']);
  });

  it('threads by [#number] only among the sender\'s own cases', async () => {
    const from = uniqueSender();
    const stranger = uniqueSender('stranger');
    await sendMail({ from, subject: 'Numbered', text: 'Original.' });
    const [original] = await casesOf(from);

    await sendMail({ from, subject: `Re: [#${original.number}] Numbered`, text: 'Same sender.' });
    await sendMail({ from: stranger, subject: `Re: [#${original.number}] Numbered`, text: 'Someone else.' });

    expect(await casesOf(from)).toHaveLength(1);
    expect((await timeline(original.id)).filter((e) => e.type === 'inbound_message')).toHaveLength(2);
    const [theirs] = await casesOf(stranger);
    expect(theirs.id).not.toBe(original.id);
  });

  it('threads a reply to the customer\'s own earlier message (reply-all on the first mail)', async () => {
    const from = uniqueSender();
    const firstId = `<first-${from}>`;
    await sendMail({ from, subject: 'Thread start', text: 'Start.', messageId: firstId });
    const [first] = await casesOf(from);

    await sendMail({ from, subject: 'Re: Thread start', text: 'Adding a colleague.', inReplyTo: firstId, references: [firstId] });

    expect((await timeline(first.id)).filter((e) => e.type === 'inbound_message')).toHaveLength(2);
  });

  it('closes mail to an unknown address of the domain as "rejected – unknown address", without a customer', async () => {
    const from = uniqueSender();
    const domain = mailbox().split('@')[1];

    await sendMail({ from, to: `nobody-here@${domain}`, subject: `Hello? ${from}`, text: 'Is anyone there?' });

    expect(await casesOf(from)).toEqual([]);
    const rejected = await archived(`Hello? ${from}`);
    expect(rejected).toMatchObject({ status: 'closed', resolution: { method: 'unknown_address' }, customerId: null });
  });

  it('closes mail the spam scan fails as spam', async () => {
    const from = uniqueSender();

    await sendMail({ from, subject: `Cheap pills ${from}`, text: 'XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X' });

    const spam = await archived(`Cheap pills ${from}`);
    expect(spam).toMatchObject({ status: 'closed', resolution: { method: 'rejected_spam' }, customerId: null });
  });

  it('keeps each attachment as its own object with name, type, size and checksum', async () => {
    const from = uniqueSender();

    await sendMail({ from, subject: 'Invoice', text: 'See attached.', attachments: [{ filename: 'Faktura – listopad.pdf', content: Buffer.from('%PDF-1.4 test'), contentType: 'application/pdf' }] });

    const [created] = await casesOf(from);
    const [entry] = await timeline(created.id);
    expect(entry.mail.attachments).toEqual([
      expect.objectContaining({ filename: 'Faktura – listopad.pdf', contentType: 'application/pdf', size: 13, quarantined: false, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);

    const link = await api('agent', 'GET', `/cases/${created.id}/timeline/${entry.seq}/attachments/0`);
    expect(link.body).toMatchObject({ filename: 'Faktura – listopad.pdf', contentType: 'application/pdf', size: 13 });
    const download = await fetch(link.body.url);
    expect(Buffer.from(await download.arrayBuffer()).toString()).toBe('%PDF-1.4 test');
    expect(download.headers.get('content-disposition')).toContain(encodeURIComponent('Faktura – listopad.pdf'));
    expect((await api('agent', 'GET', `/cases/${created.id}/timeline/${entry.seq}/attachments/1`)).status).toBe(404);
  });

  it('lists at most 100 attachments on the entry, and says so', async () => {
    const from = uniqueSender();
    const attachments = Array.from({ length: 120 }, (_, i) => ({ filename: `scan-${i}.txt`, content: `page ${i}` }));

    await sendMail({ from, subject: 'Many scans', text: 'All pages attached.', attachments });

    const [created] = await casesOf(from);
    const entries = await timeline(created.id);
    expect(entries[0].mail.attachments).toHaveLength(100);
    expect(entries.find((e) => e.event === 'mail_problems')?.detail).toContain('the message has 120 attachments: the first 100 are listed');
  });

  it('records a message the virus scan fails, but never offers its attachments', async () => {
    const from = uniqueSender();
    const eicar = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

    await sendMail({ from, subject: 'Your parcel', text: 'Open the file.', attachments: [{ filename: 'parcel.com', content: eicar }] });

    const [created] = await casesOf(from);
    const [entry] = await timeline(created.id);
    expect(entry).toMatchObject({ type: 'inbound_message', text: 'Open the file.' });
    expect(entry.mail.attachments).toEqual([expect.objectContaining({ filename: 'parcel.com', quarantined: true })]);
    const link = await api('agent', 'GET', `/cases/${created.id}/timeline/${entry.seq}/attachments/0`);
    expect(link.status).toBe(403);
  });
});

/** The closed case with this title, read in full. */
async function archived(title: string): Promise<any> {
  const archive = await api('agent', 'GET', '/queues/archive?limit=100');
  const summary = archive.body.items.find((c: any) => c.title === title);
  return summary ? (await api('agent', 'GET', `/cases/${summary.id}`)).body.case : undefined;
}
