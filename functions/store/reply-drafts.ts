import type { ReplyDraft } from '../domain/responses.ts';
import { keys } from './keys.ts';
import type { GuardedWrite } from './transaction.ts';

/** A draft nobody saved for this long is abandoned: TTL deletes it. */
const REPLY_DRAFT_TTL_SECONDS = 30 * 24 * 60 * 60;

type Item = Record<string, unknown>;

/** The draft item: no index keys, so no queue, listing or customer's cases ever shows it. */
export function replyDraftToItem(caseId: string, agentId: string, draft: ReplyDraft): Item {
  return {
    ...keys.replyDraft(caseId, agentId),
    kind: 'reply-draft',
    agentId,
    ...draft,
    expiresAt: Math.floor(Date.parse(draft.updatedAt) / 1000) + REPLY_DRAFT_TTL_SECONDS,
  };
}

/** The draft in an item; TTL deletes lazily, so an expired one counts as gone. */
export function itemToReplyDraft(item: Item | undefined, nowSeconds: number): ReplyDraft | null {
  if (!item || Number(item.expiresAt) <= nowSeconds) return null;
  return { text: String(item.text), includeHistory: item.includeHistory === true, updatedAt: String(item.updatedAt) };
}

/** Saves the draft in the transaction of a case change (the save that starts the reply). */
export function replyDraftPut(tableName: string, caseId: string, agentId: string, draft: ReplyDraft): GuardedWrite {
  return {
    item: { Put: { TableName: tableName, Item: replyDraftToItem(caseId, agentId, draft) } },
    onConditionFailed: () => new Error('an unconditional draft Put cannot fail a condition'),
  };
}

/** Drops the draft in the transaction of the reply that sends it; without a draft it deletes nothing and fails nothing. */
export function replyDraftDelete(tableName: string, caseId: string, agentId: string): GuardedWrite {
  return {
    item: { Delete: { TableName: tableName, Key: keys.replyDraft(caseId, agentId) } },
    onConditionFailed: () => new Error('an unconditional draft Delete cannot fail a condition'),
  };
}
