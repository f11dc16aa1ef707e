import { rejectCase } from '../robots/reject-case.ts';
import { takeNextCase } from '../robots/take-next-case.ts';
import { defaultDeps } from '../shared/deps.ts';
import { groupHandler } from '../shared/http-handler.ts';

export const routeHandlers = [takeNextCase, rejectCase];
export const handler = groupHandler(routeHandlers, defaultDeps);
