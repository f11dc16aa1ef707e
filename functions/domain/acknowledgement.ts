import type { Outcome } from './mutation.ts';
import { type CommandContext, Mutation } from './mutation.ts';

export interface Acknowledgement {
  subject: string;
  text: string;
  to: string;
}

/** The helpdesk itself writes the acknowledgement: it is no agent's answer, so nothing about the case changes but its timeline. */
export const HELPDESK_ACTOR = { kind: 'system', id: 'helpdesk', name: 'Helpdesk' } as const;

/**
 * Queues the acknowledgement of a new case on its timeline, after the entries that opened it; the
 * mail channel sends it like any reply, marked as automatic. `opened` is the new case's outcome.
 */
export function acknowledge(opened: Outcome, ctx: CommandContext, ack: Acknowledgement): Outcome {
  // One step on top of the opening: the new case keeps the version it was opened with.
  const m = new Mutation({ ...opened.case, version: opened.case.version - 1 }, { ...ctx, actor: HELPDESK_ACTOR });
  m.add({
    type: 'reply',
    visibility: 'public',
    subject: ack.subject,
    text: ack.text,
    templateId: null,
    fromMailbox: null,
    to: [ack.to],
    includeHistory: false,
    delivery: 'queued',
    automatic: 'auto-replied',
  });
  const acknowledged = m.finish();
  return { case: { ...acknowledged.case, version: opened.case.version }, entries: [...opened.entries, ...acknowledged.entries] };
}
