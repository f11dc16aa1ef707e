import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalMailQueue, MAX_RECEIVES } from '../../../local/mail/local-mail-queue.ts';

const event = (key: string): SQSEvent => ({
  Records: [{ messageId: key, body: JSON.stringify({ Records: [{ s3: { object: { key } } }] }), attributes: {} } as SQSEvent['Records'][number]],
});
const journal = () => join(mkdtempSync(join(tmpdir(), 'mail-queue-')), 'mail-queue.json');
const receiveCounts = (calls: SQSEvent[]) => calls.map((e) => e.Records[0]!.attributes.ApproximateReceiveCount);

afterEach(() => {
  vi.useRealTimers();
});

describe('LocalMailQueue', () => {
  it('hands an event to the handler and forgets it once taken', async () => {
    const handled: SQSEvent[] = [];
    const queue = new LocalMailQueue(async (e) => void handled.push(e), journal());

    await queue.send(event('raw/a'));

    expect(receiveCounts(handled)).toEqual(['1']);
    expect(queue.pending).toBe(0);
  });

  it('delivers again what a stopped process left pending', async () => {
    const file = journal();
    const first = new LocalMailQueue(() => new Promise(() => {}), file);
    void first.send(event('raw/interrupted'));
    first.stop();

    const handled: SQSEvent[] = [];
    const second = new LocalMailQueue(async (e) => void handled.push(e), file);
    second.resume();
    await vi.waitFor(() => expect(handled).toHaveLength(1));

    expect(handled[0]!.Records[0]!.messageId).toBe('raw/interrupted');
    await vi.waitFor(() => expect(second.pending).toBe(0));
  });

  it('retries a failed delivery with growing pauses, then keeps it as a dead letter, also across a restart', async () => {
    vi.useFakeTimers();
    const file = journal();
    const calls: SQSEvent[] = [];
    const queue = new LocalMailQueue(async (e) => {
      calls.push(e);
      return { batchItemFailures: [{ itemIdentifier: e.Records[0]!.messageId }] };
    }, file);

    await queue.send(event('raw/poison'));
    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 4_000 + 8_000);

    expect(receiveCounts(calls)).toEqual(['1', '2', '3', '4', '5'].slice(0, MAX_RECEIVES));
    expect(queue.pending).toBe(0);
    expect(queue.deadLetters.map((e) => e.Records[0]!.messageId)).toEqual(['raw/poison']);
    expect(new LocalMailQueue(async () => undefined, file).deadLetters).toHaveLength(1);
  });
});
