import { addReply as addReplyRule } from '../domain/conversation.ts';
import { routes } from '../routes.ts';
import { caseCommand } from './case-command.ts';

/** The reply is stored with delivery "queued"; the mail channel delivers it from the timeline. */
export const addReply = caseCommand(routes.addReply, (c, ctx, { body }) => addReplyRule(c, ctx, body));
