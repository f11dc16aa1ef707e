import { describe, expect, it } from 'vitest';
import type { Case } from '../../../functions/domain/case.ts';
import { agentLabel, customerLabel, enateLabel, sugesterLabel, tenantLabel } from '../../../functions/domain/labels.ts';
import { aCase, settings } from '../../fixtures/cases.ts';

const timer = (purpose: 'wait' | 'auto_close' | 'feedback_window') => ({ purpose, dueAt: '2026-11-28T09:00:00.000Z', generation: 1 });
const resolution = (method: NonNullable<Case['resolution']>['method']) => ({ method, at: '2026-11-25T09:00:00.000Z', by: 'a', entrySeq: null });

const cases = {
  draft: aCase({ status: 'draft', assigneeId: 'a' }),
  unclaimed: aCase({ status: 'new', assigneeId: null }),
  claimed: aCase({ status: 'new', assigneeId: 'a' }),
  inProgress: aCase({ status: 'in_progress', assigneeId: 'a' }),
  moreInfo: aCase({ status: 'waiting', assigneeId: 'a', wait: { kind: 'more_info', days: 1, closeIfNoReply: false, until: '2026-11-26T09:00:00.000Z' }, timer: timer('wait') }),
  followUp: aCase({ status: 'waiting', assigneeId: 'a', wait: { kind: 'follow_up', until: '2026-11-26T09:00:00.000Z' }, timer: timer('wait') }),
  answered: aCase({ status: 'answered', assigneeId: 'a', timer: timer('auto_close') }),
  resolved: aCase({ status: 'resolved', assigneeId: 'a', resolution: resolution('no_customer_response'), timer: timer('feedback_window') }),
  closed: aCase({ status: 'closed', assigneeId: 'a', resolution: resolution('replied_to_customer') }),
  spam: aCase({ status: 'closed', resolution: resolution('rejected_spam') }),
  unknownAddress: aCase({ status: 'closed', resolution: resolution('unknown_address') }),
};

describe.each([
  ['draft', cases.draft, null, null, 'Draft', 'New'],
  ['unclaimed', cases.unclaimed, null, 'NEW', 'To Do', 'New'],
  ['claimed', cases.claimed, 'NEW', 'NEW', 'To Do', 'New'],
  ['inProgress', cases.inProgress, 'OPEN', 'NEW', 'In Progress', 'In progress'],
  ['moreInfo', cases.moreInfo, 'OPEN', 'NEW', 'Waiting – more info', 'Waiting'],
  ['followUp', cases.followUp, 'OPEN', 'NEW', 'Waiting – follow-up', 'Waiting'],
  ['answered', cases.answered, 'SENT', 'ANSWER RECEIVED', 'In Progress', 'Waiting'],
  ['resolved', cases.resolved, 'SENT', 'ANSWER RECEIVED', 'Resolved – no customer response', 'Closed'],
  ['closed', cases.closed, 'CLOSED', 'CLOSED', 'Resolved – manual response', 'Closed'],
  ['spam', cases.spam, 'CLOSED', 'CLOSED', 'Rejected as spam', 'Closed'],
  ['unknownAddress', cases.unknownAddress, 'CLOSED', 'CLOSED', 'Rejected – unknown e-mail address', 'Closed'],
] as const)('labels of a %s case', (_name, c, agent, customer, enate, sugester) => {
  it(`agent panel shows ${agent}`, () => expect(agentLabel(c)).toBe(agent));
  it(`customer panel shows ${customer}`, () => expect(customerLabel(c)).toBe(customer));
  it(`Enate shows ${enate}`, () => expect(enateLabel(c)).toBe(enate));
  it(`Sugester shows ${sugester}`, () => expect(sugesterLabel(c)).toBe(sugester));
});

describe('tenantLabel', () => {
  const tenant = settings({ customStatuses: [{ id: 'vendor', label: 'Waiting for vendor', systemStatus: 'waiting' }] });

  it('shows the system status marked "(system)" when no custom status is chosen', () => {
    expect(tenantLabel(cases.unclaimed, tenant)).toBe('New (system)');
  });

  it('shows the chosen custom status', () => {
    expect(tenantLabel({ ...cases.moreInfo, customStatusId: 'vendor' }, tenant)).toBe('Waiting for vendor');
  });

  it('falls back to the system label when the custom status no longer matches', () => {
    expect(tenantLabel({ ...cases.inProgress, customStatusId: 'vendor' }, tenant)).toBe('In progress (system)');
  });
});
