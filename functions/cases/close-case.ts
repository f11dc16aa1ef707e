import { close } from '../domain/resolution.ts';
import { routes } from '../routes.ts';
import { caseCommand } from './case-command.ts';

export const closeCase = caseCommand(routes.closeCase, (c, ctx, { body }) => close(c, ctx, body));
