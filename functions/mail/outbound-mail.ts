import type { Case } from '../domain/case.ts';
import type { TimelineEntry } from '../domain/timeline.ts';

type ReplyEntry = Extract<TimelineEntry, { type: 'reply' }>;

/** A public reply as the mail channel sends it. */
export interface OutboundMessage {
  caseId: string;
  caseNumber: number;
  /** The timeline entry it delivers; delivery reports come back to it. */
  entrySeq: number;
  from: string | null;
  to: string[];
  subject: string;
  text: string;
}

/**
 * The port public replies leave through. The reply entry is written in the same transaction as
 * the case, with delivery "queued": the timeline is the outbox, so a reply is never lost between
 * the write and the send. The e-mail channel reads queued replies from the table's stream and
 * sends them through an implementation of this port (SES in the cloud, a local outbox folder).
 */
export interface OutboundMail {
  send(message: OutboundMessage): Promise<{ messageId: string }>;
}

/** The message for a reply entry; the subject carries the case number for threading by subject. */
export function toOutboundMessage(c: Pick<Case, 'id' | 'number' | 'title'>, reply: ReplyEntry): OutboundMessage {
  return {
    caseId: c.id,
    caseNumber: c.number,
    entrySeq: reply.seq,
    from: reply.fromMailbox,
    to: reply.to,
    subject: `[#${c.number}] ${reply.subject ?? c.title}`,
    text: reply.text,
  };
}
