import type { Case } from '../domain/case.ts';
import { NotFoundError } from '../domain/errors.ts';
import { MAX_MERGE_HOPS, mergedInto } from '../domain/merge.ts';

/**
 * The case a customer's mail, link or portal page for `c` reaches: `c` itself, or the case it was
 * merged into, along a chain of merges (a merged case is never a target, so a chain has no cycle;
 * the hop limit only bounds reads). A target that is gone leaves the last case found.
 */
export async function mergeTarget(c: Case, getCase: (caseId: string) => Promise<Case>): Promise<Case> {
  let current = c;
  for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
    const link = mergedInto(current);
    if (!link) break;
    try {
      current = await getCase(link.caseId);
    } catch (error) {
      if (error instanceof NotFoundError) break;
      throw error;
    }
  }
  return current;
}
