import * as z from 'zod';
import { applyAgentUpdate } from './assignment.ts';
import type { Case } from './case.ts';
import { transition } from './lifecycle.ts';
import { type CommandContext, Mutation, type Outcome } from './mutation.ts';
import type { NewCaseIdentity } from './new-case.ts';
import { linkTo, relatedCase, RelatedCaseInputSchema } from './relations.ts';
import { clearTimer } from './timers.ts';

export const SpawnInputSchema = RelatedCaseInputSchema.extend({
  wait: z.boolean().default(false).describe('true: the original waits ("case started") until the new case is resolved or closed'),
});
export type SpawnInput = z.infer<typeof SpawnInputSchema>;

/**
 * An agent starts a new case from this one (e.g. for another team), linked both ways. Chosen to
 * wait, the original leaves the agent's inbox until the new case ends, then comes back to its
 * assignee highlighted (never resolved by itself); the wait can be cancelled like any other.
 */
export function spawn(original: Case, ctx: CommandContext, input: SpawnInput, identity: NewCaseIdentity): { original: Outcome; created: Outcome } {
  transition(original, 'spawn', ctx.actor);
  const created = new Mutation(relatedCase(original, ctx, identity, input, linkTo('spawned_from', original)), ctx);
  created.add({ type: 'description', visibility: 'public', text: input.description });
  created.add({ type: 'system', visibility: 'internal', event: 'spawned', detail: `started from case #${original.number}` });

  const m = new Mutation(original, ctx);
  applyAgentUpdate(m);
  m.set('links', [...original.links, linkTo('spawned', identity)]);
  if (input.wait) {
    m.set('status', 'waiting').set('wait', { kind: 'spawned_case', caseId: identity.id, since: ctx.now }).set('highlighted', false);
    clearTimer(m);
  }
  m.add({ type: 'system', visibility: 'internal', event: 'spawned', detail: `started case #${identity.number}${input.wait ? ', waiting for it' : ''}` });
  return { original: m.finish(), created: created.finish() };
}
