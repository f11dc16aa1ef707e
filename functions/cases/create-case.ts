import type { Case } from '../domain/case.ts';
import { createCase as createCaseRule } from '../domain/create.ts';
import { NotFoundError } from '../domain/errors.ts';
import { routes } from '../routes.ts';
import { caseResponse } from '../shared/case-response.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { idempotencyRecord } from '../shared/idempotent.ts';
import { keys } from '../store/keys.ts';

export const createCase = defineHandler(routes.createCase, async (request, deps) => {
  const { body } = request;
  const context = { actor: request.actor!, now: deps.clock(), settings: deps.settings };
  const identity = { id: deps.newId() };
  const respond = (c: Case) => caseResponse(c, deps.settings, 201);
  const created = await deps.cases.createCase((number) => createCaseRule(body, context, { ...identity, number }), {
    idempotency: (outcome) => idempotencyRecord(request, respond(outcome.case)),
    ...(body.customerId
      ? { requires: { key: keys.customer(body.customerId), missing: () => new NotFoundError(`customer ${body.customerId} not found`) } }
      : {}),
  });
  return respond(created.case);
});
