import type { Actor } from './actor.ts';
import type { Case } from './case.ts';
import { type CaseLabels, customerLabel, labelsOf } from './labels.ts';
import { allowedCommands, type HttpCommand } from './lifecycle.ts';
import type { CaseSummary } from './responses.ts';
import type { TenantSettings } from './tenant-settings.ts';
import type { TimelineEntry } from './timeline.ts';

export type CaseView = Omit<Case, 'entryCount'> & { labels: CaseLabels; allowedCommands: HttpCommand[] };
export type TimelineEntryView = TimelineEntry & { isResolution: boolean };

/** What staff see of a case, with the commands `actor` (the caller) may run on it now. */
/** The case as `actor` sees it at `now`: the commands in it are the ones they may run then. */
export function toCaseView(c: Case, actor: Actor, settings: TenantSettings, now: string): CaseView {
  const { entryCount, ...rest } = c;
  return { ...rest, labels: labelsOf(c, settings), allowedCommands: allowedCommands(c, actor, settings, now) };
}

export function toTimelineView(c: Case, entries: TimelineEntry[]): TimelineEntryView[] {
  return entries.map((entry) => ({ ...entry, isResolution: c.resolution?.entrySeq === entry.seq }));
}

/** What a customer (portal, public link) sees: public entries only, and no internal fields. */
export interface CustomerCaseView {
  id: string;
  number: number;
  title: string;
  status: CaseLabels['customer'];
  createdAt: string;
  updatedAt: string;
  timeline: { seq: number; at: string; type: 'description' | 'reply' | 'inbound_message'; from: 'agent' | 'customer'; text: string }[];
}

/**
 * The customer-facing projection. It filters on the server, by visibility and type both, so an
 * internal note can never reach a customer through any path built on it.
 */
export function toCustomerView(c: Case, entries: TimelineEntry[]): CustomerCaseView {
  const timeline = entries.flatMap((entry) => {
    if (entry.visibility !== 'public') return [];
    if (entry.type !== 'description' && entry.type !== 'reply' && entry.type !== 'inbound_message') return [];
    const from = entry.type === 'inbound_message' ? 'customer' : 'agent';
    return [{ seq: entry.seq, at: entry.at, type: entry.type, from, text: entry.text } as const];
  });
  return {
    id: c.id,
    number: c.number,
    title: c.title,
    status: customerLabel(c),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    timeline,
  };
}

/** One list row: what a queue or a customer's case list shows. */
export function toCaseSummary(c: Case, settings: TenantSettings): CaseSummary {
  return {
    id: c.id,
    number: c.number,
    title: c.title,
    status: c.status,
    labels: labelsOf(c, settings),
    priority: c.priority,
    category: c.category,
    assigneeId: c.assigneeId,
    delegatedBy: c.delegatedBy,
    inbox: c.inbox,
    customerId: c.customerId,
    highlighted: c.highlighted,
    dueAt: c.timer?.dueAt ?? null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
