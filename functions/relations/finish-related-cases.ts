import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { HELPDESK_ACTOR } from '../domain/acknowledgement.ts';
import { NotFoundError } from '../domain/errors.ts';
import { hasJustFinished, relatedCaseFinished } from '../domain/related-case-finished.ts';
import { retryOnConflict } from '../shared/retry-on-conflict.ts';
import { itemToCase } from '../store/items.ts';
import type { TimerDeps } from '../timers/timer-deps.ts';

type Image = Record<string, AttributeValue> | undefined;

const caseOf = (image: Image) => (image?.kind?.S === 'case' ? itemToCase(unmarshall(image)) : undefined);

/**
 * For each case change on the table's stream: when a case that was split off, or started, from
 * another has just been resolved or closed, that other case records it (and, as the last of a
 * split, resolves). Here rather than in every command that can end a case (resolve, close, spam,
 * a timer, the customer cancelling): whatever ends it, the stream sees it, at least once, and the
 * domain rule makes a second delivery a no-op. Two cases ending at once are two conflicting writes
 * to the original; the loser re-reads and finds the other already recorded.
 */
export function finishRelatedCases(deps: TimerDeps): (record: DynamoDBRecord) => Promise<void> {
  return async (record) => {
    const before = caseOf(record.dynamodb?.OldImage as Image);
    const after = caseOf(record.dynamodb?.NewImage as Image);
    if (!before || !after || !hasJustFinished(before, after)) return;
    for (const link of after.links.filter((l) => l.kind === 'split_from' || l.kind === 'spawned_from')) {
      await retryOnConflict(async () => {
        let original;
        try {
          original = await deps.cases.getCase(link.caseId);
        } catch (error) {
          if (error instanceof NotFoundError) return;
          throw error;
        }
        const outcome = relatedCaseFinished(original, { actor: HELPDESK_ACTOR, now: deps.clock(), settings: deps.settings }, after);
        if (outcome) await deps.cases.saveCase(outcome, original.version);
      });
    }
  };
}
