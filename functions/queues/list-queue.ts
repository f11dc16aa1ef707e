import { ForbiddenError, ValidationError } from '../domain/errors.ts';
import { PERSONAL_QUEUES } from '../domain/queues.ts';
import { toCaseSummary } from '../domain/views.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';

/** Any queue is one Query; personal queues are the caller's unless an admin names another agent. */
export const listQueue = defineHandler(routes.listQueue, async ({ params, query, actor }, deps) => {
  const { agentId, limit, cursor, ...filters } = query;
  const personal = PERSONAL_QUEUES.includes(params.queue);
  if (agentId !== undefined && !personal) {
    throw new ValidationError([{ path: 'query.agentId', message: `'${params.queue}' is a team queue; agentId applies to ${PERSONAL_QUEUES.join(', ')}` }]);
  }
  if (agentId !== undefined && agentId !== actor!.id && actor!.kind !== 'admin') {
    throw new ForbiddenError("only an admin may look at another agent's queue");
  }
  const owner = agentId ?? actor!.id;
  const page = { limit, ...(cursor ? { cursor } : {}) };
  if (params.queue === 'recent') {
    if (Object.values(filters).some((value) => value !== undefined)) {
      throw new ValidationError([{ path: 'query', message: 'the recently accessed list takes no filters' }]);
    }
    return { status: 200, body: await deps.cases.listRecent(owner, page) };
  }
  const result = await deps.cases.listQueue(params.queue, owner, filters, page);
  return { status: 200, body: { items: result.items.map((c) => toCaseSummary(c, deps.settings)), nextCursor: result.nextCursor } };
});
