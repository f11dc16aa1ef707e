import { publicFileLink } from '../public/public-file-link.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { myCase, myCustomerId } from './my-case.ts';

export const getMyFile = defineHandler(routes.getMyFile, async ({ actor, params }, deps) => {
  const c = await myCase(params.caseId, await myCustomerId(actor, deps), deps);
  return { status: 200, body: await publicFileLink(c, params.seq, params.index, deps) };
});
