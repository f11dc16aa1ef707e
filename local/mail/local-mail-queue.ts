import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';

/** As the cloud queue's redrive policy: after this many failed deliveries a message moves to the dead letters. */
export const MAX_RECEIVES = 5;
const FIRST_RETRY_MS = 1_000;

interface Journal {
  pending: SQSEvent[];
  dead: SQSEvent[];
}

/**
 * The local stand-in for the queue between the mail bucket and ingestion: the event is written to
 * a journal before the handler sees it and removed once the handler has taken it, so mail stored
 * but not yet ingested when the process stopped is delivered again on the next start. A failed
 * delivery is retried with a doubling pause; after {@link MAX_RECEIVES} it is kept as a dead
 * letter, as the cloud's dead-letter queue keeps it.
 */
export class LocalMailQueue {
  private readonly journal: Journal;
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly handler: (event: SQSEvent) => Promise<SQSBatchResponse | void>,
    private readonly file: string | undefined,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.journal = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Journal) : { pending: [], dead: [] };
  }

  get deadLetters(): readonly SQSEvent[] {
    return this.journal.dead;
  }

  /** Events taken but not yet handled: in flight, or waiting for a retry. */
  get pending(): number {
    return this.journal.pending.length;
  }

  /** Delivers what an earlier run left pending. */
  resume(): void {
    for (const event of [...this.journal.pending]) void this.deliver(event, 1);
  }

  /** Resolves once the handler took the event or its first delivery failed (a retry is then scheduled). */
  async send(event: SQSEvent): Promise<void> {
    this.journal.pending.push(event);
    this.save();
    await this.deliver(event, 1);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
  }

  private async deliver(event: SQSEvent, receive: number): Promise<void> {
    if (this.stopped) return;
    const stamped = withReceiveCount(event, receive);
    let failed: boolean;
    try {
      failed = ((await this.handler(stamped))?.batchItemFailures.length ?? 0) > 0;
    } catch (error) {
      // The handler logs its own failures; one that escapes it (a timeout) is only seen here.
      this.log(`mail queue: delivery ${receive} of ${objectKey(event)} failed: ${(error as Error).message}`);
      failed = true;
    }
    if (!failed) return this.settle(event, 'done');
    if (receive >= MAX_RECEIVES) {
      this.log(`mail queue: ${objectKey(event)} failed ${receive} times; kept as a dead letter`);
      return this.settle(event, 'dead');
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.deliver(event, receive + 1);
    }, FIRST_RETRY_MS * 2 ** (receive - 1));
    timer.unref();
    this.timers.add(timer);
  }

  private settle(event: SQSEvent, how: 'done' | 'dead'): void {
    this.journal.pending = this.journal.pending.filter((e) => e !== event);
    if (how === 'dead') this.journal.dead.push(event);
    this.save();
  }

  private save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    // Written aside and renamed, so a crash mid-write never leaves half a journal.
    writeFileSync(`${this.file}.tmp`, JSON.stringify(this.journal));
    renameSync(`${this.file}.tmp`, this.file);
  }
}

const withReceiveCount = (event: SQSEvent, receive: number): SQSEvent => ({
  Records: event.Records.map((record) => ({ ...record, attributes: { ...record.attributes, ApproximateReceiveCount: String(receive) } })),
});

const objectKey = (event: SQSEvent): string => {
  try {
    return (JSON.parse(event.Records[0]?.body ?? '{}') as { Records?: { s3: { object: { key: string } } }[] }).Records?.[0]?.s3.object.key ?? 'a message';
  } catch {
    return 'a message';
  }
};
