import { addReply as addReplyRule } from '../domain/conversation.ts';
import { routes } from '../routes.ts';
import { caseCommand } from './case-command.ts';

/**
 * The reply is stored with delivery "queued"; the mail channel delivers it from the timeline. The
 * sender's draft of it goes in the same transaction, so a sent reply never comes back as a draft.
 */
export const addReply = caseCommand(routes.addReply, (c, ctx, { body }) => addReplyRule(c, ctx, body), {
  alongside: ({ params, actor }, deps) => [deps.cases.replyDraftDelete(params.caseId, actor.id)],
});
