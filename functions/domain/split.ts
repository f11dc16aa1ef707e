import * as z from 'zod';
import { applyAgentUpdate } from './assignment.ts';
import type { Case } from './case.ts';
import { ValidationError } from './errors.ts';
import { transition } from './lifecycle.ts';
import { type CommandContext, Mutation, type Outcome } from './mutation.ts';
import type { NewCaseIdentity } from './new-case.ts';
import { linkTo, relatedCase, RelatedCaseInputSchema } from './relations.ts';
import { clearTimer } from './timers.ts';

/**
 * How many cases one split makes. The original and the new cases are one transaction (at most 100
 * actions): the original takes 2 (its item and its field-change entry), each new case 4 (its item,
 * its number, its description and the reference to the original's entries) and the number counter
 * none (reserved before). 20 cases stay far inside, and far beyond what a person splits by hand.
 */
export const MAX_SPLIT_CASES = 20;

export const SplitInputSchema = z.strictObject({
  cases: z
    .array(
      RelatedCaseInputSchema.extend({
        entries: z.array(z.number().int().positive()).max(100).default([]).describe("the original's timeline entries (seq) the new case refers to"),
      }),
    )
    .min(2, 'a split makes at least two cases')
    .max(MAX_SPLIT_CASES, `a split makes at most ${MAX_SPLIT_CASES} cases`),
});
export type SplitInput = z.infer<typeof SplitInputSchema>;

/**
 * An agent splits a case into several (Enate's "split into several requests"): each new case gets
 * its title, description, category and optionally an agent, refers to the original entries chosen
 * for it, and links back. The original waits for them, out of the agent's inbox, until the last
 * ends (`relatedCaseFinished`); `identities` are the new cases' ids and numbers, in input order.
 */
export function split(original: Case, ctx: CommandContext, input: SplitInput, identities: readonly NewCaseIdentity[]): { original: Outcome; created: Outcome[] } {
  const status = transition(original, 'split', ctx.actor);
  const unknown = input.cases.flatMap((item, i) =>
    item.entries.filter((seq) => seq > original.entryCount).map((seq) => ({ path: `body.cases.${i}.entries`, message: `the case has no entry ${seq}` })),
  );
  if (unknown.length > 0) throw new ValidationError(unknown);

  const created = input.cases.map((item, i) => {
    const identity = identities[i]!;
    const m = new Mutation(relatedCase(original, ctx, identity, item, linkTo('split_from', original)), ctx);
    m.add({ type: 'description', visibility: 'public', text: item.description });
    m.add({ type: 'related_entries', visibility: 'internal', relation: 'split_from', caseId: original.id, caseNumber: original.number, seqs: item.entries });
    return m.finish();
  });

  const m = new Mutation(original, ctx);
  applyAgentUpdate(m);
  m.set('status', status)
    .set('wait', { kind: 'split', since: ctx.now })
    .set('highlighted', false)
    .set('links', [...original.links, ...identities.map((identity) => linkTo('split_into', identity))]);
  clearTimer(m);
  m.add({ type: 'system', visibility: 'internal', event: 'split', detail: `split into ${identities.map((identity) => `#${identity.number}`).join(', ')}` });
  return { original: m.finish(), created };
}
