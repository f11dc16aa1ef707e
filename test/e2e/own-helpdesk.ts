import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export interface OwnHelpdeskOptions {
  /** The API, console and portal. */
  port: number;
  smtpPort: number;
  /** The local SES endpoint, whose /outbox lists the mail sent. */
  sesPort: number;
  /** The demo tenant site with the widget, which /widget/demo redirects to. */
  demoPort: number;
  /** `--time-scale`: how much faster than real time the case timers run. */
  timeScale: number;
}

export interface OwnHelpdesk {
  url: string;
  stop: () => Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;

/**
 * A local helpdesk of a spec's own, next to the one Playwright starts for all specs, for what that one
 * cannot do (a scaled clock). It runs as `npm start` does, in memory, in a process group of its own:
 * DynamoDB Local's Java is its child, and stopping the group ends it too.
 */
export async function startOwnHelpdesk(options: OwnHelpdeskOptions): Promise<OwnHelpdesk> {
  const args = [
    ...['--import', 'tsx', 'local/main.ts', '--in-memory'],
    ...['--port', options.port, '--smtp-port', options.smtpPort, '--ses-port', options.sesPort, '--demo-port', options.demoPort].map(String),
    ...['--time-scale', String(options.timeScale)],
  ];
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  let running = true;
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      running = false;
      done();
    }),
  );
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  };
  // Should the test runner exit without the afterAll, Java would otherwise keep running.
  const killOnExit = () => signalGroup('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    signalGroup('SIGTERM');
    await Promise.race([exited, sleep(STOP_GRACE_MS)]);
    // Whatever of the group outlived the grace (or Node's own shutdown) goes now.
    signalGroup('SIGKILL');
    await exited;
  };

  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const health = await healthOf(url);
    if (health === 'ok') return { url, stop };
    if (!running || Date.now() > deadline) {
      await stop();
      throw new Error(`The helpdesk on port ${options.port} did not start (health: ${health}):\n${stderr}`);
    }
    await sleep(250);
  }
}

/** 'ok', or what stands in the way (fetch refuses some ports outright, 4190 among them). */
async function healthOf(url: string): Promise<string> {
  try {
    const response = await fetch(`${url}/health`);
    return response.ok ? 'ok' : `${response.status} ${await response.text()}`;
  } catch (error) {
    return String((error as Error).cause ?? error);
  }
}
