import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '../shared/logger.ts';
import { fireDueTimer } from '../timers/fire-timer.ts';
import { timerDeps } from '../timers/timer-deps.ts';

export const handler = middy(async (event: unknown) => fireDueTimer(event, timerDeps())).use(injectLambdaContext(logger));
