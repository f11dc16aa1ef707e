import { addNote } from '../cases/add-note.ts';
import { addReply } from '../cases/add-reply.ts';
import { cancelWait } from '../cases/cancel-wait.ts';
import { claimCase } from '../cases/claim-case.ts';
import { closeCase } from '../cases/close-case.ts';
import { createCase } from '../cases/create-case.ts';
import { delegateCase } from '../cases/delegate-case.ts';
import { deleteReplyDraft } from '../cases/delete-reply-draft.ts';
import { linkCustomer } from '../cases/link-customer.ts';
import { mergeCase } from '../cases/merge-case.ts';
import { recordCustomerMessage } from '../cases/record-customer-message.ts';
import { rejectAsSpam } from '../cases/reject-as-spam.ts';
import { regeneratePublicLink } from '../cases/regenerate-public-link.ts';
import { reopenCase } from '../cases/reopen-case.ts';
import { resolveCase } from '../cases/resolve-case.ts';
import { saveReplyDraft } from '../cases/save-reply-draft.ts';
import { setToDo } from '../cases/set-to-do.ts';
import { spawnCase } from '../cases/spawn-case.ts';
import { splitCase } from '../cases/split-case.ts';
import { setWait } from '../cases/set-wait.ts';
import { submitDraft } from '../cases/submit-draft.ts';
import { unassignCase } from '../cases/unassign-case.ts';
import { unmergeCase } from '../cases/unmerge-case.ts';
import { updateCase } from '../cases/update-case.ts';
import { agentDeps } from '../shared/agent-deps.ts';
import { groupHandler } from '../shared/http-handler.ts';

export const routeHandlers = [
  createCase, updateCase, submitDraft, claimCase, delegateCase, unassignCase, setToDo, addNote, saveReplyDraft, deleteReplyDraft,
  addReply, setWait, cancelWait, resolveCase, reopenCase, closeCase, rejectAsSpam, linkCustomer, recordCustomerMessage,
  regeneratePublicLink, splitCase, spawnCase, mergeCase, unmergeCase,
];
export const handler = groupHandler(routeHandlers, agentDeps);
