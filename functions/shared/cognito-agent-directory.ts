import { type CognitoIdentityProviderClient, paginateListUsersInGroup, type UserType } from '@aws-sdk/client-cognito-identity-provider';
import type { Agent } from '../domain/agents.ts';
import type { AgentDirectory } from './agent-directory.ts';

/** The Cognito group whose members are agents; admins are members too (README, Deploy a tenant). */
export const AGENTS_GROUP = 'agents';
/** How long a warm function trusts the list: a new agent shows up within a minute, at one call a minute at most. */
export const DIRECTORY_TTL_MS = 60_000;
/** ListUsersInGroup's largest page. */
const PAGE_SIZE = 60;

/** The agent directory as the user pool's `agents` group, kept for a minute in the warm function. */
export class CognitoAgentDirectory implements AgentDirectory {
  private cached: { agents: Agent[]; until: number } | undefined;

  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
    private readonly now: () => number = Date.now,
  ) {}

  async list(): Promise<Agent[]> {
    if (this.cached && this.now() < this.cached.until) return this.cached.agents;
    const agents: Agent[] = [];
    const pages = paginateListUsersInGroup({ client: this.client, pageSize: PAGE_SIZE }, { UserPoolId: this.userPoolId, GroupName: AGENTS_GROUP });
    for await (const page of pages) {
      for (const user of page.Users ?? []) {
        const agent = toAgent(user);
        if (agent) agents.push(agent);
      }
    }
    agents.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    this.cached = { agents, until: this.now() + DIRECTORY_TTL_MS };
    return agents;
  }
}

/** A disabled user cannot sign in to work a case, so it is no one to assign one to. */
function toAgent(user: UserType): Agent | null {
  const attribute = (name: string) => user.Attributes?.find((a) => a.Name === name)?.Value;
  const id = attribute('sub');
  if (!id || user.Enabled === false) return null;
  const email = attribute('email');
  return { id, name: attribute('name') ?? email ?? user.Username ?? id, ...(email ? { email } : {}) };
}
