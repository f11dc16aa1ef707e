import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import type { TemplateDeps } from './template-deps.ts';
import { templateResponse } from './template-response.ts';

export const getTemplate = (deps: () => TemplateDeps) =>
  defineHandler(routes.getTemplate, async ({ params }) => templateResponse(await deps().templates.get(params.templateId)));
