import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import type { TemplateDeps } from './template-deps.ts';

export const listTemplates = (deps: () => TemplateDeps) =>
  defineHandler(routes.listTemplates, async ({ query }) => ({
    status: 200,
    body: await deps().templates.list({ limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) }),
  }));
