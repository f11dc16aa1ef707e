import { setToDo as setToDoRule } from '../domain/assignment.ts';
import { routes } from '../routes.ts';
import { caseCommand } from './case-command.ts';

export const setToDo = caseCommand(routes.setToDo, (c, ctx) => setToDoRule(c, ctx));
