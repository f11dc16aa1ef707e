import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { linkedCase } from './linked-case.ts';
import { publicFileLink } from './public-file-link.ts';

export const getPublicFile = defineHandler(routes.getPublicFile, async ({ headers, params }, deps) => {
  const c = await linkedCase(headers['x-case-link'], deps);
  return { status: 200, body: await publicFileLink(c, params.seq, params.index, deps) };
});
