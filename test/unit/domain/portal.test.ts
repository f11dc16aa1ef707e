import { describe, expect, it } from 'vitest';
import { portalCaseSummary } from '../../../functions/domain/portal.ts';
import { aCase } from '../../fixtures/cases.ts';

describe("a case in the customer's lists", () => {
  it('carries only the allowlisted fields, in the customer\'s words', () => {
    const c = aCase({ status: 'answered', assigneeId: 'agent-ala', delegatedBy: 'agent-ewa', customStatusId: 'vip', priority: 'urgent', category: 'secret' });

    expect(portalCaseSummary(c)).toEqual({
      id: c.id, number: c.number, title: c.title, status: 'ANSWER RECEIVED', open: true, createdAt: c.createdAt, updatedAt: c.lastActivityAt,
    });
  });

  it('is closed in the archive, and nothing for a draft', () => {
    expect(portalCaseSummary(aCase({ status: 'closed' }))).toMatchObject({ status: 'CLOSED', open: false });
    expect(portalCaseSummary(aCase({ status: 'draft' }))).toBeNull();
  });
});
