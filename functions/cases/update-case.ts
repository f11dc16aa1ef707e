import { updateFields } from '../domain/fields.ts';
import { routes } from '../routes.ts';
import { caseCommand } from './case-command.ts';

export const updateCase = caseCommand(routes.updateCase, (c, ctx, { body }) => updateFields(c, ctx, body));
