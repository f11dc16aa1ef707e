import { claim } from '../domain/assignment.ts';
import { routes } from '../routes.ts';
import { caseCommand } from './case-command.ts';

export const claimCase = caseCommand(routes.claimCase, (c, ctx) => claim(c, ctx));
