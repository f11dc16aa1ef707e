import * as z from 'zod';
import { applyAgentUpdate } from './assignment.ts';
import type { Case, CaseLink, Contact } from './case.ts';
import { ValidationError } from './errors.ts';
import { transition } from './lifecycle.ts';
import { type CommandContext, Mutation, type Outcome } from './mutation.ts';
import { linkTo } from './relations.ts';
import { armTimer, clearTimer } from './timers.ts';

export const MergeInputSchema = z.strictObject({
  into: z.number().int().positive().describe('the number of the case this one is merged into'),
});
export type MergeInput = z.infer<typeof MergeInputSchema>;

/** How many merge hops a customer's message or link follows; merges chain only as far as people merge by hand. */
export const MAX_MERGE_HOPS = 10;

/**
 * The case `c` was merged into, while it stays merged (Resolved, then Closed with its target);
 * null for any other case, one unmerged or reopened among them.
 */
export function mergedInto(c: Case): CaseLink | null {
  if (c.resolution?.method !== 'merged') return null;
  return c.links.find((l) => l.kind === 'merged_into') ?? null;
}

/**
 * An agent merges `source` into `target` (Enate's "updated an existing request"): the source
 * resolves as "merged" with no feedback timer, since its conversation goes on in the target; the
 * target shows the source's public entries by reference (`publicSeqs`) and takes its contacts in
 * copy. A merged case is never a target, so merges form chains, never cycles.
 */
export function merge(source: Case, target: Case, ctx: CommandContext, publicSeqs: readonly number[]): { source: Outcome; target: Outcome } {
  if (target.id === source.id) throw new ValidationError([{ path: 'body.into', message: 'a case cannot be merged into itself' }]);
  transition(source, 'merge', ctx.actor);
  transition(target, 'merge_into', ctx.actor);

  const s = new Mutation(source, ctx);
  applyAgentUpdate(s);
  const restore: NonNullable<CaseLink['restore']> = {
    status: source.status as NonNullable<CaseLink['restore']>['status'],
    wait: source.wait,
    timer: source.timer && { purpose: source.timer.purpose, dueAt: source.timer.dueAt },
  };
  s.set('status', 'resolved')
    .set('wait', null)
    .set('highlighted', false)
    .set('resolution', { method: 'merged', at: ctx.now, by: ctx.actor.id, entrySeq: null })
    // A link left from an earlier merge the customer's message reopened is history now.
    .set('links', [...source.links.filter((l) => l.kind !== 'merged_into'), { ...linkTo('merged_into', target), restore }]);
  clearTimer(s);
  s.add({ type: 'system', visibility: 'internal', event: 'merged', detail: `merged into #${target.number}` });

  const t = new Mutation(target, ctx);
  t.set('links', [...target.links, linkTo('merged_from', source)]);
  const cc = contactsToAdd(target, source);
  if (cc.length > 0) t.set('contacts', { ...target.contacts, cc: [...(target.contacts.cc ?? []), ...cc] });
  t.add({ type: 'related_entries', visibility: 'internal', relation: 'merged_from', caseId: source.id, caseNumber: source.number, seqs: [...publicSeqs] });
  t.add({ type: 'system', visibility: 'internal', event: 'merged', detail: `case #${source.number} was merged into this one` });
  return { source: s.finish(), target: t.finish() };
}

/**
 * Undoes a merge within the feedback window: the source gets back its status (exactly: undoing is
 * not work on the case), wait and timer (a timer that came due meanwhile fires at once),
 * highlighted for its assignee; what reached the target meanwhile stays there,
 * and so do the contacts it took. `target` is whatever the source was merged into.
 */
export function unmerge(source: Case, target: Case, ctx: CommandContext): { source: Outcome; target: Outcome } {
  transition(source, 'unmerge', ctx.actor, ctx.settings, ctx.now);
  const link = mergedInto(source)!;
  // Every merge records what to restore; without it the case comes back as any case does to its agent.
  const restore = link.restore ?? { status: source.assigneeId === null ? 'new' : 'in_progress', wait: null, timer: null };

  const s = new Mutation(source, ctx);
  s.set('status', restore.status).set('wait', restore.wait).set('resolution', null).set('highlighted', true);
  s.set('links', source.links.filter((l) => l !== link));
  if (restore.timer) {
    armTimer(s, restore.timer.purpose, new Date(Math.max(Date.parse(restore.timer.dueAt), Date.parse(ctx.now))).toISOString());
  }
  s.add({ type: 'system', visibility: 'internal', event: 'unmerged', detail: `no longer merged into #${target.number}` });

  const t = new Mutation(target, ctx);
  t.set('links', target.links.filter((l) => !(l.kind === 'merged_from' && l.caseId === source.id)));
  t.add({ type: 'system', visibility: 'internal', event: 'unmerged', detail: `case #${source.number} was taken out again` });
  return { source: s.finish(), target: t.finish() };
}

/**
 * The target was closed: a case merged into it closes too, as its conversation ended there.
 * Null when `source` is no longer merged into `closed` (unmerged, or already closed).
 */
export function mergeTargetClosed(source: Case, ctx: CommandContext, closed: Pick<Case, 'id' | 'number'>): Outcome | null {
  if (source.status !== 'resolved' || mergedInto(source)?.caseId !== closed.id) return null;
  const m = new Mutation(source, ctx);
  m.set('status', transition(source, 'merge_target_closed', ctx.actor)).set('closedAt', ctx.now);
  m.add({ type: 'system', visibility: 'internal', event: 'related_case_finished', detail: `case #${closed.number}, which this one was merged into, is closed` });
  return m.finish();
}

/** The source's people the target does not reach yet: replies to the target go to them in copy. */
function contactsToAdd(target: Case, source: Case): Contact[] {
  const known = new Set(
    [target.contacts.primaryContact, target.contacts.requester, ...(target.contacts.cc ?? [])].flatMap((c) => (c ? [c.email.toLowerCase()] : [])),
  );
  const added: Contact[] = [];
  for (const contact of [source.contacts.primaryContact, source.contacts.requester, ...(source.contacts.cc ?? [])]) {
    if (!contact || known.has(contact.email.toLowerCase())) continue;
    known.add(contact.email.toLowerCase());
    added.push(contact);
  }
  return added;
}
