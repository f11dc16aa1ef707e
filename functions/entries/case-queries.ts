import { getPreferences } from '../agents/get-preferences.ts';
import { listAgents } from '../agents/list-agents.ts';
import { putPreferences } from '../agents/put-preferences.ts';
import { createAttachmentUpload } from '../cases/create-attachment-upload.ts';
import { findCases } from '../cases/find-cases.ts';
import { getAttachmentLink } from '../cases/get-attachment-link.ts';
import { getCase } from '../cases/get-case.ts';
import { getMailHtml } from '../cases/get-mail-html.ts';
import { getPublicLink } from '../cases/get-public-link.ts';
import { getReplyDraft } from '../cases/get-reply-draft.ts';
import { listTimeline } from '../cases/list-timeline.ts';
import { countQueues } from '../queues/count-queues.ts';
import { listQueue } from '../queues/list-queue.ts';
import { getSettings } from '../settings/get-settings.ts';
import { agentDeps } from '../shared/agent-deps.ts';
import { withCaseLinks } from '../shared/case-link-deps.ts';
import { groupHandler } from '../shared/http-handler.ts';
import { renderTemplate } from '../templates/render-template.ts';

export const routeHandlers = [
  findCases, getCase, listTimeline, getReplyDraft, getAttachmentLink, getMailHtml, createAttachmentUpload, renderTemplate, getPublicLink,
  listQueue, countQueues, getSettings, listAgents, getPreferences, putPreferences,
];
export const handler = groupHandler(routeHandlers, withCaseLinks(agentDeps));
