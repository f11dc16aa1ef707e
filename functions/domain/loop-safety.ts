import { localPartOf, parseOutboundMessageId } from './mail-identity.ts';

/**
 * Header values of an inbound message, as received (parameters and case untouched).
 * null means the header is absent; a present but empty header is an empty string.
 */
export interface AutomaticMailFacts {
  autoSubmitted: string | null;
  precedence: string | null;
  listId: string | null;
  returnPath: string | null;
  from: string | null;
  /** The message is a delivery status notification (multipart/report; report-type=delivery-status). */
  isBounce: boolean;
  messageId: string | null;
}

export type AutomaticReason =
  | 'bounce'
  | 'own_message'
  | 'auto_submitted'
  | 'precedence'
  | 'mailing_list'
  | 'null_return_path'
  | 'system_sender';

// `auto_reply` is not in RFC 3834, but vacation responders of several mail servers still send it.
const AUTOMATIC_PRECEDENCE = new Set(['bulk', 'junk', 'list', 'auto_reply']);
const SYSTEM_SENDERS = new Set(['mailer-daemon', 'postmaster']);

/**
 * Why a message must never be answered automatically, or null when it may be. Reasons are checked
 * in the order of {@link AutomaticReason} and the first that applies is returned. Answering any of
 * these risks a mail loop with another robot, or with ourselves (`own_message`).
 *
 * Headers are read conservatively: an `Auto-Submitted` with any value but `no` (RFC 3834, an empty
 * one included) counts as automatic, and a `List-Id` counts whatever its value.
 */
export function automaticReason(facts: AutomaticMailFacts, mailDomain: string): AutomaticReason | null {
  if (facts.isBounce) return 'bounce';
  if (facts.messageId !== null && parseOutboundMessageId(facts.messageId, mailDomain) !== null) return 'own_message';
  if (facts.autoSubmitted !== null && keyword(facts.autoSubmitted) !== 'no') return 'auto_submitted';
  if (facts.precedence !== null && AUTOMATIC_PRECEDENCE.has(keyword(facts.precedence))) return 'precedence';
  if (facts.listId !== null) return 'mailing_list';
  // The null reverse-path `<>` is what bounces and other automatic mail are sent with (RFC 5321 §4.5.5).
  if (facts.returnPath !== null && /^(?:<\s*>)?$/.test(facts.returnPath.trim())) return 'null_return_path';
  if (facts.from !== null && SYSTEM_SENDERS.has(localPartOf(facts.from).toLowerCase())) return 'system_sender';
  return null;
}

/** The header's keyword: its value before any `;` parameters, trimmed and in lower case. */
function keyword(value: string): string {
  return value.split(';')[0]!.trim().toLowerCase();
}

export interface AutoReplyLimit {
  count: number;
  perHours: number;
}

/**
 * At most this many automatic mails to one sender in any sliding window of this many hours.
 * It caps the damage of a loop that slips past {@link automaticReason} (a robot sending plain mail)
 * while a person who writes a few times a day still hears back every time.
 */
export const AUTO_REPLY_LIMIT: Readonly<AutoReplyLimit> = { count: 3, perHours: 24 };

/**
 * Whether another automatic mail may go to a sender, given the ISO times of the automatic mails
 * already sent to them. The window is `(now - perHours, now]`: a mail sent exactly `perHours` ago
 * no longer counts. Times after `now` (clock skew between writers) count, to err on the quiet side.
 * @throws RangeError when `now` or a previous time is not a date-time.
 */
export function mayAutoReply(previousAutoRepliesToSender: string[], now: string, limit: AutoReplyLimit = AUTO_REPLY_LIMIT): boolean {
  const windowStart = instant(now) - limit.perHours * 3_600_000;
  const inWindow = previousAutoRepliesToSender.filter((sentAt) => instant(sentAt) > windowStart).length;
  return inWindow < limit.count;
}

function instant(isoTime: string): number {
  const millis = Date.parse(isoTime);
  if (Number.isNaN(millis)) throw new RangeError(`not a date-time: ${isoTime}`);
  return millis;
}
