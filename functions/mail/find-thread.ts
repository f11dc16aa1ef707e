import { chooseThread, type ResolvedCandidate, type Thread, type ThreadingCandidate, threadingCandidates } from '../domain/mail-threading.ts';
import type { Case } from '../domain/case.ts';
import { NotFoundError } from '../domain/errors.ts';
import { mergeTarget } from '../relations/merge-target.ts';
import type { InboundMessage } from './inbound/inbound-message.ts';
import type { CaseStore } from '../store/case-store.ts';
import type { MailReceiptStore } from '../store/mail-receipts.ts';

/** Message-IDs of the customer's own earlier mail that a reply may quote; more would only cost reads. */
const MAX_QUOTED_IDS = 10;

export interface ThreadLookup {
  cases: CaseStore;
  receipts: MailReceiptStore;
  mailDomain: string;
}

/**
 * The case an inbound message continues, trying the ways strongest first: our own Message-IDs it
 * quotes, the Message-IDs of earlier customer mail it quotes (a reply-all to the first message),
 * a case token in an address it was sent to, and last `[#number]` in the subject — which only
 * counts among the sender's own cases, so a guessed number reaches nobody else's.
 */
export async function findThread(message: InboundMessage, mailbox: string, customerId: string | null, lookup: ThreadLookup): Promise<Thread> {
  const candidates = threadingCandidates(
    { inReplyTo: message.inReplyTo, references: message.references, to: addresses(message.to), cc: addresses(message.cc), subject: message.subject },
    lookup.mailDomain,
  );
  const resolve = async (candidate: ThreadingCandidate): Promise<ResolvedCandidate> => ({
    candidate,
    caseId:
      candidate.by !== 'subject_number'
        ? await existing(lookup.cases, candidate.caseId)
        : customerId === null
          ? null
          : await reached(lookup.cases, await lookup.cases.findCustomerCaseByNumber(customerId, candidate.number)),
  });
  for (const candidate of candidates.filter((c) => c.by === 'message_id')) {
    const resolved = await resolve(candidate);
    if (resolved.caseId !== null) return chooseThread([resolved]);
  }
  const quoted = await quotedCustomerMail(message, mailbox, lookup.receipts);
  if (quoted !== null) return { kind: 'existing', caseId: (await existing(lookup.cases, quoted)) ?? quoted, by: 'message_id' };
  for (const candidate of candidates.filter((c) => c.by !== 'message_id')) {
    const resolved = await resolve(candidate);
    if (resolved.caseId !== null) return chooseThread([resolved]);
  }
  return { kind: 'new' };
}

async function quotedCustomerMail(message: InboundMessage, mailbox: string, receipts: MailReceiptStore): Promise<string | null> {
  const quoted = [...new Set([...message.inReplyTo, ...[...message.references].reverse()])].slice(0, MAX_QUOTED_IDS);
  for (const id of quoted) {
    const receipt = await receipts.find(mailbox, `id:${id}`);
    if (receipt?.caseId) return receipt.caseId;
  }
  return null;
}

/** The id of the case mail to `caseId` reaches (the case, or the one it was merged into); null when it is gone. */
async function existing(cases: CaseStore, caseId: string): Promise<string | null> {
  try {
    return await reached(cases, await cases.getCase(caseId));
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

const reached = async (cases: CaseStore, c: Case | null): Promise<string | null> => (c ? (await mergeTarget(c, (id) => cases.getCase(id))).id : null);

const addresses = (mailboxes: InboundMessage['to']): string[] => mailboxes.map((m) => m.address);
