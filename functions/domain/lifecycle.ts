import type { Actor } from './actor.ts';
import type { Case, CaseStatus } from './case.ts';
import { addDuration } from './duration.ts';
import { ForbiddenError, InvalidTransitionError } from './errors.ts';
import type { TenantSettings } from './tenant-settings.ts';

export type Command =
  | 'submit'
  | 'claim'
  | 'delegate'
  | 'unassign'
  | 'set_todo'
  | 'robot_reject'
  | 'note'
  | 'reply'
  | 'update_fields'
  | 'link_customer'
  | 'set_wait'
  | 'cancel_wait'
  | 'resolve'
  | 'reopen'
  | 'close'
  | 'reject_spam'
  | 'regenerate_link'
  | 'customer_message'
  | 'customer_cancel'
  | 'split'
  | 'spawn'
  | 'related_case_finished'
  | 'merge'
  | 'merge_into'
  | 'unmerge'
  | 'merge_target_closed'
  | 'timer_fired';

interface Transition {
  /** Status reached from each status the command may start from. */
  readonly from: Partial<Record<CaseStatus, CaseStatus>>;
  /** Extra condition on the case (and tenant policy, and the time where one counts); its message explains a refusal. */
  readonly guard?: (c: Case, settings?: TenantSettings, now?: string) => string | null;
  /** Who may run the command; a refusal is a 403, not a 409. */
  readonly permit?: (c: Case, actor: Actor) => string | null;
}

const ACTIVE = ['new', 'in_progress', 'waiting', 'answered'] as const;
const same = <S extends CaseStatus>(...statuses: readonly S[]) =>
  Object.fromEntries(statuses.map((s) => [s, s])) as Record<S, S>;
const onto = <S extends CaseStatus>(target: CaseStatus, ...statuses: readonly S[]) =>
  Object.fromEntries(statuses.map((s) => [s, target])) as Record<S, CaseStatus>;

const mergedAway = (c: Case) => c.resolution?.method === 'merged' && c.status === 'resolved';
const unassigned = (c: Case) => (c.assigneeId === null ? null : `the case is assigned to ${c.assigneeId}; use delegate to reassign it`);
const assigned = (c: Case) => (c.assigneeId !== null ? null : 'the case has no assignee');
const isAdmin = (actor: Actor) => actor.kind === 'admin';
const isPerson = (actor: Actor) => actor.kind === 'agent' || actor.kind === 'admin';
const assigneeOrAdmin = (what: string) => (c: Case, actor: Actor) =>
  c.assigneeId === actor.id || isAdmin(actor) ? null : `only the assignee or an admin may ${what}`;

/**
 * The lifecycle as data: for each command, the statuses it may start from and the status each
 * leads to before the "first agent update" rule (see `assignment.ts`) moves New to In Progress.
 * Targets that depend on input (a reply on a draft stays a draft) are refined by the command.
 */
export const TRANSITIONS: Record<Command, Transition> = {
  submit: { from: { draft: 'new' } },
  claim: { from: same('new'), guard: unassigned },
  delegate: { from: { ...same('new', 'waiting', 'answered', 'resolved'), in_progress: 'new' } },
  unassign: {
    from: onto('new', ...ACTIVE),
    guard: assigned,
    permit: (c, actor) =>
      c.assigneeId === actor.id || c.delegatedBy === actor.id || isAdmin(actor)
        ? null
        : 'only the assignee, the agent who delegated the case, or an admin may unassign it',
  },
  set_todo: { from: { in_progress: 'new' }, permit: assigneeOrAdmin('set the case back to To Do') },
  robot_reject: {
    from: onto('new', 'new', 'in_progress'),
    permit: (c, actor) => (actor.kind === 'robot' && c.assigneeId === actor.id ? null : 'only the robot holding the case may reject it'),
  },
  note: { from: same('draft', ...ACTIVE, 'resolved') },
  reply: { from: { draft: 'draft', ...onto('answered', ...ACTIVE) } },
  update_fields: { from: same('draft', ...ACTIVE, 'resolved') },
  link_customer: { from: same('draft', ...ACTIVE, 'resolved', 'closed') },
  set_wait: { from: onto('waiting', ...ACTIVE) },
  cancel_wait: { from: { waiting: 'in_progress' } },
  resolve: { from: onto('resolved', 'draft', ...ACTIVE) },
  reopen: { from: { resolved: 'in_progress' }, guard: (c) => (mergedAway(c) ? 'the case was merged into another: undo the merge instead' : null) },
  close: { from: onto('closed', ...ACTIVE, 'resolved') },
  reject_spam: { from: onto('closed', 'draft', ...ACTIVE, 'resolved') },
  // A draft has no customer to hold a link yet; a closed case's link still shows its history.
  regenerate_link: {
    from: same(...ACTIVE, 'resolved', 'closed'),
    permit: (_c, actor) => (actor.kind === 'robot' ? 'only a person may replace the link a customer holds' : null),
  },
  customer_message: {
    from: { ...onto('in_progress', 'in_progress', 'waiting', 'answered', 'resolved', 'closed'), new: 'new' },
    // Enate starts a new linked case for mail after Closed; Sugester reopens. The tenant chooses.
    // A merged case's messages belong to the case it was merged into (the caller takes them there).
    guard: (c, settings) =>
      c.status === 'closed' && settings?.reopenClosed !== 'reopen'
        ? 'the case is closed: a new message starts a new linked case'
        : mergedAway(c)
          ? 'the case was merged into another: its messages go there'
          : null,
  },
  // "5 ways": the customer may cancel their own case from the portal, whatever the helpdesk is doing with it.
  customer_cancel: {
    from: onto('closed', ...ACTIVE, 'resolved'),
    permit: (c, actor) => (actor.kind === 'customer' && c.customerId === actor.id ? null : "only the case's customer may cancel it"),
  },
  // Enate: the original waits ("split into several requests") until the last new case ends.
  split: { from: onto('waiting', ...ACTIVE), permit: (_c, actor) => (isPerson(actor) ? null : 'only an agent may split a case') },
  // A case started from this one; the original waits for it only if the agent chooses (the command refines the target).
  spawn: { from: same(...ACTIVE), permit: (_c, actor) => (isPerson(actor) ? null : 'only an agent may start a linked case') },
  // A case this one was split into, or started, was resolved or closed: bookkeeping the system does in any status.
  related_case_finished: {
    from: same('new', ...ACTIVE, 'resolved', 'closed'),
    permit: (_c, actor) => (actor.kind === 'system' ? null : 'only the helpdesk records that a related case ended'),
  },
  // Enate's "updated an existing request": an open case joins another. One that waits for cases it
  // split into or started would lose track of them, so it ends that wait first.
  merge: {
    from: onto('resolved', ...ACTIVE),
    guard: (c) => (c.wait?.kind === 'split' || c.wait?.kind === 'spawned_case' ? 'the case waits for related cases: cancel the wait or let them end first' : null),
    permit: (_c, actor) => (isPerson(actor) ? null : 'only an agent may merge a case'),
  },
  // The case another is merged into: open, and not merged itself, so merges never form a cycle.
  merge_into: {
    from: same(...ACTIVE, 'resolved'),
    guard: (c) => (mergedAway(c) ? `case #${c.number} was itself merged into another case: merge into that one` : null),
    permit: (_c, actor) => (isPerson(actor) ? null : 'only an agent may merge a case'),
  },
  // Within the feedback window of the merge: the time a resolution can be taken back.
  unmerge: {
    from: { resolved: 'resolved' },
    guard: (c, settings, now) => {
      if (!mergedAway(c)) return 'the case is not merged into another';
      const until = settings && c.resolution ? addDuration(c.resolution.at, settings.feedbackWindow) : null;
      return until && now && Date.parse(now) >= Date.parse(until)
        ? `a merge can be undone only within the feedback window (${settings!.feedbackWindow}), which ended ${until}`
        : null;
    },
    permit: (_c, actor) => (isPerson(actor) ? null : 'only an agent may undo a merge'),
  },
  // The case a merged one went into was closed: the merged case closes with it.
  merge_target_closed: {
    from: { resolved: 'closed' },
    guard: (c) => (mergedAway(c) ? null : 'the case is not merged into another'),
    permit: (_c, actor) => (actor.kind === 'system' ? null : 'only the helpdesk closes a merged case with its target'),
  },
  timer_fired: { from: { waiting: 'in_progress', answered: 'closed', resolved: 'closed' } },
};

/**
 * The commands staff run through the HTTP API, in table order: what a client may offer as
 * controls. Left out: `timer_fired`, which only the timer runtime runs, and `customer_message`,
 * which records what the customer did (an integration relays it), not an action on the case, and
 * whose route takes a closed case by starting a follow-up, which its row here does not describe.
 * `robot_reject` stays: its permit already leaves it to the robot holding the case.
 */
export const HTTP_COMMANDS = [
  'submit', 'claim', 'delegate', 'unassign', 'set_todo', 'robot_reject', 'note', 'reply', 'update_fields',
  'link_customer', 'set_wait', 'cancel_wait', 'resolve', 'reopen', 'close', 'reject_spam', 'regenerate_link', 'split', 'spawn',
  'merge', 'unmerge',
] as const satisfies readonly Command[];
export type HttpCommand = (typeof HTTP_COMMANDS)[number];

/**
 * The commands `actor` may run on the case now through the API, in table order: those whose row
 * starts from the case's status, whose guard passes and whose permit admits the actor. Clients
 * enable exactly these, so they never re-implement the table. `settings` feeds tenant-policy guards.
 */
export function allowedCommands(c: Case, actor: Actor, settings?: TenantSettings, now?: string): HttpCommand[] {
  return HTTP_COMMANDS.filter((command) => {
    const t = TRANSITIONS[command];
    return t.from[c.status] !== undefined && !t.guard?.(c, settings, now) && !t.permit?.(c, actor);
  });
}

/**
 * Checks that `command` may run on `c` by `actor` and returns the status the table leads to.
 * @throws InvalidTransitionError listing the allowed commands; ForbiddenError when the actor may not act.
 */
export function transition(c: Case, command: Command, actor: Actor, settings?: TenantSettings, now?: string): CaseStatus {
  const t = TRANSITIONS[command];
  const target = t.from[c.status];
  const refusal = target === undefined ? undefined : t.guard?.(c, settings, now);
  if (target === undefined || refusal) {
    throw new InvalidTransitionError(
      command,
      c.status,
      allowedCommands(c, actor, settings, now),
      refusal ?? `'${command}' is not allowed while the case is ${c.status}`,
    );
  }
  const denial = t.permit?.(c, actor);
  if (denial) throw new ForbiddenError(denial);
  return target;
}
