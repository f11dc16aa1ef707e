import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
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
    const alias = (key: { pk: string; sk: string }, what: string) => this.aliasWrite(key, customer.id, what);
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

  /**
   * Saves an edited record over the version it was read at, moving its e-mail and external-ID aliases
   * in the same transaction: an address another customer has is refused, and the old one is freed.
   * @throws ConflictError `version_conflict` when the record changed since, `customer_exists` when an alias is taken
   */
  async update(before: Customer, after: Customer): Promise<void> {
    const stale = () => new ConflictError(`customer ${after.id} changed since version ${before.version}`);
    const writes: GuardedWrite[] = [
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: customerToItem(after),
            ConditionExpression: 'version = :read',
            ExpressionAttributeValues: { ':read': before.version },
          },
        },
        onConditionFailed: stale,
      },
    ];
    const move = (from: string | null, to: string | null, key: (value: string) => { pk: string; sk: string }, what: string) => {
      if (from === to) return;
      if (from !== null) {
        writes.push({
          item: {
            Delete: {
              TableName: this.tableName,
              Key: key(from),
              ConditionExpression: 'customerId = :id',
              ExpressionAttributeValues: { ':id': after.id },
            },
          },
          onConditionFailed: stale,
        });
      }
      if (to !== null) writes.push(this.aliasWrite(key(to), after.id, what));
    };
    move(before.email, after.email, keys.customerEmail, 'e-mail');
    move(before.externalId, after.externalId, keys.customerExternalId, 'external ID');
    await transact(this.client, writes);
  }

  private aliasWrite(key: { pk: string; sk: string }, customerId: string, what: string): GuardedWrite {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...key, kind: 'customer-alias', customerId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: (existing) =>
        new ConflictError(`a customer with this ${what} already exists: ${String(existing?.customerId)}`, 'customer_exists'),
    };
  }

  /**
   * Saves both records of a merge over the versions they were read at, and points the source's
   * e-mail and external-ID aliases at the target in the same transaction: from then on mail and new
   * cases from either address reach the target.
   * @throws ConflictError `version_conflict` when either record (or an alias) changed since
   */
  async merge(before: { source: Customer; target: Customer }, after: { source: Customer; target: Customer }): Promise<void> {
    const stale = () => new ConflictError(`customer ${before.source.id} or ${before.target.id} changed meanwhile`);
    const put = (customer: Customer, version: number): GuardedWrite => ({
      item: {
        Put: { TableName: this.tableName, Item: customerToItem(customer), ConditionExpression: 'version = :read', ExpressionAttributeValues: { ':read': version } },
      },
      onConditionFailed: stale,
    });
    const repoint = (key: { pk: string; sk: string }): GuardedWrite => ({
      item: {
        Update: {
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET customerId = :target',
          ConditionExpression: 'customerId IN (:source, :target)',
          ExpressionAttributeValues: { ':source': before.source.id, ':target': before.target.id },
        },
      },
      onConditionFailed: stale,
    });
    const writes = [put(after.source, before.source.version), put(after.target, before.target.version)];
    if (before.source.email) writes.push(repoint(keys.customerEmail(before.source.email)));
    if (before.source.externalId) writes.push(repoint(keys.customerExternalId(before.source.externalId)));
    await transact(this.client, writes);
  }

  /**
   * Deletes the short-lived items keyed by an address, for an erased customer: the form's hourly
   * counters (each lives under 3 hours, so this hour's and the two before) and the auto-reply log.
   * Deleting an item that is not there is no error.
   */
  async forgetAddress(email: string, now: string): Promise<void> {
    const address = normaliseEmail(email);
    const hours = [0, 1, 2].map((back) => new Date(Date.parse(now) - back * 3_600_000).toISOString().slice(0, 13));
    const doomed = [...hours.map((hour) => keys.intakeRate(address, hour)), keys.autoReplies(address)];
    let requests = doomed.map((Key) => ({ DeleteRequest: { Key } }));
    while (requests.length > 0) {
      const answer = await this.client.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
      requests = (answer.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
      // Left unprocessed only under throttling: give the table a moment.
      if (requests.length > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** @throws NotFoundError */
  async get(customerId: string): Promise<Customer> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.customer(customerId) }));
    if (!Item) throw new NotFoundError(`customer ${customerId} not found`);
    const stored = stripKeys<Customer>(Item);
    // Records written before merging, accounts and invoice data existed have none of these fields.
    return { ...stored, mergedInto: stored.mergedInto ?? null, account: stored.account ?? null, invoice: stored.invoice ?? null };
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
