import type { MailConfig } from '../../domain/mail-config.ts';
import type { TenantSettings } from '../../domain/tenant-settings.ts';
import type { CaseLinks } from '../../shared/case-links.ts';
import { logger } from '../../shared/logger.ts';
import type { CaseStore } from '../../store/case-store.ts';
import type { CustomerStore } from '../../store/customer-store.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { TemplateStore } from '../../store/template-store.ts';
import { chooseLanguage } from '../../domain/templates.ts';
import type { MailObjects } from '../mail-objects.ts';
import { mailTemplate } from '../mail-template.ts';
import { composeMessage } from './compose-message.ts';
import { type ReplyEntry, replyMessage } from './reply-message.ts';
import type { RawMailSender } from './ses-sender.ts';

export interface SendDeps {
  cases: CaseStore;
  /** The customer's portal account says which language their mail is in. */
  customers: CustomerStore;
  sender: RawMailSender;
  mail: MailConfig;
  settings: TenantSettings;
  templates: TemplateStore;
  /** The mail bucket, where the files an agent attached were uploaded. */
  objects: MailObjects;
  links: () => Promise<CaseLinks>;
}

/** Recent entries the reply's threading headers and history block are drawn from. */
const CONTEXT_ENTRIES = 50;

export type SendOutcome = 'sent' | 'failed' | 'already_handled';

/**
 * Sends one queued reply, at most once: the entry is claimed (queued → sending) before anything
 * leaves, so a second delivery of the same stream record finds it claimed and sends nothing. The
 * stream retries a batch only after the invocation before it ended, so a claim found still
 * "sending" means that invocation died mid-send: whether SES took the message is unknown, and the
 * entry is marked failed for the agent to check and send again, never silently dropped. A send
 * SES refuses, or whose attached file was never uploaded, is marked failed with its reason; both are logged as errors, which the stack alarms on.
 */
export async function sendReply(caseId: string, seq: number, deps: SendDeps): Promise<SendOutcome> {
  if (!(await deps.cases.updateDelivery(caseId, seq, 'sending'))) return interrupted(caseId, seq, deps);
  const c = await deps.cases.getCase(caseId);
  const { items } = await deps.cases.timelinePage(caseId, { order: 'newest_first', limit: CONTEXT_ENTRIES, upTo: seq });
  const reply = items.find((e): e is ReplyEntry => e.seq === seq && e.type === 'reply');
  if (!reply) throw new Error(`entry ${seq} of case ${caseId} is not a reply`);
  const language = chooseLanguage(await accountLanguage(c.customerId, deps.customers), deps.settings.language);
  const template = await mailTemplate(deps.templates, 'reply_notification', language);
  const ticketUrl = (await deps.links()).url(c, deps.settings);
  const message = replyMessage(c, reply, items, { mail: deps.mail, settings: deps.settings, template, language, ticketUrl });
  try {
    const attachments = await Promise.all(
      (reply.attachments ?? []).map(async ({ key, filename, contentType }) => ({ filename, contentType, content: await deps.objects.get(key) })),
    );
    const raw = await composeMessage({ ...message, attachments });
    await deps.sender.send(raw, { from: message.from.address, to: message.to });
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    logger.error('reply delivery failed', { caseId, seq, detail });
    await deps.cases.updateDelivery(caseId, seq, 'failed', { detail: detail.slice(0, 1_000) });
    return 'failed';
  }
  await deps.cases.updateDelivery(caseId, seq, 'sent', { messageId: message.messageId });
  return 'sent';
}

async function interrupted(caseId: string, seq: number, deps: SendDeps): Promise<SendOutcome> {
  const { items } = await deps.cases.timelinePage(caseId, { order: 'newest_first', limit: 1, upTo: seq });
  const entry = items[0];
  if (entry?.seq !== seq || entry.type !== 'reply' || entry.delivery !== 'sending') return 'already_handled';
  const detail = 'sending was interrupted: the message may or may not have gone out; check with the customer or send it again';
  logger.error('reply delivery interrupted', { caseId, seq });
  await deps.cases.updateDelivery(caseId, seq, 'failed', { detail });
  return 'failed';
}

/** The language the customer chose for their account, if they have one (a record merged away or gone has none). */
async function accountLanguage(customerId: string | null, customers: CustomerStore): Promise<string | null> {
  if (!customerId) return null;
  try {
    return (await customers.get(customerId)).account?.language ?? null;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
