import { setWait as setWaitRule } from '../domain/waits.ts';
import { routes } from '../routes.ts';
import { caseCommand } from './case-command.ts';

export const setWait = caseCommand(routes.setWait, (c, ctx, { body }) => setWaitRule(c, ctx, body));
