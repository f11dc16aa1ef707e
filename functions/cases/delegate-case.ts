import { delegate } from '../domain/assignment.ts';
import { routes } from '../routes.ts';
import { caseCommand } from './case-command.ts';

export const delegateCase = caseCommand(routes.delegateCase, (c, ctx, { body }) => delegate(c, ctx, body.agentId));
