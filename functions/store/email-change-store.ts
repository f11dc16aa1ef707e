import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors.ts';
import type { EmailChange } from '../domain/email-change.ts';
import { stripKeys } from './items.ts';
import { keys } from './keys.ts';

/** A change as stored: with the hash of its link's token, which is also its key. */
export type StoredEmailChange = EmailChange & { tokenHash: string };

/** Days a confirmed or expired change stays readable (to tell "used" from "no such link") before TTL removes it. */
const KEPT_DAYS = 7;

/** Requests to change a customer's e-mail address, one item per confirmation link. */
export class EmailChangeStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(change: EmailChange, tokenHash: string): Promise<void> {
    const expiresAt = Math.floor(Date.parse(change.linkExpiresAt) / 1000) + KEPT_DAYS * 86_400;
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.emailChange(tokenHash), kind: 'email-change', ...change, tokenHash, expiresAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(tokenHash: string): Promise<StoredEmailChange | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.emailChange(tokenHash), ConsistentRead: true }));
    return Item ? stripKeys<StoredEmailChange>(Item) : null;
  }

  /** @throws ConflictError `email_change_used` when the link was confirmed meanwhile */
  async markConfirmed(tokenHash: string, now: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.emailChange(tokenHash),
          UpdateExpression: 'SET confirmedAt = :now',
          ConditionExpression: 'attribute_exists(pk) AND confirmedAt = :none',
          ExpressionAttributeValues: { ':now': now, ':none': null },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new ConflictError('this link was used already', 'email_change_used');
      throw error;
    }
  }
}
