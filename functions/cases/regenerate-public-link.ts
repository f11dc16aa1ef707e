import { regeneratePublicLink as regenerate } from '../domain/public-link.ts';
import { routes } from '../routes.ts';
import { caseCommand } from './case-command.ts';

export const regeneratePublicLink = caseCommand(routes.regeneratePublicLink, (c, ctx) => regenerate(c, ctx));
