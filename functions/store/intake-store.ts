import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors.ts';
import { type Activation, spentSubmission, type Submission } from '../domain/intake.ts';
import { stripKeys } from './items.ts';
import { keys } from './keys.ts';
import { type GuardedWrite, transact } from './transaction.ts';

/** An activation as stored: with the hash of its token, which is also its key. */
export type StoredActivation = Activation & { tokenHash: string };

const epochSeconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/**
 * Form submissions waiting for activation, one item per activation link. Each item expires with
 * its submission (TTL); since TTL deletes lazily, readers judge expiry by the dates in the item.
 */
export class IntakeStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(activation: Activation, tokenHash: string): Promise<void> {
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: this.item(activation, tokenHash), ConditionExpression: 'attribute_not_exists(pk)' }),
    );
  }

  async get(tokenHash: string): Promise<StoredActivation | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.activation(tokenHash), ConsistentRead: true }));
    return Item ? stripKeys<StoredActivation>(Item) : null;
  }

  /**
   * A new link for the same submission: the old one stops working in the same transaction, so a
   * submission never has two live links.
   * @throws ConflictError `activation_changed` when the old link was used or replaced meanwhile
   */
  async replace(oldHash: string, next: Activation, nextHash: string): Promise<void> {
    await transact(this.client, [
      {
        item: {
          Update: {
            TableName: this.tableName,
            Key: keys.activation(oldHash),
            UpdateExpression: 'SET superseded = :true',
            ConditionExpression: 'attribute_exists(pk) AND caseNumber = :none AND superseded = :false',
            ExpressionAttributeValues: { ':true': true, ':false': false, ':none': null },
          },
        },
        onConditionFailed: () => new ConflictError('this activation link was used or replaced meanwhile', 'activation_changed'),
      },
      {
        item: { Put: { TableName: this.tableName, Item: this.item(next, nextHash), ConditionExpression: 'attribute_not_exists(pk)' } },
        onConditionFailed: () => new ConflictError('activation token collision', 'activation_changed'),
      },
    ]);
  }

  /**
   * Marks the link used by the case made from it, as part of the transaction that stores the case:
   * two clicks at once make one case. The submission's personal data goes from the item in the same write.
   */
  usedWrite(tokenHash: string, caseNumber: number, submission: Submission): GuardedWrite {
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: keys.activation(tokenHash),
          UpdateExpression: 'SET caseNumber = :number, submission = :spent',
          ConditionExpression: 'attribute_exists(pk) AND caseNumber = :none AND superseded = :false',
          ExpressionAttributeValues: { ':number': caseNumber, ':spent': spentSubmission(submission), ':none': null, ':false': false },
        },
      },
      onConditionFailed: () => new ConflictError('this activation link was used or replaced meanwhile', 'activation_changed'),
      priority: true,
    };
  }

  /**
   * Counts one submission from `email` in the hour `now` falls in; false once the address had
   * `limit` this hour. One conditional write, so concurrent submissions cannot pass the limit together.
   */
  async reserveSubmission(email: string, now: string, limit: number): Promise<boolean> {
    const hour = now.slice(0, 13);
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.intakeRate(email, hour),
          UpdateExpression: 'ADD #count :one SET kind = :kind, expiresAt = :expires',
          ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':kind': 'intake-rate', ':expires': epochSeconds(now) + 2 * 3600 },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  private item(activation: Activation, tokenHash: string): Record<string, unknown> {
    return { ...keys.activation(tokenHash), kind: 'activation', ...activation, tokenHash, expiresAt: epochSeconds(activation.submission.expiresAt) };
  }
}
