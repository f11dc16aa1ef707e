import type { Case } from '../../domain/case.ts';
import { caseHistory } from '../../domain/case-history.ts';
import { casePlaceholders } from '../../domain/placeholders.ts';
import { type Mailbox, type MailConfig, mailboxFor } from '../../domain/mail-config.ts';
import { outboundMessageId, replyAddress, subjectWithCaseNumber } from '../../domain/mail-identity.ts';
import { type Language, renderTemplate, type Template } from '../../domain/templates.ts';
import type { TenantSettings } from '../../domain/tenant-settings.ts';
import type { TimelineEntry } from '../../domain/timeline.ts';
import type { ComposeInput } from './compose-message.ts';

export type ReplyEntry = Extract<TimelineEntry, { type: 'reply' }>;
type InboundEntry = Extract<TimelineEntry, { type: 'inbound_message' }>;

/** How many of a thread's Message-IDs go into References; more only makes the header long. */
const MAX_REFERENCES = 20;

/**
 * The e-mail for an agent's public reply: from the mailbox the customer wrote to, with the case
 * token in Reply-To, our Message-ID for the entry, In-Reply-To the customer's last message, the
 * case number in the subject, and the tenant's notification template around the agent's text.
 * `timeline` is the case's recent entries, newest first; only customer-visible ones can reach the
 * mail (the history block takes nothing else, and the body is the reply's own text). The template
 * is the tenant's reply notification in the customer's language.
 */
export function replyMessage(
  c: Case,
  reply: ReplyEntry,
  timeline: readonly TimelineEntry[],
  context: { mail: MailConfig; settings: TenantSettings; template: Template; language: Language; ticketUrl: string },
): ComposeInput {
  const { mail, settings, template, language, ticketUrl } = context;
  const inbound = timeline.filter((e): e is InboundEntry => e.type === 'inbound_message' && e.seq < reply.seq);
  const mailbox = sendingMailbox(reply, c, inbound, mail);
  const values = {
    ...casePlaceholders(c, settings, { customer: c.contacts.primaryContact?.name, agent: reply.actor.name ?? settings.name, ticketUrl }),
    reply_text: reply.text,
  };
  const history = reply.includeHistory ? caseHistory(timeline, { language, timeZone: settings.timeZone, beforeSeq: reply.seq }) : null;
  const lastCustomerMessageId = inbound.find((e) => e.mail?.messageId)?.mail?.messageId ?? undefined;
  const threadIds = timeline
    .filter((e) => e.seq < reply.seq)
    .map((e) => (e.type === 'inbound_message' ? (e.mail?.messageId ?? null) : e.type === 'reply' && e.delivery !== 'queued' ? outboundMessageId(c.id, e.seq, mail.domain) : null))
    .filter((id): id is string => id !== null)
    .slice(0, MAX_REFERENCES)
    .reverse();
  // The acknowledgement was rendered from its own template when it was queued; an agent's reply is wrapped now.
  const body = reply.automatic ? reply.text : renderTemplate(template.body, values);
  return {
    from: { address: mailbox.address, name: mailbox.displayName ?? settings.name },
    replyTo: replyAddress(mailbox.address, c.id),
    to: reply.to,
    subject: subjectWithCaseNumber(reply.subject ?? c.title, c.number),
    text: history && history.text !== '' ? `${body}\n\n${history.text}` : body,
    messageId: outboundMessageId(c.id, reply.seq, mail.domain),
    ...(lastCustomerMessageId ? { inReplyTo: lastCustomerMessageId } : {}),
    references: threadIds,
    date: reply.at,
    attachments: [],
    ...(reply.automatic ? { automatic: reply.automatic } : {}),
  };
}

/**
 * The mailbox a reply leaves from: the one the agent chose, else the one the customer last wrote
 * to, else the one of the case's inbox, else the first.
 */
function sendingMailbox(reply: ReplyEntry, c: Case, inbound: readonly InboundEntry[], mail: MailConfig): Mailbox {
  const chosen = reply.fromMailbox ? mailboxFor(mail, reply.fromMailbox) : null;
  const writtenTo = inbound.find((e) => e.mail)?.mail?.mailbox;
  const lastWrittenTo = writtenTo ? mailboxFor(mail, writtenTo) : null;
  const ofInbox = mail.mailboxes.find((m) => m.inbox === (reply.fromMailbox ?? c.inbox));
  return chosen ?? lastWrittenTo ?? ofInbox ?? mail.mailboxes[0]!;
}
