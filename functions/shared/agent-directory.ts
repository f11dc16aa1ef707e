import type { Agent } from '../domain/agents.ts';

/** Who may be assigned a case: the staff the web client offers in its pickers. */
export interface AgentDirectory {
  /** Every agent, by name. */
  list(): Promise<Agent[]>;
}

/** For functions CDK gives no directory (see ROUTE_GROUPS): any use is a bug, and says so. */
export const noAgentDirectory: AgentDirectory = {
  list: () => Promise.reject(new Error('this function has no agent directory (USER_POOL_ID is not set)')),
};
