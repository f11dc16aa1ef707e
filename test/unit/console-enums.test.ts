import { describe, expect, it } from 'vitest';
import { CaseStatusSchema, PrioritySchema } from '../../functions/domain/case.ts';
import { QueueNameSchema } from '../../functions/domain/queues.ts';
import { ResolveInputSchema } from '../../functions/domain/requests.ts';
import { FILTER_STATUSES, PRIORITIES, QUEUES, RESOLUTION_METHODS } from '../../web/console/choices.ts';

describe("the console's choices are the API's", () => {
  it('offers every resolution method an agent may choose', () => {
    expect([...RESOLUTION_METHODS]).toEqual(ResolveInputSchema.shape.method.unwrap().options);
  });

  it('offers every priority, queue, and status but draft', () => {
    expect([...PRIORITIES]).toEqual(PrioritySchema.options);
    expect([...QUEUES]).toEqual(QueueNameSchema.options);
    expect([...FILTER_STATUSES]).toEqual(CaseStatusSchema.options.filter((status) => status !== 'draft'));
  });
});
