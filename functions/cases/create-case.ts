import type { Case } from '../domain/case.ts';
import { createCase as createCaseRule } from '../domain/create.ts';
import { NotFoundError } from '../domain/errors.ts';
import { routes } from '../routes.ts';
import { caseResponse } from '../shared/case-response.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { idempotencyRecord, replayOf } from '../shared/idempotent.ts';
import { keys } from '../store/keys.ts';
import { requireKnownAssignee } from './known-assignee.ts';

/**
 * A retry with the same Idempotency-Key is answered before a case number is reserved; a new case
 * links itself to the customer its external ID or primary contact names (CRM), unless the caller
 * chose one. An assignee the caller names must be in the agent directory.
 */
export const createCase = defineHandler(routes.createCase, async (request, deps) => {
  const actor = request.actor!;
  if (request.idempotencyKey) {
    const replay = replayOf(request, await deps.cases.findReplay({ actorId: actor.id, key: request.idempotencyKey }));
    if (replay) return replay;
  }
  const { body: input } = request;
  await requireKnownAssignee(deps, actor, input.assigneeId, 'body.assigneeId');
  const customerId =
    input.customerId ?? (await deps.customers.match({ externalId: input.externalId, email: input.contacts.primaryContact?.email }));
  const body = customerId ? { ...input, customerId } : input;
  const context = { actor, now: deps.clock(), settings: deps.settings };
  const identity = { id: deps.newId() };
  const respond = (c: Case) => caseResponse(c, actor, deps.settings, c.updatedAt, 201);
  const created = await deps.cases.createCase((number) => createCaseRule(body, context, { ...identity, number }), {
    idempotency: (outcome) => idempotencyRecord(request, respond(outcome.case)),
    ...(body.customerId
      ? { requires: { key: keys.customer(body.customerId), missing: () => new NotFoundError(`customer ${body.customerId} not found`) } }
      : {}),
  });
  return respond(created.case);
});
