import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { sendDeps } from '../mail/outbound/send-deps.ts';
import { sendQueuedReplies } from '../mail/outbound/send-queued-replies.ts';
import { logger } from '../shared/logger.ts';

export const handler = middy(async (event: DynamoDBStreamEvent) => sendQueuedReplies(event, sendDeps())).use(injectLambdaContext(logger));
