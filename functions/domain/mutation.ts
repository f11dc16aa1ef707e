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
  /** Present when the command only added entries; see {@link Append}. */
  append?: Append;
}

/**
 * An outcome that only added entries to a case it otherwise left as it was, such as a note on a
 * case its agent already works. Such outcomes commute with each other: one may land on a newer
 * case as long as nothing but other appends changed it, its entries numbered after whatever
 * landed meanwhile. So a busy case's notes do not make each other retry.
 */
export interface Append {
  /** The most entries the case may hold before this append (the timeline's limit); null when none applies. */
  maxEntriesBefore: number | null;
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
 * What an append may change besides adding entries: counters and times that concurrent appends
 * each move forward. The agent's latest entry counts only once it points somewhere: a later
 * entry moves it, while a first one is set by a full write.
 */
const APPEND_FIELDS = ['entryCount', 'version', 'updatedAt', 'lastActivityAt', 'lastAgentEntry'] as const satisfies readonly (keyof Case)[];

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
    return this.onlyAppends(next, entries) ? { case: next, entries, append: { maxEntriesBefore: roomBefore(next, actor, entries.length) } } : { case: next, entries };
  }

  private onlyAppends(next: Case, entries: TimelineEntry[]): boolean {
    if (entries.length === 0 || entries.some((entry) => entry.type === 'field_change')) return false;
    if (this.original.lastAgentEntry === null && next.lastAgentEntry !== null) return false;
    const kept = (c: Case) => JSON.stringify({ ...c, ...Object.fromEntries(APPEND_FIELDS.map((field) => [field, null])) });
    return kept(this.original) === kept(next);
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

/** Whether the timeline's limit holds for this change: an ending or the system's own work always has room. */
const limited = (next: Case, actor: Actor): boolean => !(next.status === 'resolved' || next.status === 'closed' || actor.kind === 'system');

const roomBefore = (next: Case, actor: Actor, added: number): number | null => (limited(next, actor) ? MAX_TIMELINE_ENTRIES - added : null);

function assertRoom(next: Case, actor: Actor): void {
  if (next.entryCount <= MAX_TIMELINE_ENTRIES || !limited(next, actor)) return;
  throw new ConflictError(
    `the case has reached its limit of ${MAX_TIMELINE_ENTRIES} timeline entries; it can still be resolved or closed. ` +
      'Continue in a new case',
    'case_full',
  );
}
