import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { templateResponse } from './template-response.ts';

/** Answers 200 with the deleted template: the route table has no 204. */
export const deleteTemplate = defineHandler(routes.deleteTemplate, async ({ params, ifMatch }, deps) =>
  templateResponse(await deps.templates.delete(params.templateId, ifMatch ?? null)),
);
