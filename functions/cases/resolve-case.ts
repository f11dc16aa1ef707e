import { resolve } from '../domain/resolution.ts';
import { routes } from '../routes.ts';
import { caseCommand } from './case-command.ts';

/** "Send and resolve" sends the resolver's draft reply: it goes in the same transaction. */
export const resolveCase = caseCommand(routes.resolveCase, (c, ctx, { body }) => resolve(c, ctx, body), {
  alongside: ({ params, actor, body }, deps) => (body.reply ? [deps.cases.replyDraftDelete(params.caseId, actor.id)] : []),
});
