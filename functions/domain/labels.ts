import type { Case, CaseStatus } from './case.ts';
import type { TenantSettings } from './tenant-settings.ts';

/** Every product's labels are views of the one system status; none is stored. */
export interface CaseLabels {
  /** "5 ways" expert panel; null while a case is unclaimed or a draft (it has no status there yet). */
  agent: 'NEW' | 'OPEN' | 'SENT' | 'CLOSED' | null;
  /** "5 ways" client panel; null for drafts, which customers never see. */
  customer: CustomerLabel | null;
  enate: string;
  sugester: 'New' | 'In progress' | 'Waiting' | 'Closed';
  /** The tenant's own label: its custom status, or the system status marked "(system)". */
  tenant: string;
}

export const CUSTOMER_LABELS = ['NEW', 'AWAITING QUOTE', 'PAYING', 'CASE ANALYSIS', 'IN PREPARATION', 'ANSWER RECEIVED', 'PAYMENT ERROR', 'CLOSED'] as const;
export type CustomerLabel = (typeof CUSTOMER_LABELS)[number];

export const SYSTEM_LABELS: Record<CaseStatus, string> = {
  draft: 'Draft',
  new: 'New',
  in_progress: 'In progress',
  waiting: 'Waiting',
  answered: 'Answered',
  resolved: 'Resolved',
  closed: 'Closed',
};

export function agentLabel(c: Case): CaseLabels['agent'] {
  switch (c.status) {
    case 'draft':
      return null;
    case 'new':
      return c.assigneeId === null ? null : 'NEW';
    case 'in_progress':
    case 'waiting':
      return 'OPEN';
    case 'answered':
    case 'resolved':
      return 'SENT';
    case 'closed':
      return 'CLOSED';
  }
}

/**
 * Rules tried in order, first match wins. The quote and payment labels (AWAITING QUOTE, PAYING,
 * CASE ANALYSIS, IN PREPARATION, PAYMENT ERROR) will be rules placed ahead of these once a case
 * carries a quote; the statuses below stay as they are.
 */
const CUSTOMER_RULES: readonly [(c: Case) => boolean, CustomerLabel | null][] = [
  [(c) => c.status === 'draft', null],
  [(c) => c.status === 'closed', 'CLOSED'],
  [(c) => c.status === 'answered' || c.status === 'resolved', 'ANSWER RECEIVED'],
  [() => true, 'NEW'],
];

export function customerLabel(c: Case): CustomerLabel | null {
  return CUSTOMER_RULES.find(([matches]) => matches(c))?.[1] ?? null;
}

const RESOLVED_ENATE: Record<string, string> = {
  replied_to_customer: 'Resolved – manual response',
  no_customer_response: 'Resolved – no customer response',
  rejected: 'Rejected',
  rejected_spam: 'Rejected as spam',
  unknown_address: 'Rejected – unknown e-mail address',
  split: 'Resolved – split (completed)',
  merged: 'Resolved – updated an existing request',
  cancelled_by_customer: 'Closed – cancelled by the customer',
};

/** Enate names the waits for other cases as resolutions, though the case waits ("Poczekalnia"). */
const ENATE_WAITING: Record<NonNullable<Case['wait']>['kind'], string> = {
  more_info: 'Waiting – more info',
  follow_up: 'Waiting – follow-up',
  split: 'Resolved – split request',
  spawned_case: 'Resolved – new case started',
};

export function enateLabel(c: Case): string {
  switch (c.status) {
    case 'draft':
      return 'Draft';
    case 'new':
      return 'To Do';
    case 'in_progress':
    case 'answered':
      return 'In Progress';
    case 'waiting':
      return ENATE_WAITING[c.wait?.kind ?? 'more_info'];
    case 'resolved':
    case 'closed':
      return RESOLVED_ENATE[c.resolution?.method ?? 'replied_to_customer'] ?? 'Resolved';
  }
}

export function sugesterLabel(c: Case): CaseLabels['sugester'] {
  if (c.status === 'draft' || c.status === 'new') return 'New';
  if (c.status === 'in_progress') return 'In progress';
  if (c.status === 'waiting' || c.status === 'answered') return 'Waiting';
  return 'Closed';
}

export function tenantLabel(c: Case, settings: TenantSettings): string {
  const custom = settings.customStatuses.find((s) => s.id === c.customStatusId && s.systemStatus === c.status);
  return custom ? custom.label : `${SYSTEM_LABELS[c.status]} (system)`;
}

export function labelsOf(c: Case, settings: TenantSettings): CaseLabels {
  return {
    agent: agentLabel(c),
    customer: customerLabel(c),
    enate: enateLabel(c),
    sugester: sugesterLabel(c),
    tenant: tenantLabel(c, settings),
  };
}
