import { cancelMyCase } from '../portal/cancel-my-case.ts';
import { createMyCase } from '../portal/create-my-case.ts';
import { deleteMyAccount } from '../portal/delete-my-account.ts';
import { commentOnMyCase } from '../portal/comment-on-my-case.ts';
import { getMyCase } from '../portal/get-my-case.ts';
import { getMyFile } from '../portal/get-my-file.ts';
import { listMyCases } from '../portal/list-my-cases.ts';
import { listMyExperts } from '../portal/list-my-experts.ts';
import { getMyProfile, updateMyProfile } from '../portal/my-profile.ts';
import { agentDeps } from '../shared/agent-deps.ts';
import { withCustomerAccounts } from '../shared/customer-account-deps.ts';
import { groupHandler } from '../shared/http-handler.ts';

export const routeHandlers = [listMyCases, getMyCase, getMyFile, commentOnMyCase, cancelMyCase, listMyExperts, createMyCase, getMyProfile, updateMyProfile, deleteMyAccount];
export const handler = groupHandler(routeHandlers, withCustomerAccounts(agentDeps));
