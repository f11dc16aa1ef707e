import { mergedInto, unmerge } from '../domain/merge.ts';
import { transition } from '../domain/lifecycle.ts';
import { routes } from '../routes.ts';
import { mergeCommand } from './merge-command.ts';

/** Takes a merged case out of its target again, within the feedback window. */
export const unmergeCase = mergeCommand(routes.unmergeCase, async (source, ctx, _request, deps) => {
  // Refused before reading a target a case that is not merged does not have.
  transition(source, 'unmerge', ctx.actor, ctx.settings, ctx.now);
  const target = await deps.cases.getCase(mergedInto(source)!.caseId);
  const { source: restored, target: left } = unmerge(source, target, ctx);
  return { source: restored, target: left, targetVersion: target.version };
});
