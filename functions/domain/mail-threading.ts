import { caseIdFromAddress, caseNumberFromSubject, parseOutboundMessageId } from './mail-identity.ts';

/**
 * The headers of an inbound message that can tie it to an existing case. Message-IDs may come one
 * per element or as raw header values listing several, with or without angle brackets.
 */
export interface ThreadingHeaders {
  inReplyTo: string[];
  /** In header order, oldest first, as the References header lists them. */
  references: string[];
  to: string[];
  cc: string[];
  subject: string;
}

/** One way to find the case a message belongs to; the caller looks it up in the store. */
export type ThreadingCandidate =
  | { by: 'message_id'; caseId: string }
  | { by: 'reply_address'; caseId: string }
  | { by: 'subject_number'; number: number };

/** What the caller found for a candidate: the id of the existing case, or null when there is none. */
export interface ResolvedCandidate {
  candidate: ThreadingCandidate;
  caseId: string | null;
}

export type Thread = { kind: 'existing'; caseId: string; by: ThreadingCandidate['by'] } | { kind: 'new' };

/**
 * The ways to find a message's case, strongest first: our own Message-IDs in References (latest
 * first), then in In-Reply-To, then a case token in any To or Cc address, then the case number in
 * the subject. Forwarded mail and replies from CC'd people often lose References, which is why the
 * weaker ways follow. A case already named by an earlier candidate is not repeated.
 */
export function threadingCandidates(message: ThreadingHeaders, mailDomain: string): ThreadingCandidate[] {
  const candidates: ThreadingCandidate[] = [];
  const seenCaseIds = new Set<string>();
  const addCase = (by: 'message_id' | 'reply_address', caseId: string | null | undefined) => {
    if (!caseId || seenCaseIds.has(caseId)) return;
    seenCaseIds.add(caseId);
    candidates.push({ by, caseId });
  };

  for (const id of messageIds(message.references).reverse()) addCase('message_id', parseOutboundMessageId(id, mailDomain)?.caseId);
  for (const id of messageIds(message.inReplyTo)) addCase('message_id', parseOutboundMessageId(id, mailDomain)?.caseId);
  for (const address of [...message.to, ...message.cc]) addCase('reply_address', caseIdFromAddress(address));
  const number = caseNumberFromSubject(message.subject);
  if (number !== null) candidates.push({ by: 'subject_number', number });
  return candidates;
}

// A Message-ID cannot contain whitespace or commas, so these split a raw header value safely;
// commas appear because some clients write References as a comma-separated list.
function messageIds(values: string[]): string[] {
  return values.flatMap((value) => value.split(/[\s,]+/)).filter((id) => id !== '');
}

/**
 * The case of the first candidate, in the order {@link threadingCandidates} gave them, that
 * resolved to an existing case; otherwise a new case. Resolutions must keep that order.
 */
export function chooseThread(resolved: readonly ResolvedCandidate[]): Thread {
  for (const { candidate, caseId } of resolved) {
    if (caseId !== null) return { kind: 'existing', caseId, by: candidate.by };
  }
  return { kind: 'new' };
}
