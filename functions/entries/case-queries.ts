import { listAgents } from '../agents/list-agents.ts';
import { createAttachmentUpload } from '../cases/create-attachment-upload.ts';
import { findCases } from '../cases/find-cases.ts';
import { getAttachmentLink } from '../cases/get-attachment-link.ts';
import { getCase } from '../cases/get-case.ts';
import { getMailHtml } from '../cases/get-mail-html.ts';
import { getReplyDraft } from '../cases/get-reply-draft.ts';
import { listTimeline } from '../cases/list-timeline.ts';
import { listQueue } from '../queues/list-queue.ts';
import { agentDeps } from '../shared/agent-deps.ts';
import { groupHandler } from '../shared/http-handler.ts';

export const routeHandlers = [findCases, getCase, listTimeline, getReplyDraft, getAttachmentLink, getMailHtml, createAttachmentUpload, listQueue, listAgents];
export const handler = groupHandler(routeHandlers, agentDeps);
