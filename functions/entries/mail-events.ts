import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import type { SesEvent } from '../mail/delivery-report.ts';
import { recordDelivery } from '../mail/record-delivery.ts';
import { loadConfig } from '../shared/config.ts';
import { defaultDeps } from '../shared/deps.ts';
import { logger } from '../shared/logger.ts';

const mailDomain = () => {
  const { mail } = loadConfig();
  if (!mail) throw new Error('invalid function environment: MAIL_CONFIG is required');
  return mail.domain;
};

export const handler = middy(async (event: EventBridgeEvent<string, SesEvent>) =>
  recordDelivery(event, { cases: defaultDeps().cases, mailDomain: mailDomain() }),
).use(injectLambdaContext(logger));
