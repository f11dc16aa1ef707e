import type { Actor } from './actor.ts';
import type { Case } from './case.ts';
import type { Outcome } from './mutation.ts';

/**
 * A case that came back to its agent (a wait ended, the customer wrote) carries a highlight until
 * that agent opens it. Opening is not an update: nothing is assigned, no activity is recorded and
 * the case keeps its place in the queues; only the highlight goes, with a new version so that
 * If-Match still tells every change apart. Someone else opening it leaves the highlight for them.
 */
export function markSeen(c: Case, actor: Actor, now: string): Outcome | null {
  if (!c.highlighted || c.assigneeId !== actor.id) return null;
  return { case: { ...c, highlighted: false, version: c.version + 1, updatedAt: now }, entries: [] };
}
