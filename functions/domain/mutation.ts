import { type Actor, toActorRef } from './actor.ts';
import type { Case } from './case.ts';
import { ConflictError } from './errors.ts';
import type { NewEntry, TimelineEntry } from './timeline.ts';
import { assertInvariants } from './invariants.ts';
import type { TenantSettings } from './tenant-settings.ts';

/** What every command returns: the next case and the timeline entries to append atomically with it. */
export interface Outcome {
  case: Case;
  entries: TimelineEntry[];
}

export interface CommandContext {
  actor: Actor;
  /** ISO time of the command; the domain never reads the clock. */
  now: string;
  settings: TenantSettings;
}

/**
 * The most entries a case's timeline may hold, as Zendesk caps a ticket's comments: it bounds a
 * case's storage and the pages it takes to read. Past it, a case can still be resolved and closed
 * and its timers still fire; anything else is refused with 409 `case_full`.
 */
export const MAX_TIMELINE_ENTRIES = 5_000;

/** Fields whose changes are recorded on the timeline as "who, from, to". */
const TRACKED = [
  'status', 'assigneeId', 'delegatedBy', 'title', 'type', 'category', 'priority', 'slaLevel',
  'customStatusId', 'customerId', 'inbox', 'externalId', 'contacts', 'wait', 'resolution', 'links',
] as const satisfies readonly (keyof Case)[];
type Tracked = (typeof TRACKED)[number];

/**
 * Accumulates one command's changes to a case. `finish` stamps version and times, records the
 * tracked field changes as one entry and checks the lifecycle invariants.
 */
export class Mutation {
  private next: Case;
  private readonly added: NewEntry[] = [];

  constructor(
    private readonly original: Case,
    readonly ctx: CommandContext,
  ) {
    this.next = structuredClone(original);
  }

  get current(): Readonly<Case> {
    return this.next;
  }

  set<K extends keyof Case>(field: K, value: Case[K]): this {
    this.next = { ...this.next, [field]: value };
    return this;
  }

  /** Appends an entry and returns the sequence number it will get. */
  add(entry: NewEntry): number {
    this.added.push(entry);
    return this.original.entryCount + this.added.length;
  }

  finish(): Outcome {
    const { actor, now } = this.ctx;
    this.dropStaleCustomStatus();
    const changes = this.fieldChanges();
    // Field changes go last so that the sequence numbers handed out by `add` stay valid.
    const ordered: NewEntry[] = changes.length > 0
      ? [...this.added, { type: 'field_change', visibility: 'internal', changes }]
      : [...this.added];
    const entries = ordered.map(
      (entry, i) => ({ ...entry, seq: this.original.entryCount + i + 1, at: now, actor: toActorRef(actor) }) as TimelineEntry,
    );
    const next: Case = {
      ...this.next,
      entryCount: this.original.entryCount + entries.length,
      version: this.original.version + 1,
      updatedAt: now,
      lastActivityAt: now,
    };
    assertInvariants(next);
    assertRoom(next, actor);
    return { case: next, entries };
  }

  /** A custom status labels one system status; leaving that status leaves the label too. */
  private dropStaleCustomStatus(): void {
    const { customStatusId, status } = this.next;
    if (customStatusId === null) return;
    const custom = this.ctx.settings.customStatuses.find((s) => s.id === customStatusId);
    if (custom?.systemStatus !== status) this.set('customStatusId', null);
  }

  private fieldChanges(): { field: Tracked; from: unknown; to: unknown }[] {
    return TRACKED.filter((field) => JSON.stringify(this.original[field]) !== JSON.stringify(this.next[field])).map(
      (field) => ({ field, from: this.original[field], to: this.next[field] }),
    );
  }
}

function assertRoom(next: Case, actor: Actor): void {
  const ending = next.status === 'resolved' || next.status === 'closed';
  if (next.entryCount <= MAX_TIMELINE_ENTRIES || ending || actor.kind === 'system') return;
  throw new ConflictError(
    `the case has reached its limit of ${MAX_TIMELINE_ENTRIES} timeline entries; it can still be resolved or closed. ` +
      'Continue in a new case',
    'case_full',
  );
}
