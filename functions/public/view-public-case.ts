import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { linkedCase, publicView } from './linked-case.ts';

export const viewPublicCase = defineHandler(routes.viewPublicCase, async ({ headers }, deps) => {
  const c = await linkedCase(headers['x-case-link'], deps);
  return { status: 200, body: { case: await publicView(c, deps), token: headers['x-case-link'] } };
});
