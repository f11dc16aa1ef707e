import type { Case } from './case.ts';
import type { CommandContext } from './mutation.ts';

export interface NewCaseIdentity {
  id: string;
  number: number;
}

/**
 * A case that has just come into being: nothing assigned, waited on, linked or recorded yet, a
 * draft at version 0. Each way a case starts (staff, mail, a follow-up) gives what it knows.
 */
export function freshCase(identity: NewCaseIdentity, ctx: CommandContext, fields: Partial<Case> & Pick<Case, 'channel'>): Case {
  const { now } = ctx;
  return {
    id: identity.id,
    number: identity.number,
    title: '',
    description: '',
    status: 'draft',
    wait: null,
    resolution: null,
    timer: null,
    timerGeneration: 0,
    linkGeneration: 0,
    type: null,
    category: null,
    priority: 'normal',
    slaLevel: null,
    customStatusId: null,
    assigneeId: null,
    delegatedBy: null,
    inbox: null,
    customerId: null,
    contacts: { primaryContact: null, requester: null },
    externalId: null,
    links: [],
    highlighted: false,
    lastAgentEntry: null,
    lastCustomerMessageAt: null,
    createdBy: ctx.actor.id,
    createdAt: now,
    updatedAt: now,
    lastActivityAt: now,
    closedAt: null,
    entryCount: 0,
    version: 0,
    ...fields,
  };
}

/** What a case that continues another keeps of it: the customer, contacts, inbox and classification. */
export const continuedFrom = (previous: Case): Pick<Case, 'customerId' | 'contacts' | 'inbox' | 'category' | 'type' | 'priority' | 'slaLevel'> => ({
  customerId: previous.customerId,
  contacts: previous.contacts,
  inbox: previous.inbox,
  category: previous.category,
  type: previous.type,
  priority: previous.priority,
  slaLevel: previous.slaLevel,
});
