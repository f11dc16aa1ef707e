import type { Actor } from '../domain/actor.ts';
import { needsDirectory, unknownAgentIssue } from '../domain/agents.ts';
import { ValidationError } from '../domain/errors.ts';
import type { Deps } from '../shared/deps.ts';

/**
 * Refuses, with a 400 at `path`, an assignee who is not in the agent directory. Checked before
 * the case is read: it needs no case, and a refused request then costs no read.
 */
export async function requireKnownAssignee(deps: Deps, actor: Actor, agentId: string | null | undefined, path: string): Promise<void> {
  if (!needsDirectory(agentId, actor)) return;
  const issue = unknownAgentIssue(agentId, await deps.agents.list(), path);
  if (issue) throw new ValidationError([issue]);
}
