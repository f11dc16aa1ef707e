import { spawn } from '../domain/spawn.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { requireKnownAssignee } from './known-assignee.ts';
import { relatedCaseCommand } from './related-case-command.ts';

const start = relatedCaseCommand(
  routes.spawnCase,
  () => 1,
  (c, ctx, { body }, [identity]) => {
    const { original, created } = spawn(c, ctx, body, identity!);
    return { original, created: [created] };
  },
);

/** The new case's agent must be in the directory, as for a delegation. */
export const spawnCase = defineHandler(routes.spawnCase, async (request, deps) => {
  await requireKnownAssignee(deps, request.actor!, request.body.assigneeId, 'body.assigneeId');
  return start.run(request, deps);
});
