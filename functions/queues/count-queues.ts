import { COUNTED_QUEUES, QUEUE_COUNT_CAP } from '../domain/queues.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';

/** One capped COUNT Query per queue, in parallel; polled by the console for the numbers beside its queues. */
export const countQueues = defineHandler(routes.countQueues, async ({ actor }, deps) => {
  const counts = await Promise.all(
    COUNTED_QUEUES.map(async (queue) => ({ queue, ...(await deps.cases.countQueue(queue, actor.id, QUEUE_COUNT_CAP)) })),
  );
  return { status: 200, body: { counts } };
});
