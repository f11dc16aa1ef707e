import { submit } from '../domain/create.ts';
import { routes } from '../routes.ts';
import { caseCommand } from './case-command.ts';

export const submitDraft = caseCommand(routes.submitDraft, (c, ctx) => submit(c, ctx));
