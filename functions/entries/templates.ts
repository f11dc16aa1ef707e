import { defaultDeps } from '../shared/deps.ts';
import { groupHandler } from '../shared/http-handler.ts';
import { deleteTemplate } from '../templates/delete-template.ts';
import { getTemplate } from '../templates/get-template.ts';
import { listTemplates } from '../templates/list-templates.ts';
import { putTemplate } from '../templates/put-template.ts';

export const routeHandlers = [listTemplates, getTemplate, putTemplate, deleteTemplate];
export const handler = groupHandler(routeHandlers, defaultDeps);
