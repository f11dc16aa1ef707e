import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import * as z from 'zod';

/**
 * What every function of the stack loads before any of its own code: the DynamoDB document client,
 * the Powertools logger and zod, each set up once as the functions do. The cold-import section reports it next to
 * the empty handler, to show how much of each function's import is this floor.
 */
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const logger = new Logger({ serviceName: 'bench' });
const Event = z.object({ id: z.string() });

export const handler = async (event: unknown) => {
  logger.debug('event', { client: Boolean(client) });
  return { statusCode: 200, body: Event.parse(event).id };
};
