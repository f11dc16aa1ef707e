import { cancelWait as cancelWaitRule } from '../domain/waits.ts';
import { routes } from '../routes.ts';
import { caseCommand } from './case-command.ts';

export const cancelWait = caseCommand(routes.cancelWait, (c, ctx) => cancelWaitRule(c, ctx));
