import { resolve } from '../domain/resolution.ts';
import { routes } from '../routes.ts';
import { caseCommand } from './case-command.ts';

export const resolveCase = caseCommand(routes.resolveCase, (c, ctx, { body }) => resolve(c, ctx, body));
