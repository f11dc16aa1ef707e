import type { Case } from './case.ts';
import { transition } from './lifecycle.ts';
import { type CommandContext, Mutation, type Outcome } from './mutation.ts';

/**
 * Replaces the case's public link, say after a customer forwarded it to the wrong person: the
 * link is derived from the case and its link generation, so a new generation is a new link and
 * every earlier one stops working at once. The status stays as it is.
 */
export function regeneratePublicLink(c: Case, ctx: CommandContext): Outcome {
  const m = new Mutation(c, ctx);
  transition(c, 'regenerate_link', ctx.actor);
  m.set('linkGeneration', c.linkGeneration + 1);
  m.add({ type: 'system', visibility: 'internal', event: 'public_link_regenerated', detail: 'the earlier public link no longer works' });
  return m.finish();
}

/** Where a public link leads: the portal's page for it, the token after `#` so it never reaches a server log. */
export const publicLinkUrl = (portalUrl: string, token: string): string => `${portalUrl.replace(/\/$/, '')}/link#${token}`;
