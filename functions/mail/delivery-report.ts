import { parseOutboundMessageId } from '../domain/mail-identity.ts';
import type { Delivery } from '../domain/timeline.ts';

/** The parts of an SES event (as EventBridge delivers it in `detail`) that name the message and what happened to it. */
export interface SesEvent {
  eventType?: string;
  mail?: { commonHeaders?: { messageId?: string }; headers?: { name: string; value: string }[] };
  bounce?: { bounceType?: string; bouncedRecipients?: { emailAddress?: string; diagnosticCode?: string }[] };
  complaint?: { complaintFeedbackType?: string };
  reject?: { reason?: string };
  failure?: { errorMessage?: string };
}

export interface DeliveryReport {
  caseId: string;
  seq: number;
  delivery: Delivery;
  detail?: string;
}

/**
 * What an SES event says about one of our replies, found by the Message-ID we gave it. Events
 * about other mail, and those that change nothing a person acts on (the send itself, a delay SES
 * is still retrying), are null.
 */
export function deliveryReport(event: SesEvent, mailDomain: string): DeliveryReport | null {
  const messageId = event.mail?.commonHeaders?.messageId ?? event.mail?.headers?.find((h) => h.name.toLowerCase() === 'message-id')?.value;
  const ours = messageId ? parseOutboundMessageId(messageId, mailDomain) : null;
  if (!ours) return null;
  const report = (delivery: Delivery, detail?: string): DeliveryReport => ({ caseId: ours.caseId, seq: ours.entrySeq, delivery, ...(detail ? { detail: detail.slice(0, 1_000) } : {}) });
  switch (event.eventType) {
    case 'Delivery':
      return report('delivered');
    case 'Bounce': {
      const recipients = event.bounce?.bouncedRecipients ?? [];
      const why = recipients.map((r) => [r.emailAddress, r.diagnosticCode].filter(Boolean).join(': ')).join('; ');
      return report('bounced', `${event.bounce?.bounceType ?? 'Bounce'}${why ? ` — ${why}` : ''}`);
    }
    case 'Complaint':
      return report('complained', event.complaint?.complaintFeedbackType ? `marked as ${event.complaint.complaintFeedbackType}` : 'marked as spam by the recipient');
    case 'Reject':
      return report('failed', `SES rejected the message: ${event.reject?.reason ?? 'no reason given'}`);
    case 'Rendering Failure':
    case 'RenderingFailure':
      return report('failed', event.failure?.errorMessage ?? 'SES could not render the message');
    default:
      return null;
  }
}
