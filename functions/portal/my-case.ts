import type { Actor } from '../domain/actor.ts';
import type { Case } from '../domain/case.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { PortalCaseResponseSchema } from '../domain/portal.ts';
import { publicView } from '../public/linked-case.ts';
import { mergeTarget } from '../relations/merge-target.ts';
import type { Deps } from '../shared/deps.ts';
import { HttpError } from '../shared/http-errors.ts';
import type { z } from 'zod';

/**
 * The customer record a signed-in customer acts as: their account's, or the record an agent merged
 * it into, which holds their cases now. A token outliving its deleted account (tokens cannot be
 * recalled before they expire) opens nothing.
 */
export async function myCustomerId(actor: Actor, deps: Deps): Promise<string> {
  const record = await deps.customers.get(actor.id);
  if (record.account === null) throw new HttpError(401, 'unauthorized', 'this account was deleted');
  return record.mergedInto ?? record.id;
}

/** One answer for a case that is not there and one that is someone else's: a customer learns nothing of other cases. */
const noSuchCase = () => new NotFoundError('you have no case with this id');

/**
 * One of the customer's own cases; another customer's, a draft or a missing one is a 404. A case
 * merged into another opens that one, where its conversation goes on.
 */
export async function myCase(caseId: string, customerId: string, deps: Deps): Promise<Case> {
  let c: Case;
  try {
    c = await deps.cases.getCase(caseId);
  } catch (error) {
    if (error instanceof NotFoundError) throw noSuchCase();
    throw error;
  }
  if (c.customerId !== customerId || c.status === 'draft') throw noSuchCase();
  return mergeTarget(c, (id) => deps.cases.getCase(id));
}

/** The customer as the timeline records them when they act from the portal. */
export const portalActor = (customerId: string, name: string | null | undefined): Actor => ({ kind: 'customer', id: customerId, ...(name ? { name } : {}) });

/**
 * The case as its customer sees it: the public view's allowlist, with the id the portal addresses
 * it by (the merged case's own, when `c` is the case it was merged into).
 */
export async function portalView(c: Case, deps: Deps, addressedAs = c.id): Promise<z.infer<typeof PortalCaseResponseSchema>> {
  return { case: { id: addressedAs, ...(await publicView(c, deps)) } };
}
