import * as z from 'zod';
import type { Case, CaseLink } from './case.ts';
import type { CommandContext } from './mutation.ts';
import { continuedFrom, freshCase, type NewCaseIdentity } from './new-case.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);

/** A case made from another (split off, or started from it): what the agent gives it. */
export const RelatedCaseInputSchema = z.strictObject({
  title: Text(200),
  description: Text(100_000),
  category: Text(100).optional().describe("the original's when not given"),
  inbox: Text(320).optional().describe("the original's when not given"),
  assigneeId: Text(200).nullable().optional().describe('null or absent leaves the new case in "to assign"'),
});
export type RelatedCaseInput = z.infer<typeof RelatedCaseInputSchema>;

/** The link from `from` to `to`, carrying its number for people to read. */
export const linkTo = (kind: CaseLink['kind'], to: Pick<Case, 'id' | 'number'>): CaseLink => ({ kind, caseId: to.id, number: to.number });

/**
 * A new case made from `original`: its customer, contacts and classification, the agent's title,
 * description and category, in "to assign" or with the chosen agent (To Do, as a delegation would).
 */
export function relatedCase(original: Case, ctx: CommandContext, identity: NewCaseIdentity, input: RelatedCaseInput, link: CaseLink): Case {
  const assigneeId = input.assigneeId ?? null;
  return freshCase(identity, ctx, {
    ...continuedFrom(original),
    title: input.title,
    description: input.description,
    category: input.category ?? original.category,
    inbox: input.inbox ?? original.inbox,
    externalId: null,
    status: 'new',
    channel: 'agent',
    assigneeId,
    delegatedBy: assigneeId !== null && assigneeId !== ctx.actor.id ? ctx.actor.id : null,
    links: [link],
  });
}
