import { unassign } from '../domain/assignment.ts';
import { routes } from '../routes.ts';
import { caseCommand } from './case-command.ts';

export const unassignCase = caseCommand(routes.unassignCase, (c, ctx) => unassign(c, ctx));
