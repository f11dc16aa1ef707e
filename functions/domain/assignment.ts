import { isStaff } from './actor.ts';
import type { Case } from './case.ts';
import { type CommandContext, Mutation, type Outcome } from './mutation.ts';
import { transition } from './lifecycle.ts';

/**
 * The "first agent update" rule: an agent who updates a case takes it when it has no assignee
 * (or always, under the Welyo policy), and a To Do case the assignee starts working on moves to
 * In Progress. Viewing a case never gets here.
 */
export function applyAgentUpdate(m: Mutation): void {
  const { actor, settings } = m.ctx;
  const c = m.current;
  if (!isStaff(actor) || c.status === 'draft' || c.status === 'closed') return;
  const takes = c.assigneeId === null || (settings.assignmentPolicy === 'any_action' && c.assigneeId !== actor.id);
  if (takes) m.set('assigneeId', actor.id).set('delegatedBy', null);
  if (m.current.status === 'new' && m.current.assigneeId === actor.id) m.set('status', 'in_progress');
}

/** Takes an unassigned case for oneself; it stays New ("claimed") until the agent starts on it. */
export function claim(c: Case, ctx: CommandContext): Outcome {
  const m = new Mutation(c, ctx);
  m.set('status', transition(c, 'claim', ctx.actor)).set('assigneeId', ctx.actor.id).set('delegatedBy', null);
  return m.finish();
}

/**
 * Hands the case to another agent and remembers who delegated it. Reassigning a case that is
 * In Progress returns it to To Do for the new assignee.
 */
export function delegate(c: Case, ctx: CommandContext, agentId: string): Outcome {
  const m = new Mutation(c, ctx);
  const toSelf = agentId === ctx.actor.id;
  m.set('status', transition(c, 'delegate', ctx.actor))
    .set('assigneeId', agentId)
    .set('delegatedBy', toSelf ? null : ctx.actor.id);
  return m.finish();
}

/** Sends the case back to the "to assign" queue; any wait or timer ends with it. */
export function unassign(c: Case, ctx: CommandContext): Outcome {
  return backToQueue(new Mutation(c, ctx), transition(c, 'unassign', ctx.actor));
}

/** The assignee sets an In Progress case back to To Do by hand and keeps it. */
export function setToDo(c: Case, ctx: CommandContext): Outcome {
  const m = new Mutation(c, ctx);
  m.set('status', transition(c, 'set_todo', ctx.actor));
  return m.finish();
}

/** A robot gives work back to the humans: To Do, unassigned, with its reason on the timeline. */
export function robotReject(c: Case, ctx: CommandContext, reason: string): Outcome {
  const m = new Mutation(c, ctx);
  const status = transition(c, 'robot_reject', ctx.actor);
  m.add({ type: 'system', visibility: 'internal', event: 'rejected_by_robot', detail: reason });
  return backToQueue(m, status);
}

function backToQueue(m: Mutation, status: Case['status']): Outcome {
  m.set('status', status).set('assigneeId', null).set('delegatedBy', null).set('wait', null).set('timer', null);
  return m.finish();
}
