import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys.ts';
import type { GuardedWrite } from './transaction.ts';

/** Where an inbound e-mail was recorded: the case and its timeline entry. */
export interface MailReceipt {
  mailbox: string;
  /** `id:<Message-ID>`, or `sha256:<hash of the raw bytes>` for a message without one. */
  messageKey: string;
  caseId: string;
  rawKey: string;
  receivedAt: string;
}

/** Thrown when another delivery of the same message was recorded first: the copy is done. */
export class MailAlreadyRecorded extends Error {
  constructor(readonly caseId: string) {
    super(`the message was already recorded on case ${caseId}`);
  }
}

/** The key an inbound message counts once by, in its mailbox. */
export const messageKeyOf = (message: { messageId: string | null; rawSha256: string }): string =>
  message.messageId ? `id:${message.messageId}` : `sha256:${message.rawSha256}`;

/**
 * The receipt goes into the transaction that records the message: SES and SQS deliver at least
 * once, and of two copies processed at the same moment only the first transaction commits. Kept
 * without expiry, since a copy may come back from a dead-letter queue days later, and its
 * Message-ID threads later mail that quotes it.
 */
export function mailReceiptWrite(tableName: string, receipt: MailReceipt): GuardedWrite {
  return {
    priority: true,
    item: {
      Put: {
        TableName: tableName,
        Item: { ...keys.mailReceipt(receipt.mailbox, receipt.messageKey), kind: 'mail-receipt', ...receipt },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    onConditionFailed: (existing) => new MailAlreadyRecorded(String(existing?.caseId)),
  };
}

export class MailReceiptStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async find(mailbox: string, messageKey: string): Promise<MailReceipt | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.mailReceipt(mailbox, messageKey) }));
    if (!Item) return null;
    const found = Item as MailReceipt;
    return { mailbox: found.mailbox, messageKey: found.messageKey, caseId: found.caseId, rawKey: found.rawKey, receivedAt: found.receivedAt };
  }
}
