import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../domain/case.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { Append, Outcome } from '../domain/mutation.ts';
import { type CountedQueue, QUEUE_ORDER, type QueueFilters, type QueueName } from '../domain/queues.ts';
import type { CaseSummary, ReplyDraft } from '../domain/responses.ts';
import { deliveryMayComeFrom } from '../domain/delivery.ts';
import type { Delivery, TimelineEntry } from '../domain/timeline.ts';
import { appendUpdate, renumbered } from './append-write.ts';
import { decodeCursor, encodeCursor, indexListing, timelineListing } from './cursor.ts';
import { idempotencyWrite, type IdempotencyRecord, type StoredResponse } from './idempotency.ts';
import { caseNumberItem, caseToItem, entryToItem, itemToCase, stripKeys } from './items.ts';
import { keys, queuePartition, sortValue } from './keys.ts';
import { itemToReplyDraft, replyDraftDelete, replyDraftPut, replyDraftToItem } from './reply-drafts.ts';
import { type GuardedWrite, transact } from './transaction.ts';

export interface SaveOptions {
  idempotency?: IdempotencyRecord;
  /** Another item that must exist for the change to be valid (e.g. the customer being linked). */
  requires?: { key: { pk: string; sk: string }; missing: () => Error };
  /** Other items written in the same transaction, such as the receipt that makes an e-mail count once. */
  alongside?: GuardedWrite[];
}

export interface IdempotencyHit {
  fingerprint: string;
  response: StoredResponse;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface ListRequest {
  index: 'gsi1' | 'gsi2' | 'gsi3';
  partition: string;
  order: 'oldest_first' | 'newest_first';
  filters?: QueueFilters;
  limit: number;
  cursor?: string;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
}

/** A customer with more than 1,000 cases has a number found by other means (Message-ID, reply address). */
const MAX_NUMBER_SEARCH_PAGES = 10;

const RECENT_ACCESS_TTL_SECONDS = 30 * 24 * 60 * 60;

/**
 * JSON bytes of timeline entries one page may hold beyond its first entry. An entry's text is at
 * most 100,000 characters, which JSON escaping can grow sixfold; one entry always fits Lambda's
 * 6 MB response, and a page of them stays near 1 MB.
 */
export const MAX_TIMELINE_PAGE_BYTES = 1_000_000;

/**
 * Cases and their timelines in the one table. Every change is a single TransactWriteItems
 * request: the case item, conditional on the version it was read at, plus its new timeline
 * entries (and idempotency record); an append is an UpdateItem of the case and a PutItem of its
 * entry (`appendToCase`). Request paths use GetItem and Query only.
 */
export class CaseStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** @throws NotFoundError */
  async getCase(caseId: string): Promise<Case> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.case(caseId), ConsistentRead: true }),
    );
    if (!Item) throw new NotFoundError(`case ${caseId} not found`);
    return itemToCase(Item);
  }

  /**
   * The case a command will change, and the stored answer if this request was already done.
   * Both come from one strongly consistent BatchGetItem: one read request either way.
   * @throws NotFoundError
   */
  async loadForCommand(caseId: string, idempotency?: { actorId: string; key: string }): Promise<{ case: Case; replay?: IdempotencyHit }> {
    if (!idempotency) return { case: await this.getCase(caseId) };
    const caseKey = keys.case(caseId);
    const idempotencyKey = keys.idempotency(idempotency.actorId, idempotency.key);
    const { Responses } = await this.client.send(
      new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: [caseKey, idempotencyKey], ConsistentRead: true } } }),
    );
    const items = Responses?.[this.tableName] ?? [];
    const caseItem = items.find((item) => item.pk === caseKey.pk);
    if (!caseItem) throw new NotFoundError(`case ${caseId} not found`);
    const replay = liveReplay(items.find((item) => item.pk === idempotencyKey.pk));
    return { case: itemToCase(caseItem), ...(replay ? { replay } : {}) };
  }

  /** The stored answer of an earlier request with this Idempotency-Key, while it is kept. */
  async findReplay(idempotency: { actorId: string; key: string }): Promise<IdempotencyHit | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.idempotency(idempotency.actorId, idempotency.key), ConsistentRead: true }),
    );
    return liveReplay(Item);
  }

  /**
   * The case and the agent's unsent reply on it (null if none), from one strongly consistent
   * BatchGetItem: one read request. @throws NotFoundError
   */
  async loadWithReplyDraft(caseId: string, agentId: string): Promise<{ case: Case; draft: ReplyDraft | null }> {
    const caseKey = keys.case(caseId);
    const draftKey = keys.replyDraft(caseId, agentId);
    const { Responses } = await this.client.send(
      new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: [caseKey, draftKey], ConsistentRead: true } } }),
    );
    const items = Responses?.[this.tableName] ?? [];
    const caseItem = items.find((item) => item.sk === caseKey.sk);
    if (!caseItem) throw new NotFoundError(`case ${caseId} not found`);
    return { case: itemToCase(caseItem), draft: itemToReplyDraft(items.find((item) => item.sk === draftKey.sk), Date.now() / 1000) };
  }

  /**
   * Saves an agent's draft by itself: not a case change, so the case's version stays and no case
   * writer conflicts with it. Over a draft read a moment ago (`replacing`) it saves only while that
   * draft is still there: a save still in flight when the reply is sent must not bring it back.
   * @throws ConflictError `reply_draft_gone` when the draft was sent or discarded in between
   */
  async putReplyDraft(caseId: string, agentId: string, draft: ReplyDraft, replacing: boolean): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: replyDraftToItem(caseId, agentId, draft),
          ...(replacing ? { ConditionExpression: 'attribute_exists(pk)' } : {}),
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      throw new ConflictError('the draft was sent or discarded meanwhile; save again to start a new one', 'reply_draft_gone');
    }
  }

  /** Drops an agent's draft; there being none is no error. */
  async deleteReplyDraft(caseId: string, agentId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keys.replyDraft(caseId, agentId) }));
  }

  /** The draft's Put, to go `alongside` the case change that starts the reply. */
  replyDraftPut(caseId: string, agentId: string, draft: ReplyDraft): GuardedWrite {
    return replyDraftPut(this.tableName, caseId, agentId, draft);
  }

  /** The draft's Delete, to go `alongside` the reply that sends it. */
  replyDraftDelete(caseId: string, agentId: string): GuardedWrite {
    return replyDraftDelete(this.tableName, caseId, agentId);
  }

  /** The case with this number, through its number item (one GetItem, then the case's). */
  async findByNumber(number: number): Promise<Case | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.caseNumber(number) }));
    return Item ? this.getCase(String(Item.caseId)) : null;
  }

  /** One timeline entry. @throws NotFoundError */
  async getEntry(caseId: string, seq: number): Promise<TimelineEntry> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.entry(caseId, seq) }));
    if (!Item) throw new NotFoundError(`case ${caseId} has no entry ${seq}`);
    return stripKeys<TimelineEntry>(Item);
  }

  /**
   * A page of a case's timeline, in either order. `upTo` is the entry count of the case as it was
   * read, so a page never holds entries of a change that landed after that read. A page holds at
   * most `limit` entries and, past its first entry, at most `MAX_TIMELINE_PAGE_BYTES` of them as
   * JSON, so that no case can make a response too large to return (Lambda's limit is 6 MB).
   */
  async timelinePage(
    caseId: string,
    request: PageRequest & { order: 'oldest_first' | 'newest_first'; upTo: number },
  ): Promise<Page<TimelineEntry>> {
    const partition = keys.case(caseId).pk;
    const listing = timelineListing(partition, request.order);
    const start = decodeCursor(listing, request.cursor);
    // DynamoDB refuses a start key outside the key condition's range; a forged one is the caller's mistake.
    const startSeq = start ? Number(start.sk!.slice(keys.entryPrefix.length)) : undefined;
    if (startSeq !== undefined && (startSeq < 1 || startSeq > request.upTo)) {
      throw new ValidationError([{ path: 'query.cursor', message: 'not a cursor from this listing' }]);
    }
    if (request.upTo === 0) return { items: [], nextCursor: null };
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
        ExpressionAttributeValues: { ':pk': partition, ':first': keys.entry(caseId, 1).sk, ':last': keys.entry(caseId, request.upTo).sk },
        ScanIndexForward: request.order === 'oldest_first',
        // One more than asked tells whether another page follows, so a short timeline has no cursor.
        Limit: request.limit + 1,
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    const found = (page.Items ?? []).map((item) => stripKeys<TimelineEntry>(item));
    const items = withinBudget(found.slice(0, request.limit), MAX_TIMELINE_PAGE_BYTES);
    const more = items.length < found.length || page.LastEvaluatedKey !== undefined;
    const last = items.at(-1);
    return { items, nextCursor: more && last ? encodeCursor(listing, keys.entry(caseId, last.seq)) : null };
  }

  /**
   * Every entry of the case as it was read (`upTo` its entry count), oldest first, read a page of
   * 100 at a time as the caller goes through them, so a long timeline is never held whole.
   */
  async *timelineEntries(caseId: string, upTo: number): AsyncGenerator<TimelineEntry> {
    let cursor: string | undefined;
    do {
      const page = await this.timelinePage(caseId, { order: 'oldest_first', limit: 100, upTo, ...(cursor ? { cursor } : {}) });
      yield* page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /** Stores a new case under the next case number (see `withNextNumber`). */
  async createCase(
    build: (number: number) => Outcome,
    options: Omit<SaveOptions, 'idempotency' | 'alongside'> & {
      idempotency?: (outcome: Outcome) => IdempotencyRecord | undefined;
      /** Fixed, or made from the new case when they name it (its number is known only here). */
      alongside?: GuardedWrite[] | ((outcome: Outcome) => GuardedWrite[]);
    } = {},
  ): Promise<Outcome> {
    return this.withNextNumber((number) => {
      const outcome = build(number);
      const idempotency = options.idempotency?.(outcome);
      const alongside = typeof options.alongside === 'function' ? options.alongside(outcome) : options.alongside;
      const saveOptions: SaveOptions = {
        ...(options.requires ? { requires: options.requires } : {}),
        ...(idempotency ? { idempotency } : {}),
        ...(alongside ? { alongside } : {}),
      };
      return { result: outcome, writes: this.outcomeWrites(outcome, null, saveOptions) };
    });
  }

  /** Stores a follow-up case and the link on the closed case it follows, in one transaction. */
  async createFollowUp(
    build: (number: number) => { followUp: Outcome; original: Outcome },
    originalVersion: number,
    alongside: GuardedWrite[] = [],
  ): Promise<{ followUp: Outcome; original: Outcome }> {
    return this.withNextNumber((number) => {
      const result = build(number);
      return {
        result,
        writes: [...this.outcomeWrites(result.followUp, null, { alongside }), ...this.outcomeWrites(result.original, originalVersion, {})],
      };
    });
  }

  /**
   * Stores the cases a case was split into or started, and the original's change, in one
   * transaction: either all of them exist, linked both ways, or none does.
   */
  async createRelatedCases<T extends { original: Outcome; created: Outcome[] }>(
    count: number,
    build: (numbers: number[]) => T,
    originalVersion: number,
    idempotency?: (result: T) => IdempotencyRecord | undefined,
  ): Promise<T> {
    return this.withNextNumbers(count, (numbers) => {
      const result = build(numbers);
      const record = idempotency?.(result);
      return {
        result,
        writes: [
          ...result.created.flatMap((created) => this.outcomeWrites(created, null, {})),
          ...this.outcomeWrites(result.original, originalVersion, record ? { idempotency: record } : {}),
        ],
      };
    });
  }

  private withNextNumber<T>(attempt: (number: number) => { result: T; writes: GuardedWrite[] }): Promise<T> {
    return this.withNextNumbers(1, ([number]) => attempt(number!));
  }

  /**
   * Reserves the next `count` case numbers with one atomic counter increment, then writes with them.
   * Concurrent creations never clash: each gets its own numbers at the cost of one write unit. A
   * creation that fails after the reservation leaves a gap in the numbering, by design.
   */
  private async withNextNumbers<T>(count: number, attempt: (numbers: number[]) => { result: T; writes: GuardedWrite[] }): Promise<T> {
    const { Attributes } = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.caseCounter(),
        UpdateExpression: 'ADD #value :count SET kind = :kind',
        ExpressionAttributeNames: { '#value': 'value' },
        ExpressionAttributeValues: { ':count': count, ':kind': 'counter' },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const last = Number(Attributes?.value);
    const { result, writes } = attempt(Array.from({ length: count }, (_, i) => last - count + 1 + i));
    await transact(this.client, writes);
    return result;
  }

  /**
   * Writes a case and entries rewritten to erase a person's data: the entries first (overwritten,
   * 25 per BatchWriteItem; an erasure is the one change to an entry there is), then the case if it is
   * still at `expectedVersion`, so an interrupted erasure is finished by running it again.
   * @throws ConflictError
   */
  async saveErasure(c: Case, expectedVersion: number, entries: TimelineEntry[]): Promise<void> {
    for (let start = 0; start < entries.length; start += 25) {
      let requests = entries.slice(start, start + 25).map((entry) => ({ PutRequest: { Item: entryToItem(c.id, entry) } }));
      while (requests.length > 0) {
        const { UnprocessedItems } = await this.client.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
        requests = (UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
      }
    }
    await transact(this.client, this.outcomeWrites({ case: c, entries: [] }, expectedVersion, {}));
  }

  /**
   * Saves the outcomes of one command on several cases (a merge and its target) in one
   * transaction, each if its case is still at the version it was read at. @throws ConflictError
   */
  async saveCases(changes: { outcome: Outcome; expectedVersion: number; options?: SaveOptions }[]): Promise<void> {
    await transact(this.client, changes.flatMap(({ outcome, expectedVersion, options }) => this.outcomeWrites(outcome, expectedVersion, options ?? {})));
  }

  /**
   * Saves an append-only outcome decided on the case at `readVersion`, even if other appends
   * landed since: one UpdateItem makes room on the case (see `appendUpdate`), then the entries are
   * put under the numbers it gave, with the idempotency record built from the stored case. A
   * process that dies between the two leaves a gap in the numbering, never a lost or doubled entry.
   * @returns the outcome as stored @throws ConflictError when a full write changed the case meanwhile
   */
  async appendToCase(
    outcome: Outcome & { append: Append },
    readVersion: number,
    idempotency?: (stored: Outcome) => IdempotencyRecord | undefined,
  ): Promise<Outcome> {
    const stored = await this.makeRoom(outcome, readVersion);
    const record = idempotency?.(stored);
    const writes = stored.entries.map((entry): GuardedWrite => ({
      item: { Put: { TableName: this.tableName, Item: entryToItem(stored.case.id, entry), ConditionExpression: 'attribute_not_exists(pk)' } },
      onConditionFailed: () => new Error(`entry ${entry.seq} of case ${stored.case.id} exists though the case made room for it`),
    }));
    if (record) writes.push(idempotencyWrite(this.tableName, record, Math.floor(Date.parse(stored.case.updatedAt) / 1000)));
    const [only] = writes;
    if (writes.length === 1 && only?.item.Put) await this.client.send(new PutCommand(only.item.Put));
    else await transact(this.client, writes);
    return stored;
  }

  private async makeRoom(outcome: Outcome & { append: Append }, readVersion: number): Promise<Outcome> {
    try {
      const { Attributes } = await this.client.send(new UpdateCommand(appendUpdate(this.tableName, outcome, readVersion)));
      const c = itemToCase(Attributes!);
      return { case: c, entries: renumbered(outcome.entries, c.entryCount) };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (error.Item === undefined) throw new NotFoundError(`case ${outcome.case.id} not found`);
      // Changed by a full write, or full: the command decides again on the case as it is now.
      throw new ConflictError(`case ${outcome.case.id} changed since version ${readVersion}; reload it`);
    }
  }

  /** Saves a command's outcome if the case is still at `expectedVersion`. @throws ConflictError */
  async saveCase(outcome: Outcome, expectedVersion: number, options: SaveOptions = {}): Promise<void> {
    await transact(this.client, this.outcomeWrites(outcome, expectedVersion, options));
  }

  /**
   * Moves a reply's delivery status forward, as the sender and SES's reports learn it; a report
   * that would move it back (they arrive out of order) changes nothing. Not a case change: the
   * case's version stays, so a report never makes an agent's write conflict.
   * @returns whether the entry changed
   */
  async updateDelivery(caseId: string, seq: number, to: Delivery, details: { messageId?: string; detail?: string } = {}): Promise<boolean> {
    const from = deliveryMayComeFrom(to);
    const set = ['delivery = :to', ...(details.messageId ? ['messageId = :messageId'] : []), ...(details.detail ? ['deliveryDetail = :detail'] : [])];
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.entry(caseId, seq),
          UpdateExpression: `SET ${set.join(', ')}`,
          ConditionExpression: `#type = :reply AND delivery IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ':to': to,
            ':reply': 'reply',
            ...Object.fromEntries(from.map((state, i) => [`:from${i}`, state])),
            ...(details.messageId ? { ':messageId': details.messageId } : {}),
            ...(details.detail ? { ':detail': details.detail } : {}),
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** One Query on the queue's index partition; `owner` is the agent for personal queues. */
  async listQueue(queue: Exclude<QueueName, 'recent'>, owner: string, filters: QueueFilters, page: PageRequest): Promise<Page<Case>> {
    const { index, partition } = queueIndex(queue, owner);
    return this.list({ index, partition, order: QUEUE_ORDER[queue], filters, ...page });
  }

  /**
   * How many cases a queue holds, counting at most `cap`: one Query with `Select: COUNT`, which
   * still reads (and is billed for) every case it counts, hence the cap.
   */
  async countQueue(queue: CountedQueue, owner: string, cap: number): Promise<{ count: number; more: boolean }> {
    const { index, partition } = queueIndex(queue, owner);
    const { Count } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index,
        KeyConditionExpression: `${index}pk = :pk`,
        ExpressionAttributeValues: { ':pk': partition },
        Select: 'COUNT',
        // One past the cap tells "exactly the cap" from "more": DynamoDB returns a LastEvaluatedKey whenever Limit is reached.
        Limit: cap + 1,
      }),
    );
    const counted = Count ?? 0;
    return { count: Math.min(counted, cap), more: counted > cap };
  }

  /** A customer's cases, newest first. */
  async listCustomerCases(customerId: string, page: PageRequest): Promise<Page<Case>> {
    return this.list({ index: 'gsi3', partition: queuePartition.customer(customerId), order: 'newest_first', ...page });
  }

  /**
   * A customer's open cases (drafts never) or, with `closed`, their closed ones, newest first: one
   * Query of the customer partition with a filter, so a page may hold fewer than `limit` and still
   * have a cursor.
   */
  async listCustomerCasesIn(customerId: string, state: 'open' | 'closed', page: PageRequest): Promise<Page<Case>> {
    const partition = queuePartition.customer(customerId);
    const listing = indexListing('gsi3', partition);
    const read = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pk',
        FilterExpression: state === 'closed' ? '#status = :closed' : '#status <> :closed AND #status <> :draft',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pk': partition, ':closed': 'closed', ...(state === 'open' ? { ':draft': 'draft' } : {}) },
        ScanIndexForward: false,
        Limit: page.limit,
        ExclusiveStartKey: decodeCursor(listing, page.cursor),
      }),
    );
    return { items: (read.Items ?? []).map((item) => itemToCase(item)), nextCursor: encodeCursor(listing, read.LastEvaluatedKey) };
  }

  /** Whether the customer has a closed case: COUNT Queries of their partition until one is found (a customer's cases are few). */
  async hasClosedCases(customerId: string): Promise<boolean> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const read = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi3',
          KeyConditionExpression: 'gsi3pk = :pk',
          FilterExpression: '#status = :closed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pk': queuePartition.customer(customerId), ':closed': 'closed' },
          Select: 'COUNT',
          ExclusiveStartKey: startKey,
        }),
      );
      if ((read.Count ?? 0) > 0) return true;
      startKey = read.LastEvaluatedKey;
    } while (startKey);
    return false;
  }

  /**
   * The customer's case with this number, for mail whose only thread is `[#number]` in its subject:
   * looking among the sender's own cases means a guessed number never reaches someone else's case.
   */
  async findCustomerCaseByNumber(customerId: string, number: number): Promise<Case | null> {
    let cursor: string | undefined;
    for (let page = 0; page < MAX_NUMBER_SEARCH_PAGES; page++) {
      const found = await this.list({
        index: 'gsi3', partition: queuePartition.customer(customerId), order: 'newest_first', limit: 100, filters: {}, ...(cursor ? { cursor } : {}),
      });
      const match = found.items.find((c) => c.number === number);
      if (match) return match;
      if (!found.nextCursor) return null;
      cursor = found.nextCursor;
    }
    return null;
  }

  private async list(request: ListRequest): Promise<Page<Case>> {
    const listing = indexListing(request.index, request.partition);
    const filter = filterExpression(request.filters ?? {});
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: request.index,
        KeyConditionExpression: `${request.index}pk = :pk`,
        ExpressionAttributeValues: { ':pk': request.partition, ...filter.values },
        ...(filter.expression ? { FilterExpression: filter.expression, ExpressionAttributeNames: filter.names } : {}),
        ScanIndexForward: request.order === 'oldest_first',
        Limit: request.limit,
        ExclusiveStartKey: decodeCursor(listing, request.cursor),
      }),
    );
    return {
      items: (page.Items ?? []).map((item) => itemToCase(item)),
      nextCursor: encodeCursor(listing, page.LastEvaluatedKey),
    };
  }

  /**
   * Cases whose pending timer was due before `cutoff`, oldest due first: the pending-timers index
   * holds only cases with a timer, so this reads nothing in the common case that every timer fired.
   */
  async overdueTimers(cutoff: string): Promise<Case[]> {
    const cases: Case[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi4',
          KeyConditionExpression: 'gsi4pk = :pk AND gsi4sk < :cutoff',
          ExpressionAttributeValues: { ':pk': queuePartition.pendingTimers(), ':cutoff': cutoff },
          ExclusiveStartKey: startKey,
        }),
      );
      cases.push(...(page.Items ?? []).map((item) => itemToCase(item)));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return cases;
  }

  /** Remembers that an agent opened a case, for their "recently accessed" list. Viewing changes nothing else. */
  async recordAccess(agentId: string, summary: CaseSummary, at: string): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.recentAccess(agentId, summary.id),
          kind: 'recent',
          gsi1pk: queuePartition.recent(agentId),
          gsi1sk: sortValue(at, summary.id),
          ...summary,
          accessedAt: at,
          expiresAt: Math.floor(Date.parse(at) / 1000) + RECENT_ACCESS_TTL_SECONDS,
        },
      }),
    );
  }

  async listRecent(agentId: string, { limit, cursor }: PageRequest): Promise<Page<CaseSummary>> {
    const listing = indexListing('gsi1', queuePartition.recent(agentId));
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': queuePartition.recent(agentId) },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(listing, cursor),
      }),
    );
    return {
      items: (page.Items ?? []).map((item) => stripKeys<CaseSummary>(item)),
      nextCursor: encodeCursor(listing, page.LastEvaluatedKey),
    };
  }

  private outcomeWrites(outcome: Outcome, expectedVersion: number | null, options: SaveOptions): GuardedWrite[] {
    const { case: c, entries } = outcome;
    const caseWrite: GuardedWrite = {
      item: {
        Put: {
          TableName: this.tableName,
          Item: caseToItem(c),
          ...(expectedVersion === null
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }),
        },
      },
      onConditionFailed: (existing) =>
        existing === undefined
          ? new NotFoundError(`case ${c.id} not found`)
          : new ConflictError(`case ${c.id} changed: it is at version ${String(existing.version)}, not ${expectedVersion}; reload it`),
    };
    const entryWrites: GuardedWrite[] = entries.map((entry) => ({
      item: { Put: { TableName: this.tableName, Item: entryToItem(c.id, entry), ConditionExpression: 'attribute_not_exists(pk)' } },
      onConditionFailed: () => new ConflictError(`case ${c.id} changed meanwhile; reload it`),
    }));
    const extra: GuardedWrite[] = [];
    if (expectedVersion === null) {
      extra.push({
        item: {
          Put: { TableName: this.tableName, Item: caseNumberItem(c), ConditionExpression: 'attribute_not_exists(pk)' },
        },
        onConditionFailed: () => new ConflictError(`case number ${c.number} is already taken`),
      });
    }
    if (options.idempotency) {
      extra.push(idempotencyWrite(this.tableName, options.idempotency, Math.floor(Date.parse(c.updatedAt) / 1000)));
    }
    extra.push(...(options.alongside ?? []));
    if (options.requires) {
      extra.push({
        item: { ConditionCheck: { TableName: this.tableName, Key: options.requires.key, ConditionExpression: 'attribute_exists(pk)' } },
        onConditionFailed: options.requires.missing,
      });
    }
    return [caseWrite, ...entryWrites, ...extra];
  }
}

/** The leading items whose JSON fits the budget; always at least one, so paging moves on. */
function withinBudget<T>(items: T[], budget: number): T[] {
  let used = 0;
  const kept: T[] = [];
  for (const item of items) {
    used += Buffer.byteLength(JSON.stringify(item));
    if (kept.length > 0 && used > budget) break;
    kept.push(item);
  }
  return kept;
}

/** TTL deletes lazily, so an expired record is ignored rather than replayed. */
function liveReplay(record: Record<string, unknown> | undefined): IdempotencyHit | undefined {
  if (!record || Number(record.expiresAt) <= Date.now() / 1000) return undefined;
  return { fingerprint: String(record.fingerprint), response: record.response as StoredResponse };
}

/**
 * Filters run server-side in the same Query: they may shorten a page (the cursor still leads
 * on) but never cost another request.
 */
function queueIndex(queue: Exclude<QueueName, 'recent'>, owner: string): { index: 'gsi1' | 'gsi2'; partition: string } {
  const partition = {
    'to-assign': queuePartition.toAssign(),
    archive: queuePartition.archive(),
    mine: queuePartition.mine(owner),
    waiting: queuePartition.waiting(owner),
    delegated: queuePartition.delegated(owner),
  }[queue];
  return { index: queue === 'delegated' ? 'gsi2' : 'gsi1', partition };
}

function filterExpression(filters: QueueFilters): { expression?: string; names?: Record<string, string>; values?: Record<string, unknown> } {
  const set = Object.entries(filters).filter(([, value]) => value !== undefined);
  if (set.length === 0) return {};
  return {
    expression: set.map(([field]) => `#f_${field} = :f_${field}`).join(' AND '),
    names: Object.fromEntries(set.map(([field]) => [`#f_${field}`, field])),
    values: Object.fromEntries(set.map(([field, value]) => [`:f_${field}`, value])),
  };
}
