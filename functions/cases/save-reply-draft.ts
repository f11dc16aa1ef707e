import { startReply } from '../domain/conversation.ts';
import type { ReplyDraft } from '../domain/responses.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { retryOnConflict } from '../shared/retry-on-conflict.ts';

/**
 * Saves the caller's unsent reply. Most saves write the draft item alone (one PutItem), which no
 * case writer conflicts with; one that finds its draft sent or discarded meanwhile is a 409
 * (`reply_draft_gone`) rather than a draft of a reply already sent. The first save (no draft of
 * this agent yet) may start work on the case (`startReply`): that change is a case command like
 * any other, saved conditional on the version read, together with the draft's Put, and re-applied
 * to the newer case when it loses a race.
 */
export const saveReplyDraft = defineHandler(routes.saveReplyDraft, async ({ params, body, actor }, deps) => {
  const draft: ReplyDraft = { text: body.text, includeHistory: body.includeHistory, updatedAt: deps.clock() };
  await retryOnConflict(async () => {
    const loaded = await deps.cases.loadWithReplyDraft(params.caseId, actor.id);
    const started = loaded.draft ? null : startReply(loaded.case, { actor, now: draft.updatedAt, settings: deps.settings });
    if (!started) return deps.cases.putReplyDraft(params.caseId, actor.id, draft, loaded.draft !== null);
    return deps.cases.saveCase(started, loaded.case.version, { alongside: [deps.cases.replyDraftPut(params.caseId, actor.id, draft)] });
  });
  return { status: 200, body: { draft } };
});
