import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { HELPDESK_ACTOR } from '../domain/acknowledgement.ts';
import type { Case } from '../domain/case.ts';
import { NotFoundError } from '../domain/errors.ts';
import { mergeTargetClosed } from '../domain/merge.ts';
import type { CommandContext, Outcome } from '../domain/mutation.ts';
import { hasJustFinished, relatedCaseFinished } from '../domain/related-case-finished.ts';
import { retryOnConflict } from '../shared/retry-on-conflict.ts';
import { itemToCase } from '../store/items.ts';
import type { TimerDeps } from '../timers/timer-deps.ts';

type Image = Record<string, AttributeValue> | undefined;

const caseOf = (image: Image) => (image?.kind?.S === 'case' ? itemToCase(unmarshall(image)) : undefined);

/**
 * For each case change on the table's stream: when a case that was split off, or started, from
 * another has just been resolved or closed, that other case records it (and, as the last of a
 * split, resolves); when a case others were merged into has just been closed, they close too.
 * Here rather than in every command that can end a case (resolve, close, spam, a timer, the
 * customer cancelling): whatever ends it, the stream sees it, at least once, and the domain rules
 * make a second delivery a no-op. Two cases ending at once are two conflicting writes to the
 * original; the loser re-reads and finds the other already recorded.
 */
export function finishRelatedCases(deps: TimerDeps): (record: DynamoDBRecord) => Promise<void> {
  return async (record) => {
    const before = caseOf(record.dynamodb?.OldImage as Image);
    const after = caseOf(record.dynamodb?.NewImage as Image);
    if (!before || !after || !hasJustFinished(before, after)) return;
    for (const link of after.links.filter((l) => l.kind === 'split_from' || l.kind === 'spawned_from')) {
      await recordOn(link.caseId, deps, (c, ctx) => relatedCaseFinished(c, ctx, after));
    }
    if (after.status !== 'closed' || before.status === 'closed') return;
    for (const link of after.links.filter((l) => l.kind === 'merged_from')) {
      await recordOn(link.caseId, deps, (c, ctx) => mergeTargetClosed(c, ctx, after));
    }
  };
}

/** Applies a rule to a related case as the helpdesk, re-reading it after a lost race; a case that is gone is skipped. */
async function recordOn(caseId: string, deps: TimerDeps, rule: (c: Case, ctx: CommandContext) => Outcome | null): Promise<void> {
  await retryOnConflict(async () => {
    let c;
    try {
      c = await deps.cases.getCase(caseId);
    } catch (error) {
      if (error instanceof NotFoundError) return;
      throw error;
    }
    const outcome = rule(c, { actor: HELPDESK_ACTOR, now: deps.clock(), settings: deps.settings });
    if (outcome) await deps.cases.saveCase(outcome, c.version);
  });
}
