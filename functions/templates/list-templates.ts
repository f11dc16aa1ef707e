import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';

export const listTemplates = defineHandler(routes.listTemplates, async ({ query }, deps) => ({
    status: 200,
    body: await deps.templates.list({ limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) }),
  }));
