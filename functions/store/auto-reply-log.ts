import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { AUTO_REPLY_LIMIT, mayAutoReply } from '../domain/loop-safety.ts';
import { keys } from './keys.ts';

const ATTEMPTS = 5;

/**
 * When the helpdesk last mailed an address automatically. A slot is taken before the mail is
 * queued, conditional on the list read, so two messages from one sender at the same moment cannot
 * both pass the limit. A slot whose mail then fails to be queued stays taken: the limit errs on
 * the quiet side. The item expires a day after its last mail.
 */
export class AutoReplyLog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Takes a slot for one automatic mail to `email` at `now`; false when the sender had their share. */
  async reserve(email: string, now: string): Promise<boolean> {
    const key = keys.autoReplies(email.toLowerCase());
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
      const sent = (Item?.sentAt as string[] | undefined) ?? [];
      if (!mayAutoReply(sent, now)) return false;
      const windowStart = Date.parse(now) - AUTO_REPLY_LIMIT.perHours * 3_600_000;
      const kept = [...sent.filter((at) => Date.parse(at) > windowStart), now];
      try {
        await this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { ...key, kind: 'auto-replies', sentAt: kept, revision: Number(Item?.revision ?? 0) + 1, expiresAt: Math.floor(Date.parse(now) / 1000) + AUTO_REPLY_LIMIT.perHours * 3_600 },
            ConditionExpression: Item ? 'revision = :revision' : 'attribute_not_exists(pk)',
            ...(Item ? { ExpressionAttributeValues: { ':revision': Item.revision } } : {}),
          }),
        );
        return true;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
    // Still contended after a few tries: this sender is writing very fast, which is no time to add mail.
    return false;
  }
}
