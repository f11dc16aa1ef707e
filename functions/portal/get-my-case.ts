import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { myCase, myCustomerId, portalView } from './my-case.ts';

export const getMyCase = defineHandler(routes.getMyCase, async ({ actor, params }, deps) => {
  const c = await myCase(params.caseId, await myCustomerId(actor, deps), deps);
  return { status: 200, body: await portalView(c, deps, params.caseId) };
});
