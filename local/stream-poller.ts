import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

/**
 * Lambda's event source mapping polls each shard four times a second. Polling faster would not make
 * the local runtime more faithful, only busier: under a burst of writes, a poll after every batch
 * kept DynamoDB Local and the Node process serving the poller instead of the requests.
 */
const POLL_INTERVAL_MS = 250;
/** A full page means more records are waiting; they are read at once, as the mapping does. */
const PAGE_LIMIT = 100;
const RETRY_AFTER_FAILURE_MS = 1_000;

/**
 * The local stand-in for Lambda's DynamoDB event source mapping: reads the table's stream in
 * order and hands batches to the same handler module, resuming after a partial batch failure from
 * the failed record. The last record handled per shard is kept in a checkpoint file, so a restart
 * neither loses nor replays changes.
 */
export class StreamPoller {
  private readonly streams = new DynamoDBStreamsClient({});
  private readonly checkpoints: Record<string, string>;
  private readonly iterators = new Map<string, string | null>();
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly tableName: string,
    private readonly handler: StreamHandler,
    private readonly checkpointFile?: string,
  ) {
    this.checkpoints = checkpointFile && existsSync(checkpointFile) ? (JSON.parse(readFileSync(checkpointFile, 'utf8')) as Record<string, string>) : {};
  }

  async start(): Promise<void> {
    this.loop = this.run(await this.latestStreamArn());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
    this.streams.destroy();
  }

  private async run(firstStreamArn: string): Promise<void> {
    let streamArn: string | undefined = firstStreamArn;
    let failing: string | undefined;
    while (!this.stopped) {
      try {
        const started = Date.now();
        streamArn ??= await this.latestStreamArn();
        const backlog = await this.pollOnce(streamArn);
        if (failing !== undefined) console.error('stream poller: reading the stream again');
        failing = undefined;
        if (!backlog) await sleep(POLL_INTERVAL_MS - (Date.now() - started));
      } catch (error) {
        if (this.stopped) return;
        // One line per kind of failure, not one per second while DynamoDB Local is down.
        const message = error instanceof Error ? error.message : String(error);
        if (message !== failing) console.error(`stream poller: ${message}; retrying every ${RETRY_AFTER_FAILURE_MS} ms`);
        failing = message;
        // Start again from the checkpoints: a batch whose handler threw is read again, iterators do not
        // outlive a DynamoDB Local restart, and a table recreated in memory has a new stream.
        streamArn = undefined;
        this.iterators.clear();
        await sleep(RETRY_AFTER_FAILURE_MS);
      }
    }
  }

  private async latestStreamArn(): Promise<string> {
    const client = new DynamoDBClient({});
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: this.tableName }));
      if (!Table?.LatestStreamArn) throw new Error(`table ${this.tableName} has no stream`);
      return Table.LatestStreamArn;
    } finally {
      client.destroy();
    }
  }

  /** @returns whether a shard had a full page, so that more records are waiting. */
  private async pollOnce(streamArn: string): Promise<boolean> {
    const { StreamDescription } = await this.streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    let backlog = false;
    for (const shard of StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId!;
      if (this.iterators.get(shardId) === null) continue;
      const iterator = this.iterators.get(shardId) ?? (await this.openIterator(streamArn, shardId));
      const page = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: PAGE_LIMIT }));
      const records = page.Records ?? [];
      this.iterators.set(shardId, page.NextShardIterator ?? null);
      if (records.length === 0) continue;
      backlog ||= records.length === PAGE_LIMIT;
      await this.deliver(streamArn, shardId, records);
    }
    return backlog;
  }

  private async deliver(streamArn: string, shardId: string, records: StreamRecord[]): Promise<void> {
    const event = { Records: records.map((r) => ({ ...r, eventSource: 'aws:dynamodb', eventSourceARN: streamArn })) } as unknown as DynamoDBStreamEvent;
    const { batchItemFailures } = await this.handler(event);
    const failed = batchItemFailures[0]?.itemIdentifier;
    const handled = failed === undefined ? records : records.slice(0, records.findIndex((r) => r.dynamodb?.SequenceNumber === failed));
    const last = handled.at(-1)?.dynamodb?.SequenceNumber;
    if (last) this.checkpoint(shardId, last);
    if (failed !== undefined) {
      // Like the event source mapping: retry from the failed record, in order, after a pause.
      this.iterators.delete(shardId);
      await sleep(RETRY_AFTER_FAILURE_MS);
    }
  }

  private async openIterator(streamArn: string, shardId: string): Promise<string> {
    const after = this.checkpoints[shardId];
    const { ShardIterator } = await this.streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return ShardIterator!;
  }

  private checkpoint(shardId: string, sequenceNumber: string): void {
    this.checkpoints[shardId] = sequenceNumber;
    if (!this.checkpointFile) return;
    mkdirSync(dirname(this.checkpointFile), { recursive: true });
    writeFileSync(this.checkpointFile, JSON.stringify(this.checkpoints));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
