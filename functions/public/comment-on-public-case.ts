import type { Actor } from '../domain/actor.ts';
import type { Case } from '../domain/case.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { recordCustomerComment } from './customer-comment.ts';
import { linkedCase, publicView } from './linked-case.ts';

/** Whoever holds the link writes as the case's customer: the link is their credential. */
const customerOf = (c: Case): Actor => ({
  kind: 'customer',
  id: c.customerId ?? 'public-link',
  ...(c.contacts.primaryContact?.name ? { name: c.contacts.primaryContact.name } : {}),
});

/**
 * A comment through the public link is a customer message like a mail (see recordCustomerComment);
 * when it started a new case, the answer carries the new case's token.
 */
export const commentOnPublicCase = defineHandler(routes.commentOnPublicCase, async ({ headers, body }, deps) => {
  const token = headers['x-case-link'];
  const recorded = await recordCustomerComment(() => linkedCase(token, deps), customerOf, body.text, deps);
  const links = await deps.links();
  return {
    status: recorded.created ? 201 : 200,
    body: { case: await publicView(recorded.case, deps), token: recorded.created ? links.token(recorded.case) : token },
  };
});
