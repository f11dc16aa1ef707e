import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { templateResponse } from './template-response.ts';

/** Without If-Match it only creates, so two admins cannot overwrite each other's work unseen. */
export const putTemplate = defineHandler(routes.putTemplate, async ({ params, body, ifMatch }, deps) => {
    const saved = await deps.templates.put({ ...body, id: params.templateId }, ifMatch ?? null);
    return templateResponse(saved, ifMatch === undefined ? 201 : 200);
  });
