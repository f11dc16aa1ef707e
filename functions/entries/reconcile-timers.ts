import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { loadConfig } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';
import { reconcileTimers } from '../timers/reconcile-timers.ts';
import { timerDeps } from '../timers/timer-deps.ts';

export const handler = middy(async () => reconcileTimers(timerDeps(), loadConfig().timerReconcileMarginMs)).use(injectLambdaContext(logger));
