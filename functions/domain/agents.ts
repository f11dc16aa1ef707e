import * as z from 'zod';
import type { Actor } from './actor.ts';
import type { FieldIssue } from './errors.ts';

/** A member of the agent directory (the user pool's `agents` group; admins are in it too). */
export const AgentSchema = z
  .object({
    id: z.string().describe("the user's sub: what assigneeId, delegatedBy and the timeline's actor ids hold"),
    name: z.string().describe('the name on the account, else its e-mail'),
    email: z.string().optional(),
  })
  .meta({ id: 'Agent' });
export type Agent = z.infer<typeof AgentSchema>;

/** Whether naming `agentId` as an assignee needs the directory: the caller's own id was proved by its token. */
export const needsDirectory = (agentId: string | null | undefined, actor: Actor): agentId is string =>
  agentId != null && agentId !== actor.id;

/**
 * The issue at `path` when `agentId` is not an agent in the directory: a case handed to an id
 * nobody signs in as would sit in a queue no one sees.
 */
export function unknownAgentIssue(agentId: string, directory: readonly Agent[], path: string): FieldIssue | null {
  return directory.some((agent) => agent.id === agentId) ? null : { path, message: `no agent '${agentId}' in the directory (GET /agents)` };
}
