import { addNote as addNoteRule } from '../domain/conversation.ts';
import { routes } from '../routes.ts';
import { caseCommand } from './case-command.ts';

export const addNote = caseCommand(routes.addNote, (c, ctx, { body }) => addNoteRule(c, ctx, body));
