import { cancelMyCase } from '../portal/cancel-my-case.ts';
import { commentOnMyCase } from '../portal/comment-on-my-case.ts';
import { getMyCase } from '../portal/get-my-case.ts';
import { getMyFile } from '../portal/get-my-file.ts';
import { listMyCases } from '../portal/list-my-cases.ts';
import { defaultDeps } from '../shared/deps.ts';
import { groupHandler } from '../shared/http-handler.ts';

export const routeHandlers = [listMyCases, getMyCase, getMyFile, commentOnMyCase, cancelMyCase];
export const handler = groupHandler(routeHandlers, defaultDeps);
