import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { templateResponse } from './template-response.ts';

export const getTemplate = defineHandler(routes.getTemplate, async ({ params }, deps) => templateResponse(await deps.templates.get(params.templateId)));
