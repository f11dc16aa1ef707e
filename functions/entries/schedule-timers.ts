import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { finishRelatedCases } from '../relations/finish-related-cases.ts';
import { logger } from '../shared/logger.ts';
import { scheduleTimers } from '../timers/schedule-timers.ts';
import { timerScheduler } from '../timers/scheduler-deps.ts';
import { timerDeps } from '../timers/timer-deps.ts';

export const handler = middy(async (event: DynamoDBStreamEvent) =>
  scheduleTimers(event, timerScheduler(), undefined, [finishRelatedCases(timerDeps())]),
).use(injectLambdaContext(logger));
