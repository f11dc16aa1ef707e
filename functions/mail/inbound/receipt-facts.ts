import type { Header } from 'postal-mime';
import type { ReceiptFacts } from './inbound-message.ts';

const VERDICT = /^\s*(PASS|FAIL|GRAY|PROCESSING_FAILED|DISABLED)\b/i;
const RECEIVED_FOR = /\bfor\s+<?([^\s<>;]+@[^\s<>;]+)>?\s*;/i;

/**
 * What the receiving service wrote at the top of the message: SES prepends its spam and virus
 * verdicts and a Received line naming the envelope recipient. Only the topmost of each counts,
 * since anything below it came with the message and a sender can write whatever it likes there.
 */
export function receiptFacts(headers: Header[]): ReceiptFacts {
  const topmost = (key: string) => headers.find((h) => h.key === key)?.value ?? null;
  const verdict = (key: string) => VERDICT.exec(topmost(key) ?? '')?.[1]?.toUpperCase() ?? null;
  const received = topmost('received');
  return {
    spamVerdict: verdict('x-ses-spam-verdict'),
    virusVerdict: verdict('x-ses-virus-verdict'),
    envelopeRecipient: received ? (RECEIVED_FOR.exec(received.replace(/\s+/g, ' '))?.[1] ?? null) : null,
  };
}
