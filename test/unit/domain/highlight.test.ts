import { describe, expect, it } from 'vitest';
import { markSeen } from '../../../functions/domain/highlight.ts';
import { aCase, agent, NOW } from '../../fixtures/cases.ts';

describe('markSeen', () => {
  const back = aCase({ status: 'in_progress', assigneeId: 'agent-ala', highlighted: true, version: 7 });

  it('clears the highlight when the assignee opens the case, without assigning or recording activity', () => {
    const seen = markSeen(back, agent('agent-ala'), NOW)!;

    expect(seen.case).toMatchObject({ highlighted: false, version: 8, assigneeId: 'agent-ala', lastActivityAt: back.lastActivityAt });
    expect(seen.entries).toEqual([]);
  });

  it('leaves the highlight when someone else opens it, or when there is none', () => {
    expect(markSeen(back, agent('agent-ewa'), NOW)).toBeNull();
    expect(markSeen({ ...back, highlighted: false }, agent('agent-ala'), NOW)).toBeNull();
  });
});
