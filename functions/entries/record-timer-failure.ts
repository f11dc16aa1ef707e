import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '../shared/logger.ts';
import { recordTimerFailure } from '../timers/record-timer-failure.ts';
import { timerDeps } from '../timers/timer-deps.ts';

export const handler = middy(async (event: unknown) => recordTimerFailure(event, timerDeps())).use(injectLambdaContext(logger));
