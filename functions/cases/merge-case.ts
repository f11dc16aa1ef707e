import { ValidationError } from '../domain/errors.ts';
import { merge } from '../domain/merge.ts';
import type { Case } from '../domain/case.ts';
import { routes } from '../routes.ts';
import type { Deps } from '../shared/deps.ts';
import { mergeCommand } from './merge-command.ts';

/**
 * Merges the case into the open case with the number given. The target refers to the source's
 * public entries, so they are read (pages of up to 100, oldest first) to name them.
 */
export const mergeCase = mergeCommand(routes.mergeCase, async (source, ctx, { body }, deps) => {
  const target = await deps.cases.findByNumber(body.into);
  if (!target) throw new ValidationError([{ path: 'body.into', message: `there is no case #${body.into}` }]);
  const { source: merged, target: joined } = merge(source, target, ctx, await publicEntrySeqs(source, deps));
  return { source: merged, target: joined, targetVersion: target.version };
});

async function publicEntrySeqs(c: Case, deps: Deps): Promise<number[]> {
  const seqs: number[] = [];
  for await (const entry of deps.cases.timelineEntries(c.id, c.entryCount)) if (entry.visibility === 'public') seqs.push(entry.seq);
  return seqs;
}
