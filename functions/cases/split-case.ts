import { split } from '../domain/split.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { requireKnownAssignee } from './known-assignee.ts';
import { relatedCaseCommand } from './related-case-command.ts';

const splitInto = relatedCaseCommand(
  routes.splitCase,
  ({ body }) => body.cases.length,
  (c, ctx, { body }, identities) => split(c, ctx, body, identities),
);

/** Each new case's agent must be in the directory, as for a delegation. */
export const splitCase = defineHandler(routes.splitCase, async (request, deps) => {
  for (const [i, item] of request.body.cases.entries()) await requireKnownAssignee(deps, request.actor!, item.assigneeId, `body.cases.${i}.assigneeId`);
  return splitInto.run(request, deps);
});
