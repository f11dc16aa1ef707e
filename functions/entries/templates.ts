import { groupHandler, noDeps } from '../shared/http-handler.ts';
import { deleteTemplate } from '../templates/delete-template.ts';
import { getTemplate } from '../templates/get-template.ts';
import { listTemplates } from '../templates/list-templates.ts';
import { putTemplate } from '../templates/put-template.ts';
import { templateDeps } from '../templates/template-deps.ts';

// The handlers get their store from templateDeps, so the shared Deps (case and customer stores,
// the mail bucket) are never built here.
export const routeHandlers = [listTemplates, getTemplate, putTemplate, deleteTemplate].map((handler) => handler(templateDeps));
export const handler = groupHandler(routeHandlers, noDeps);
