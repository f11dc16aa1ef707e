import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { SQSEvent } from 'aws-lambda';
import { ingestQueuedMail } from '../mail/ingest-queue.ts';
import { mailDeps } from '../mail/mail-deps.ts';
import { logger } from '../shared/logger.ts';

export const handler = middy(async (event: SQSEvent) => ingestQueuedMail(event, mailDeps())).use(injectLambdaContext(logger));
