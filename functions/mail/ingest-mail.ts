import { customerForAddress } from '../customers/customer-for-address.ts';
import { type Acknowledgement, acknowledge } from '../domain/acknowledgement.ts';
import type { Case, Contact } from '../domain/case.ts';
import { ConflictError, InvalidTransitionError } from '../domain/errors.ts';
import { continueFromMail, MAX_MAIL_TEXT, type MailMessage, mailActor, openCaseFromMail, receiveMail, rejectMail } from '../domain/inbound-mail.ts';
import { automaticReason } from '../domain/loop-safety.ts';
import { inMailDomain, type Mailbox, type MailConfig, mailboxFor } from '../domain/mail-config.ts';
import { parseOutboundMessageId } from '../domain/mail-identity.ts';
import { casePlaceholders } from '../domain/placeholders.ts';
import { chooseLanguage, renderTemplate, type Template } from '../domain/templates.ts';
import type { TenantSettings } from '../domain/tenant-settings.ts';
import type { CaseLinks } from '../shared/case-links.ts';
import { retryOnConflict } from '../shared/retry-on-conflict.ts';
import type { AutoReplyLog } from '../store/auto-reply-log.ts';
import type { CaseStore } from '../store/case-store.ts';
import type { CustomerStore } from '../store/customer-store.ts';
import { MailAlreadyRecorded, type MailReceipt, mailReceiptWrite, type MailReceiptStore, messageKeyOf } from '../store/mail-receipts.ts';
import type { TemplateStore } from '../store/template-store.ts';
import { findThread } from './find-thread.ts';
import { mailTemplate } from './mail-template.ts';
import type { InboundMessage } from './inbound/inbound-message.ts';
import { parseInboundMessage } from './inbound/parse-message.ts';
import type { MailObjects } from './mail-objects.ts';
import { storeParts } from './store-parts.ts';

export interface IngestDeps {
  cases: CaseStore;
  customers: CustomerStore;
  receipts: MailReceiptStore;
  autoReplies: AutoReplyLog;
  templates: TemplateStore;
  objects: MailObjects;
  mail: MailConfig;
  settings: TenantSettings;
  tableName: string;
  links: () => Promise<CaseLinks>;
  clock: () => string;
  newId: () => string;
}

export type IngestResult =
  | { outcome: 'recorded'; caseId: string; created: boolean }
  | { outcome: 'rejected'; caseId: string; reason: 'unknown_address' | 'rejected_spam' }
  | { outcome: 'duplicate'; caseId: string }
  | { outcome: 'bounce'; updated: number };

/**
 * Ingests one raw message as the receiving service stored it: the object is the source of truth,
 * whatever the notification said. Each delivery of the same message (same Message-ID, or same
 * bytes without one, in the same mailbox) records it once; a copy racing another loses at the
 * receipt's condition and reports the first one's case. Errors of the store are thrown, so the
 * queue delivers the message again; the message itself never makes this throw.
 */
export async function ingestMail(rawKey: string, deps: IngestDeps): Promise<IngestResult> {
  const message = await parseInboundMessage(await deps.objects.get(rawKey));
  const target = addressedMailbox(message, deps.mail);
  const receiptOf = (caseId: string): MailReceipt => ({
    mailbox: target.mailbox.address, messageKey: messageKeyOf(message), caseId, rawKey, receivedAt: deps.clock(),
  });
  const earlier = await deps.receipts.find(target.mailbox.address, messageKeyOf(message));
  if (earlier) return { outcome: 'duplicate', caseId: earlier.caseId };
  if (message.automatic.isBounce) return { outcome: 'bounce', updated: await recordBounce(message, deps) };

  const parts = await storeParts(message, deps.objects, message.receipt.virusVerdict === 'FAIL');
  const rejection = target.known ? (message.receipt.spamVerdict === 'FAIL' ? 'rejected_spam' : null) : 'unknown_address';
  const sender = senderOf(message);
  // Spam and mail to nobody are kept as cases, but their senders do not become customers.
  const customerId = rejection || !sender ? null : await customerForAddress(sender, deps.customers, deps.newId, deps.clock);
  const mailMessage = toMailMessage(message, { rawKey, mailbox: target.mailbox, sender, customerId, parts, problems: target.problems, mailDomain: deps.mail.domain });
  const ctx = { actor: mailActor(mailMessage), now: deps.clock(), settings: deps.settings };

  try {
    if (rejection) {
      const id = deps.newId();
      await deps.cases.createCase((number) => rejectMail(mailMessage, ctx, { id, number }, rejection), {
        alongside: [mailReceiptWrite(deps.tableName, receiptOf(id))],
      });
      return { outcome: 'rejected', caseId: id, reason: rejection };
    }
    const thread = await findThread(message, target.mailbox.address, customerId, { cases: deps.cases, receipts: deps.receipts, mailDomain: deps.mail.domain });
    if (thread.kind === 'existing') return await appendToCase(thread.caseId, mailMessage, ctx, deps, receiptOf);
    const id = deps.newId();
    const acknowledgeTo = (await mayAcknowledge(mailMessage, deps)) ? mailMessage.sender : null;
    const template = acknowledgeTo ? await mailTemplate(deps.templates, 'acknowledgement', chooseLanguage(null, deps.settings.language)) : null;
    // A new case's link is of its first generation, so it is known before the case is written.
    const ticketUrl = template ? (await deps.links()).url({ id, linkGeneration: 0 }, deps.settings) : '';
    await deps.cases.createCase(
      (number) => {
        const opened = openCaseFromMail(mailMessage, ctx, { id, number });
        return acknowledgeTo && template ? acknowledge(opened, ctx, acknowledgement(opened.case, acknowledgeTo, template, deps.settings, ticketUrl)) : opened;
      },
      { alongside: [mailReceiptWrite(deps.tableName, receiptOf(id))] },
    );
    return { outcome: 'recorded', caseId: id, created: true };
  } catch (error) {
    if (error instanceof MailAlreadyRecorded) return { outcome: 'duplicate', caseId: error.caseId };
    throw error;
  }
}

/** Attachments an entry lists: enough for any real message, and an entry stays far below DynamoDB's 400 KB item limit. */
const MAX_LISTED_ATTACHMENTS = 100;

type Context = Parameters<typeof receiveMail>[1];

/** Another message on a busy case is re-applied like any command; a case that cannot take it is continued by a new one. */
async function appendToCase(
  caseId: string,
  message: MailMessage,
  ctx: Context,
  deps: IngestDeps,
  receiptOf: (caseId: string) => MailReceipt,
): Promise<IngestResult> {
  return retryOnConflict(async () => {
    const current = await deps.cases.getCase(caseId);
    try {
      await deps.cases.saveCase(receiveMail(current, ctx, message), current.version, { alongside: [mailReceiptWrite(deps.tableName, receiptOf(caseId))] });
      return { outcome: 'recorded', caseId, created: false } as const;
    } catch (error) {
      if (!cannotTake(error)) throw error;
    }
    const id = deps.newId();
    await deps.cases.createFollowUp((number) => continueFromMail(current, ctx, message, { id, number }), current.version, [
      mailReceiptWrite(deps.tableName, receiptOf(id)),
    ]);
    return { outcome: 'recorded', caseId: id, created: true } as const;
  });
}

/**
 * A new case is acknowledged to a person, never to a machine: not to automatic mail (auto-replies,
 * lists, bounces, our own messages coming back), not to an address of our own domain, and at most
 * a few times a day per sender, so two auto-responders can never keep each other going.
 */
async function mayAcknowledge(message: MailMessage, deps: IngestDeps): Promise<boolean> {
  const { sender } = message;
  if (!deps.settings.acknowledgeNewMail || !sender || message.mail.automatic !== null || inMailDomain(deps.mail, sender.email)) return false;
  return deps.autoReplies.reserve(sender.email, deps.clock());
}

function acknowledgement(c: Case, to: Contact, template: Template, settings: TenantSettings, ticketUrl: string): Acknowledgement {
  const values = casePlaceholders(c, settings, { customer: to.name, agent: null, ticketUrl });
  return { subject: renderTemplate(template.subject ?? '', values), text: renderTemplate(template.body, values), to: to.email };
}

/** Closed under the "new linked case" policy, or full: the message starts a case that follows it. */
const cannotTake = (error: unknown): boolean =>
  (error instanceof InvalidTransitionError && error.status === 'closed') || (error instanceof ConflictError && error.code === 'case_full');

/** A delivery report for our own mail marks the replies it names; it never opens a case. */
async function recordBounce(message: InboundMessage, deps: IngestDeps): Promise<number> {
  let updated = 0;
  for (const id of message.automatic.bouncedMessageIds) {
    const ours = parseOutboundMessageId(id, deps.mail.domain);
    if (!ours) continue;
    const detail = message.text.split('\n').find((line) => line.trim() !== '')?.trim().slice(0, 500) ?? 'bounced';
    if (await deps.cases.updateDelivery(ours.caseId, ours.entrySeq, 'bounced', { detail })) updated++;
  }
  return updated;
}

interface Target {
  mailbox: Mailbox;
  known: boolean;
  problems: string[];
}

/**
 * The mailbox the message was for: the envelope recipient the receiving service recorded, else the
 * first of To and Cc that is one of ours. An address of our domain that is no mailbox makes the
 * message "unknown address"; a message naming nothing of ours (a Bcc with no trace) goes to the
 * first mailbox, with a note for the agent.
 */
function addressedMailbox(message: InboundMessage, config: MailConfig): Target {
  const addresses = [message.receipt.envelopeRecipient, ...message.to.map((m) => m.address), ...message.cc.map((m) => m.address)].filter(
    (address): address is string => address !== null,
  );
  for (const address of addresses) {
    const mailbox = mailboxFor(config, address);
    if (mailbox) return { mailbox, known: true, problems: message.problems };
  }
  const [first] = config.mailboxes as [Mailbox, ...Mailbox[]];
  if (addresses.some((address) => inMailDomain(config, address))) return { mailbox: first, known: false, problems: message.problems };
  return { mailbox: first, known: true, problems: [...message.problems, `no recipient address is one of our mailboxes; filed under ${first.address}`] };
}

function senderOf(message: InboundMessage): Contact | null {
  const from = message.replyTo ?? message.from;
  if (!from || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(from.address)) return null;
  return { email: from.address.toLowerCase(), ...(from.name ? { name: from.name.slice(0, 200) } : {}) };
}

interface Details {
  rawKey: string;
  mailbox: Mailbox;
  sender: Contact | null;
  customerId: string | null;
  parts: Awaited<ReturnType<typeof storeParts>>;
  problems: string[];
  mailDomain: string;
}

function toMailMessage(message: InboundMessage, details: Details): MailMessage {
  const problems = [...details.problems];
  let text = message.text;
  if (text.length > MAX_MAIL_TEXT) {
    text = text.slice(0, MAX_MAIL_TEXT);
    problems.push(`the text was cut at ${MAX_MAIL_TEXT} characters; the whole text is kept with the message`);
  }
  let { attachments } = details.parts;
  if (attachments.length > MAX_LISTED_ATTACHMENTS) {
    problems.push(`the message has ${attachments.length} attachments: the first ${MAX_LISTED_ATTACHMENTS} are listed, all are kept with the raw message`);
    attachments = attachments.slice(0, MAX_LISTED_ATTACHMENTS);
  }
  const automatic = automaticReason(
    { ...message.automatic, returnPath: message.returnPath, from: message.from?.address ?? null, messageId: message.messageId },
    details.mailDomain,
  );
  return {
    text,
    subject: message.subject,
    sender: details.sender,
    customerId: details.customerId,
    inbox: details.mailbox.inbox,
    problems,
    mail: {
      mailbox: details.mailbox.address,
      messageId: message.messageId,
      subject: message.subject,
      rawKey: details.rawKey,
      fullTextKey: details.parts.fullTextKey,
      htmlKey: details.parts.htmlKey,
      attachments,
      automatic,
    },
  };
}
