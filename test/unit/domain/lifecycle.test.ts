import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../../functions/domain/case.ts';
import { ForbiddenError, InvalidTransitionError } from '../../../functions/domain/errors.ts';
import { allowedCommands, type Command, HTTP_COMMANDS, type HttpCommand, transition, TRANSITIONS } from '../../../functions/domain/lifecycle.ts';
import { SYSTEM_STATUSES } from '../../../functions/domain/tenant-settings.ts';
import { aCase, admin, agent, customer, robot, settings, system } from '../../fixtures/cases.ts';

const EXPECTED: Record<Command, Partial<Record<CaseStatus, CaseStatus>>> = {
  submit: { draft: 'new' },
  claim: { new: 'new' },
  delegate: { new: 'new', in_progress: 'new', waiting: 'waiting', answered: 'answered', resolved: 'resolved' },
  unassign: { new: 'new', in_progress: 'new', waiting: 'new', answered: 'new' },
  set_todo: { in_progress: 'new' },
  robot_reject: { new: 'new', in_progress: 'new' },
  note: { draft: 'draft', new: 'new', in_progress: 'in_progress', waiting: 'waiting', answered: 'answered', resolved: 'resolved' },
  reply: { draft: 'draft', new: 'answered', in_progress: 'answered', waiting: 'answered', answered: 'answered' },
  update_fields: { draft: 'draft', new: 'new', in_progress: 'in_progress', waiting: 'waiting', answered: 'answered', resolved: 'resolved' },
  link_customer: {
    draft: 'draft', new: 'new', in_progress: 'in_progress', waiting: 'waiting', answered: 'answered', resolved: 'resolved', closed: 'closed',
  },
  set_wait: { new: 'waiting', in_progress: 'waiting', waiting: 'waiting', answered: 'waiting' },
  cancel_wait: { waiting: 'in_progress' },
  resolve: { draft: 'resolved', new: 'resolved', in_progress: 'resolved', waiting: 'resolved', answered: 'resolved' },
  reopen: { resolved: 'in_progress' },
  close: { new: 'closed', in_progress: 'closed', waiting: 'closed', answered: 'closed', resolved: 'closed' },
  reject_spam: { draft: 'closed', new: 'closed', in_progress: 'closed', waiting: 'closed', answered: 'closed', resolved: 'closed' },
  regenerate_link: { new: 'new', in_progress: 'in_progress', waiting: 'waiting', answered: 'answered', resolved: 'resolved', closed: 'closed' },
  customer_message: {
    new: 'new', in_progress: 'in_progress', waiting: 'in_progress', answered: 'in_progress', resolved: 'in_progress', closed: 'in_progress',
  },
  customer_cancel: { new: 'closed', in_progress: 'closed', waiting: 'closed', answered: 'closed', resolved: 'closed' },
  split: { new: 'waiting', in_progress: 'waiting', waiting: 'waiting', answered: 'waiting' },
  spawn: { new: 'new', in_progress: 'in_progress', waiting: 'waiting', answered: 'answered' },
  related_case_finished: {
    new: 'new', in_progress: 'in_progress', waiting: 'waiting', answered: 'answered', resolved: 'resolved', closed: 'closed',
  },
  merge: { new: 'resolved', in_progress: 'resolved', waiting: 'resolved', answered: 'resolved' },
  merge_into: { new: 'new', in_progress: 'in_progress', waiting: 'waiting', answered: 'answered', resolved: 'resolved' },
  unmerge: { resolved: 'resolved' },
  merge_target_closed: { resolved: 'closed' },
  timer_fired: { waiting: 'in_progress', answered: 'closed', resolved: 'closed' },
};

describe('the transition table', () => {
  it('is exactly the documented lifecycle', () => {
    const table = Object.fromEntries(Object.entries(TRANSITIONS).map(([command, t]) => [command, t.from]));

    expect(table).toEqual(EXPECTED);
  });

  it('leaves Closed only by linking a customer, replacing its public link or recording a related case\'s end (all keep it Closed), or by a customer message where the tenant reopens closed cases', () => {
    const fromClosed = Object.entries(TRANSITIONS).filter(([, t]) => t.from.closed !== undefined).map(([c]) => c);
    const closed = aCase({ status: 'closed' });

    expect(fromClosed).toEqual(['link_customer', 'regenerate_link', 'customer_message', 'related_case_finished']);
    expect(() => transition(closed, 'customer_message', robot(), settings())).toThrow(/new linked case/);
    expect(transition(closed, 'customer_message', robot(), settings({ reopenClosed: 'reopen' }))).toBe('in_progress');
  });

  const cells = SYSTEM_STATUSES.flatMap((status) =>
    (Object.keys(EXPECTED) as Command[]).map((command) => [status, command, EXPECTED[command][status]] as const),
  );

  it.each(cells)('from %s, %s leads to %s (undefined: refused)', (status, command, target) => {
    // Undoing a merge, or closing a merged case with its target, starts from a merged case.
    const merged = command === 'unmerge' || command === 'merge_target_closed';
    const c = aCase({
      status, assigneeId: command === 'claim' ? null : 'robot-1', customerId: 'customer-1',
      ...(merged ? { resolution: { method: 'merged', at: '2026-01-01T00:00:00.000Z', by: 'agent-ala', entrySeq: null } } : {}),
    });
    // Replacing a customer's link, splitting, starting, merging and unmerging cases are for people, cancelling is the customer's,
    // recording a related case's end and closing a merged case the helpdesk's; every other command here a robot may run.
    const actor =
      ['regenerate_link', 'split', 'spawn', 'merge', 'merge_into', 'unmerge'].includes(command) ? agent()
      : command === 'customer_cancel' ? customer('customer-1')
      : command === 'related_case_finished' || command === 'merge_target_closed' ? system()
      : robot();
    const act = () => transition(c, command, actor, settings({ reopenClosed: 'reopen' }));

    if (target === undefined) {
      expect(act).toThrow(InvalidTransitionError);
    } else {
      expect(act()).toBe(target);
    }
  });
});

describe('transition refusals', () => {
  it('lists the allowed commands when a command is not allowed', () => {
    const c = aCase({ status: 'closed', assigneeId: 'agent-ala' });

    const error = (() => {
      try {
        transition(c, 'reply', agent());
      } catch (e) {
        return e as InvalidTransitionError;
      }
      throw new Error('expected a refusal');
    })();

    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect(error.allowed).toEqual(['link_customer', 'regenerate_link']);
    expect(error.status).toBe('closed');
  });

  it('refuses to claim a case someone holds, pointing to delegate', () => {
    const c = aCase({ assigneeId: 'agent-ewa' });

    expect(() => transition(c, 'claim', agent())).toThrow(/assigned to agent-ewa; use delegate/);
  });

  it.each([
    ['unassign', aCase({ status: 'in_progress', assigneeId: 'agent-ewa' }), agent('agent-ala')],
    ['set_todo', aCase({ status: 'in_progress', assigneeId: 'agent-ewa' }), agent('agent-ala')],
    ['robot_reject', aCase({ status: 'in_progress', assigneeId: 'agent-ala' }), agent('agent-ala')],
    ['robot_reject', aCase({ status: 'in_progress', assigneeId: 'robot-2' }), robot('robot-1')],
  ] as const)('forbids %s to an actor who does not hold the case', (command, c, actor) => {
    expect(() => transition(c, command, actor)).toThrow(ForbiddenError);
  });

  it.each([
    ['the assignee', agent('agent-ewa')],
    ['the delegator', agent('agent-ala')],
    ['an admin', admin()],
  ])('lets %s unassign', (_who, actor) => {
    const c = aCase({ status: 'in_progress', assigneeId: 'agent-ewa', delegatedBy: 'agent-ala' });

    expect(transition(c, 'unassign', actor)).toBe('new');
  });
});

/** What any staff caller may run on a case held by agent-ala, by status. */
const FOR_STAFF: Record<CaseStatus, HttpCommand[]> = {
  draft: ['submit', 'note', 'reply', 'update_fields', 'link_customer', 'resolve', 'reject_spam'],
  new: ['delegate', 'note', 'reply', 'update_fields', 'link_customer', 'set_wait', 'resolve', 'close', 'reject_spam'],
  in_progress: ['delegate', 'note', 'reply', 'update_fields', 'link_customer', 'set_wait', 'resolve', 'close', 'reject_spam'],
  waiting: ['delegate', 'note', 'reply', 'update_fields', 'link_customer', 'set_wait', 'cancel_wait', 'resolve', 'close', 'reject_spam'],
  answered: ['delegate', 'note', 'reply', 'update_fields', 'link_customer', 'set_wait', 'resolve', 'close', 'reject_spam'],
  resolved: ['delegate', 'note', 'update_fields', 'link_customer', 'reopen', 'close', 'reject_spam'],
  closed: ['link_customer'],
};
/** What people (not robots) may add, by status. */
const FOR_PEOPLE: Record<CaseStatus, HttpCommand[]> = {
  draft: [], new: ['regenerate_link', 'split', 'spawn', 'merge'], in_progress: ['regenerate_link', 'split', 'spawn', 'merge'],
  waiting: ['regenerate_link', 'split', 'spawn', 'merge'], answered: ['regenerate_link', 'split', 'spawn', 'merge'], resolved: ['regenerate_link'],
  closed: ['regenerate_link'],
};
/** What only the assignee or an admin may add, by status. */
const FOR_HOLDER: Record<CaseStatus, HttpCommand[]> = {
  draft: [], new: ['unassign'], in_progress: ['unassign', 'set_todo'], waiting: ['unassign'], answered: ['unassign'], resolved: [], closed: [],
};
const inTableOrder = (commands: HttpCommand[]) => HTTP_COMMANDS.filter((command) => commands.includes(command));

describe('allowedCommands', () => {
  const callers = [
    ['the assignee', agent('agent-ala'), true],
    ['another agent', agent('agent-ewa'), false],
    ['an admin', admin(), true],
    ['a robot not holding the case', robot(), false],
  ] as const;
  const cells = SYSTEM_STATUSES.flatMap((status) => callers.map(([who, actor, holds]) => [status, who, actor, holds] as const));
  const forPeople = (actor: (typeof callers)[number][1], status: CaseStatus) => (actor.kind === 'robot' ? [] : FOR_PEOPLE[status]);

  it.each(cells)('on a %s case held by an agent, offers %s what the table allows them', (status, _who, actor, holds) => {
    const c = aCase({ status, assigneeId: 'agent-ala' });

    const offered = allowedCommands(c, actor, settings());

    expect(offered).toEqual(inTableOrder([...FOR_STAFF[status], ...forPeople(actor, status), ...(holds ? FOR_HOLDER[status] : [])]));
  });

  it.each(callers)('offers claim on an unassigned To Do case to %s, and no unassign', (_who, actor) => {
    const offered = allowedCommands(aCase({ status: 'new', assigneeId: null }), actor, settings());

    expect(offered).toEqual(inTableOrder(['claim', ...FOR_STAFF.new, ...forPeople(actor, 'new')]));
  });

  it.each([
    ['new', ['unassign', 'robot_reject']],
    ['in_progress', ['unassign', 'set_todo', 'robot_reject']],
  ] as const)('offers the robot holding a %s case its own commands too', (status, own) => {
    const offered = allowedCommands(aCase({ status, assigneeId: 'robot-1' }), robot('robot-1'), settings());

    expect(offered).toEqual(inTableOrder([...FOR_STAFF[status], ...own]));
  });

  it('offers unassign to the agent who delegated the case', () => {
    const c = aCase({ status: 'in_progress', assigneeId: 'agent-ewa', delegatedBy: 'agent-ala' });

    const offered = allowedCommands(c, agent('agent-ala'), settings());

    expect(offered).toContain('unassign');
    expect(offered).not.toContain('set_todo');
  });

  it('never offers what no HTTP caller runs as an action, even where the table allows it', () => {
    const closed = aCase({ status: 'closed', assigneeId: 'agent-ala' });

    const offered = SYSTEM_STATUSES.flatMap((status) => allowedCommands(aCase({ status }), admin(), settings({ reopenClosed: 'reopen' })));

    expect(allowedCommands(closed, admin(), settings({ reopenClosed: 'reopen' }))).toEqual(['link_customer', 'regenerate_link']);
    expect(offered).not.toContain('customer_message');
    expect(offered).not.toContain('timer_fired');
    expect(offered).not.toContain('related_case_finished');
    expect((Object.keys(TRANSITIONS) as Command[]).filter((command) => !(HTTP_COMMANDS as readonly string[]).includes(command))).toEqual([
      'customer_message',
      'customer_cancel',
      'related_case_finished',
      'merge_into',
      'merge_target_closed',
      'timer_fired',
    ]);
  });
});
