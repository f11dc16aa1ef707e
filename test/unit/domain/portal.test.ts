import { describe, expect, it } from 'vitest';
import { portalCaseSummary } from '../../../functions/domain/portal.ts';
import { aCase } from '../../fixtures/cases.ts';

describe("a case in the customer's lists", () => {
  it('carries only the allowlisted fields, in the customer\'s words', () => {
    const c = aCase({ status: 'answered', assigneeId: 'agent-ala', delegatedBy: 'agent-ewa', customStatusId: 'vip', priority: 'urgent', category: 'secret' });

    expect(portalCaseSummary(c)).toEqual({
      id: c.id, number: c.number, title: c.title, status: 'ANSWER RECEIVED', open: true, mergedInto: null, createdAt: c.createdAt, updatedAt: c.lastActivityAt,
    });
  });

  it('is closed in the archive, and nothing for a draft', () => {
    expect(portalCaseSummary(aCase({ status: 'closed' }))).toMatchObject({ status: 'CLOSED', open: false });
    expect(portalCaseSummary(aCase({ status: 'draft' }))).toBeNull();
  });

  it('names the case a merged one goes on in, by its number', () => {
    const merged = aCase({
      status: 'resolved',
      resolution: { method: 'merged', at: '2026-11-25T09:00:00.000Z', by: 'agent-ala', entrySeq: null },
      links: [{ kind: 'merged_into', caseId: '0d9b3f0e-8c55-4bfa-a3f4-2b7a7e6b9c11', number: 2077 }],
    });

    expect(portalCaseSummary(merged)).toMatchObject({ status: 'ANSWER RECEIVED', mergedInto: 2077 });
  });
});
