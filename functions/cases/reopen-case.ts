import { reopen } from '../domain/resolution.ts';
import { routes } from '../routes.ts';
import { caseCommand } from './case-command.ts';

export const reopenCase = caseCommand(routes.reopenCase, (c, ctx) => reopen(c, ctx));
