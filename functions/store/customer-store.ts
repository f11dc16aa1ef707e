import { BatchGetCommand, type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { type Customer, normaliseEmail } from '../domain/customer.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { idempotencyWrite, type IdempotencyRecord } from './idempotency.ts';
import { customerToItem, stripKeys } from './items.ts';
import { keys } from './keys.ts';
import { type GuardedWrite, transact } from './transaction.ts';

/**
 * Customer records. E-mail and external ID are unique per tenant: each has an alias item written
 * in the same transaction as the record, so two concurrent creates cannot both succeed.
 */
export class CustomerStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(customer: Customer, idempotency?: IdempotencyRecord): Promise<void> {
    const alias = (key: { pk: string; sk: string }, what: string): GuardedWrite => ({
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...key, kind: 'customer-alias', customerId: customer.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: (existing) =>
        new ConflictError(`a customer with this ${what} already exists: ${String(existing?.customerId)}`, 'customer_exists'),
    });
    const writes: GuardedWrite[] = [
      {
        item: { Put: { TableName: this.tableName, Item: customerToItem(customer), ConditionExpression: 'attribute_not_exists(pk)' } },
        onConditionFailed: () => new ConflictError(`customer ${customer.id} already exists`),
      },
    ];
    if (customer.email) writes.push(alias(keys.customerEmail(customer.email), 'e-mail'));
    if (customer.externalId) writes.push(alias(keys.customerExternalId(customer.externalId), 'external ID'));
    if (idempotency) writes.push(idempotencyWrite(this.tableName, idempotency, Math.floor(Date.parse(customer.createdAt) / 1000)));
    await transact(this.client, writes);
  }

  /** @throws NotFoundError */
  async get(customerId: string): Promise<Customer> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.customer(customerId) }));
    if (!Item) throw new NotFoundError(`customer ${customerId} not found`);
    return stripKeys<Customer>(Item);
  }

  /** @throws NotFoundError */
  async findBy(lookup: { email?: string; externalId?: string }): Promise<Customer> {
    const key = lookup.email !== undefined ? keys.customerEmail(normaliseEmail(lookup.email)) : keys.customerExternalId(lookup.externalId ?? '');
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key }));
    if (!Item) throw new NotFoundError('no customer with that ' + (lookup.email !== undefined ? 'e-mail' : 'external ID'));
    return this.get(String(Item.customerId));
  }

  /**
   * The customer a new case belongs to, from its external ID (the tenant's own identifier, so it
   * wins) or else its contact's e-mail; both aliases come from one BatchGetItem. Null when neither
   * matches a record.
   */
  async match(identity: { email?: string | undefined; externalId?: string | undefined }): Promise<string | null> {
    const byExternalId = identity.externalId ? keys.customerExternalId(identity.externalId) : undefined;
    const byEmail = identity.email ? keys.customerEmail(normaliseEmail(identity.email)) : undefined;
    const wanted = [byExternalId, byEmail].filter((key) => key !== undefined);
    if (wanted.length === 0) return null;
    const { Responses } = await this.client.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: wanted } } }));
    const found = Responses?.[this.tableName] ?? [];
    const aliasOf = (key: { pk: string } | undefined) => found.find((item) => key !== undefined && item.pk === key.pk);
    const alias = aliasOf(byExternalId) ?? aliasOf(byEmail);
    return alias ? String(alias.customerId) : null;
  }
}
