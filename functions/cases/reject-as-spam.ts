import { rejectAsSpam as rejectAsSpamRule } from '../domain/resolution.ts';
import { routes } from '../routes.ts';
import { caseCommand } from './case-command.ts';

export const rejectAsSpam = caseCommand(routes.rejectAsSpam, (c, ctx) => rejectAsSpamRule(c, ctx));
