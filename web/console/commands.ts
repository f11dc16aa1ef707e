import type { Command } from '../shared/api-types.ts';

/** How each command the API may allow is requested: the route table's paths, seen from the client. */
export const COMMAND_REQUESTS: Partial<Record<Command, { method: string; path: string }>> = {
  submit: { method: 'POST', path: '/submit' },
  claim: { method: 'POST', path: '/claim' },
  delegate: { method: 'POST', path: '/delegate' },
  unassign: { method: 'POST', path: '/unassign' },
  set_todo: { method: 'POST', path: '/todo' },
  set_wait: { method: 'PUT', path: '/wait' },
  cancel_wait: { method: 'DELETE', path: '/wait' },
  resolve: { method: 'POST', path: '/resolve' },
  reopen: { method: 'POST', path: '/reopen' },
  close: { method: 'POST', path: '/close' },
  reject_spam: { method: 'POST', path: '/spam' },
  unmerge: { method: 'POST', path: '/unmerge' },
};

/** Commands that take no input: one click runs them. */
export const ONE_CLICK: readonly Command[] = ['claim', 'unassign', 'set_todo', 'reopen', 'reject_spam', 'cancel_wait', 'submit', 'unmerge'];

