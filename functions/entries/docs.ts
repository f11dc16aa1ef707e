import { openApi } from '../docs/open-api.ts';
import { groupHandler, noDeps } from '../shared/http-handler.ts';

export const routeHandlers = [openApi];
export const handler = groupHandler(routeHandlers, noDeps);
