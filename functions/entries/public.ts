import { commentOnPublicCase } from '../public/comment-on-public-case.ts';
import { getPublicFile } from '../public/get-public-file.ts';
import { viewPublicCase } from '../public/view-public-case.ts';
import { withCaseLinks } from '../shared/case-link-deps.ts';
import { defaultDeps } from '../shared/deps.ts';
import { groupHandler } from '../shared/http-handler.ts';

export const routeHandlers = [viewPublicCase, getPublicFile, commentOnPublicCase];
export const handler = groupHandler(routeHandlers, withCaseLinks(defaultDeps));
