import { robotReject } from '../domain/assignment.ts';
import { routes } from '../routes.ts';
import { caseCommand } from '../cases/case-command.ts';

export const rejectCase = caseCommand(routes.rejectCase, (c, ctx, { body }) => robotReject(c, ctx, body.reason));
