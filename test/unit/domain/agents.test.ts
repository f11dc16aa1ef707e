import { describe, expect, it } from 'vitest';
import { type Agent, needsDirectory, unknownAgentIssue } from '../../../functions/domain/agents.ts';
import { agent, robot } from '../../fixtures/cases.ts';

const DIRECTORY: Agent[] = [{ id: 'agent-ala', name: 'Ala' }, { id: 'agent-ewa', name: 'Ewa', email: 'ewa@acme.example' }];

describe('needsDirectory', () => {
  it.each([
    ['no assignee', undefined, false],
    ['"to assign" (null)', null, false],
    ["the caller's own id", 'robot-1', false],
    ['anyone else', 'agent-ewa', true],
  ] as const)('is %s → %s', (_what, agentId, expected) => {
    expect(needsDirectory(agentId, robot('robot-1'))).toBe(expected);
  });
});

describe('unknownAgentIssue', () => {
  it('accepts an agent in the directory', () => {
    expect(unknownAgentIssue('agent-ewa', DIRECTORY, 'body.agentId')).toBeNull();
  });

  it('names the field and the id of anyone else', () => {
    expect(unknownAgentIssue('nobody-123', DIRECTORY, 'body.agentId')).toEqual({
      path: 'body.agentId',
      message: "no agent 'nobody-123' in the directory (GET /agents)",
    });
  });

  it('refuses everyone when the directory is empty', () => {
    expect(unknownAgentIssue(agent().id, [], 'body.assigneeId')?.path).toBe('body.assigneeId');
  });
});
