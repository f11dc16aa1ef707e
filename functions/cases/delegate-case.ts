import { delegate } from '../domain/assignment.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { caseCommand } from './case-command.ts';
import { requireKnownAssignee } from './known-assignee.ts';

const delegateTo = caseCommand(routes.delegateCase, (c, ctx, { body }) => delegate(c, ctx, body.agentId));

/** Only to an agent in the directory: `nobody-123` would hold the case where no one sees it. */
export const delegateCase = defineHandler(routes.delegateCase, async (request, deps) => {
  await requireKnownAssignee(deps, request.actor, request.body.agentId, 'body.agentId');
  return delegateTo.run(request, deps);
});
