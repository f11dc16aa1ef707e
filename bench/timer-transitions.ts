import { performance } from 'node:perf_hooks';
import type { ExecutionRecord, ExecutionStatus } from '../local/step-functions/execution-journal.ts';
import type { LocalHelpdesk } from '../local/start.ts';
import { startBenchHelpdesk } from './local-helpdesk.ts';

/** A day lasts 0.864 s, the 3-day auto-close and feedback window 2.6 s: the real ASL and durations, on a faster clock. */
export const TIME_SCALE = 0.00001;
const DAY_MS = 86_400_000;
/** List price of a Standard workflow: $0.025 per 1,000 state transitions (retries count). */
export const USD_PER_1000_TRANSITIONS = 0.025;
/** The target: a timer that fires costs at most this many state transitions. */
export const TRANSITIONS_PER_FIRING_TARGET = 4;

/** How long one expected effect (a status, an execution) may take before the measurement counts as broken. */
const EFFECT_TIMEOUT_MS = 15_000;
const POLL_MS = 50;
/** The stream poller idles 100 ms between empty polls: an unchanged picture for this long means it is done. */
const QUIET_MS = 400;

export interface ExecutionSummary {
  name: string;
  status: ExecutionStatus;
  transitions: number;
  /** What the FireTimer task answered, for executions that got that far. */
  outcome: string | null;
}

export interface TimerRow {
  kind: string;
  /** What the case went through, in words. */
  scenario: string;
  /** The one execution this timer ran as. */
  execution: ExecutionSummary | null;
  /** Whether the row is a firing, held to the target; a superseded timer is reported only. */
  isFiring: boolean;
}

export interface TypicalCase {
  steps: string[];
  /** Each execution with what started it and how it ended, oldest generation first. */
  executions: (ExecutionSummary & { lifecycle: string })[];
  started: number;
  aborted: number;
  succeeded: number;
  failed: number;
  transitions: number;
  /** transitions × $0.025 / 1,000 transitions. */
  usdPerCase: number;
  usdPer1000Cases: number;
}

export interface TimerTransitionsResult {
  timeScale: number;
  rows: TimerRow[];
  typical: TypicalCase | null;
  /** Anything that makes the numbers describe something other than the scenario; any is a bench failure. */
  failures: string[];
  elapsedMs: number;
}

type Who = keyof LocalHelpdesk['tokens'];
// Only the fields the bench reads; the OpenAPI document has the rest.
interface CaseView {
  case: { id: string; status: string; highlighted: boolean; timer: unknown; resolution: { method: string } | null };
}

class BrokenMeasurement extends Error {}

/**
 * Runs the real timer path (table stream → schedule-timers → the local Step Functions API → the ASL
 * file → fire-timer) on an in-memory local helpdesk with a fast clock, drives cases over HTTP as the
 * tests do, and reads the state transitions the local runtime counted for each execution (states
 * entered plus retries, as Step Functions bills them).
 */
export async function measureTimerTransitions(options: { log: (line: string) => void }): Promise<TimerTransitionsResult> {
  const started = performance.now();
  const helpdesk = await startBenchHelpdesk({ timeScale: TIME_SCALE });
  const bench = new TimerBench(helpdesk);
  const rows: TimerRow[] = [];
  const failures: string[] = [];
  let typical: TypicalCase | null = null;
  const attempt = async <T>(label: string, step: () => Promise<T>): Promise<T | null> => {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof BrokenMeasurement)) throw error;
      failures.push(`${label}: ${error.message}`);
      return null;
    }
  };
  try {
    for (const firing of FIRINGS) {
      const row = await attempt(firing.kind, () => bench.firing(firing));
      rows.push(row ?? { kind: firing.kind, scenario: firing.scenario, execution: null, isFiring: true });
      options.log(`  ${firing.kind.padEnd(34)} ${describe(row?.execution)}`);
    }
    const superseded = await attempt('superseded wait', () => bench.superseded());
    rows.push(superseded ?? { kind: SUPERSEDED_KIND, scenario: SUPERSEDED_SCENARIO, execution: null, isFiring: false });
    options.log(`  ${SUPERSEDED_KIND.padEnd(34)} ${describe(superseded?.execution)}`);
    typical = await attempt('typical case', () => bench.typicalCase());
    options.log(`  ${'typical case'.padEnd(34)} ${typical ? `${typical.started} executions, ${typical.transitions} transitions` : 'not measured'}`);
  } finally {
    await helpdesk.stop();
  }
  return { timeScale: TIME_SCALE, rows, typical, failures, elapsedMs: performance.now() - started };
}

const describe = (e: ExecutionSummary | null | undefined) =>
  e ? `${e.status.padEnd(9)} ${e.transitions} transition${e.transitions === 1 ? '' : 's'}${e.outcome ? ` (FireTimer: ${e.outcome})` : ''}` : 'not measured';

interface Firing {
  kind: string;
  scenario: string;
  /** Arms the timer on an In Progress case held by the agent. */
  arm: (bench: TimerBench, caseId: string) => Promise<void>;
  /** The status the firing leaves the case in. */
  expect: (view: CaseView) => boolean;
  expectText: string;
}

const FIRINGS: Firing[] = [
  {
    kind: 'wait expiry',
    scenario: 'more_info wait of 1 day runs out → In Progress, highlighted',
    arm: (b, id) => b.ok('agent', 'PUT', `/cases/${id}/wait`, { kind: 'more_info', days: 1 }),
    expect: (v) => v.case.status === 'in_progress' && v.case.highlighted,
    expectText: 'in_progress, highlighted',
  },
  {
    kind: 'wait, close if no reply',
    scenario: 'more_info wait of 1 day, closeIfNoReply → Closed (no customer response)',
    arm: (b, id) => b.ok('agent', 'PUT', `/cases/${id}/wait`, { kind: 'more_info', days: 1, closeIfNoReply: true }),
    expect: (v) => v.case.status === 'closed' && v.case.resolution?.method === 'no_customer_response',
    expectText: 'closed, no_customer_response',
  },
  {
    kind: 'follow-up date',
    scenario: 'follow_up wait until 1 day ahead → In Progress, highlighted',
    arm: (b, id) => b.ok('agent', 'PUT', `/cases/${id}/wait`, { kind: 'follow_up', until: new Date(Date.now() + DAY_MS).toISOString() }),
    expect: (v) => v.case.status === 'in_progress' && v.case.highlighted,
    expectText: 'in_progress, highlighted',
  },
  {
    kind: 'auto-close after a reply',
    scenario: 'agent reply (Answered), 3 days (P3D) without activity → Closed',
    arm: (b, id) => b.ok('agent', 'POST', `/cases/${id}/replies`, { text: 'Fixed.' }),
    expect: (v) => v.case.status === 'closed',
    expectText: 'closed',
  },
  {
    kind: 'feedback window after resolve',
    scenario: 'resolved, feedback window (P3D) passes quietly → Closed',
    arm: (b, id) => b.ok('agent', 'POST', `/cases/${id}/resolve`, { method: 'replied_to_customer' }),
    expect: (v) => v.case.status === 'closed',
    expectText: 'closed',
  },
];

const SUPERSEDED_KIND = 'superseded (wait cancelled)';
const SUPERSEDED_SCENARIO = 'more_info wait of 1 day armed, then DELETE /wait → execution stopped in its Wait (ABORTED)';

const CONTACTS = { primaryContact: { email: 'jan@example.com' }, requester: { email: 'jan@example.com' } };

class TimerBench {
  constructor(private readonly helpdesk: LocalHelpdesk) {}

  async call(who: Who, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.helpdesk.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.helpdesk.tokens[who]}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json() };
  }

  /** A call that must succeed; anything else means the scenario did not happen. */
  async ok(who: Who, method: string, path: string, body?: unknown): Promise<void> {
    await this.view(who, method, path, body);
  }

  async view(who: Who, method: string, path: string, body?: unknown): Promise<CaseView> {
    const response = await this.call(who, method, path, body);
    if (response.status !== 200 && response.status !== 201) {
      throw new BrokenMeasurement(`${method} ${path} answered ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body as CaseView;
  }

  /** A case the agent created and started on (In Progress, held by the agent), as the timer tests open one. */
  async openCase(title: string): Promise<string> {
    const created = await this.view('agent', 'POST', '/cases', { title, description: 'd', category: 'c', contacts: CONTACTS });
    await this.ok('agent', 'POST', `/cases/${created.case.id}/notes`, { text: 'started' });
    return created.case.id;
  }

  /** One case per kind: arm the timer, wait for the firing to change the case, then read its one execution. */
  async firing(firing: Firing): Promise<TimerRow> {
    const id = await this.openCase(`Timer bench: ${firing.kind}`);
    await firing.arm(this, id);
    await this.eventually(`case status ${firing.expectText}`, async () => firing.expect(await this.getCase(id)));
    const executions = await this.quietExecutions(id);
    const [execution] = executions;
    if (executions.length !== 1 || execution?.status !== 'SUCCEEDED' || execution.outcome !== 'fired') {
      throw new BrokenMeasurement(`expected one SUCCEEDED execution that fired, got ${this.list(executions)}`);
    }
    return { kind: firing.kind, scenario: firing.scenario, execution, isFiring: true };
  }

  /** A wait armed and cancelled while its execution sits in the Wait state. */
  async superseded(): Promise<TimerRow> {
    const id = await this.openCase('Timer bench: superseded');
    await this.ok('agent', 'PUT', `/cases/${id}/wait`, { kind: 'more_info', days: 1 });
    const waiting = await this.execution(`${id}-g1 in its Wait`, id, 1, (e) => e.status === 'RUNNING' && e.transitions >= 1);
    await this.ok('agent', 'DELETE', `/cases/${id}/wait`);
    await this.execution(`${id}-g1 ABORTED`, id, 1, (e) => e.status === 'ABORTED');
    // Past the time it would have fired: a stopped execution must stay stopped, and the case untouched.
    await sleep(Math.max(0, waiting.wakeAt - Date.now()) + QUIET_MS);
    const executions = await this.quietExecutions(id);
    const [execution] = executions;
    if (executions.length !== 1 || execution?.status !== 'ABORTED') {
      throw new BrokenMeasurement(`expected one ABORTED execution, got ${this.list(executions)}`);
    }
    const after = await this.getCase(id);
    if (after.case.status !== 'in_progress' || after.case.highlighted) {
      throw new BrokenMeasurement(`the cancelled wait still changed the case: ${after.case.status}, highlighted ${after.case.highlighted}`);
    }
    return { kind: SUPERSEDED_KIND, scenario: SUPERSEDED_SCENARIO, execution, isFiring: false };
  }

  /**
   * Created by a robot (the stand-in for e-mail intake: it lands in "to assign" as an e-mailed case
   * does), claimed, two replies, one customer reply, a last reply, auto-closed. After each step the
   * bench waits until the scheduler has started or stopped the execution that step implies.
   */
  async typicalCase(): Promise<TypicalCase> {
    const steps: string[] = [];
    const created = await this.view('robot', 'POST', '/cases', {
      title: 'Printer on fire', description: 'It smokes.', category: 'c', contacts: CONTACTS,
    });
    const id = created.case.id;
    steps.push(`POST /cases as robot → ${created.case.status} (to assign)`);
    const claimed = await this.view('agent', 'POST', `/cases/${id}/claim`);
    steps.push(`claim as agent → ${claimed.case.status}`);

    const reply = async (text: string) => (await this.view('agent', 'POST', `/cases/${id}/replies`, { text })).case.status;
    const running = (g: number) => this.execution(`${id}-g${g} running`, id, g, (e) => e.status === 'RUNNING' && e.transitions >= 1);
    const aborted = (g: number) => this.execution(`${id}-g${g} ABORTED`, id, g, (e) => e.status === 'ABORTED');

    steps.push(`reply → ${await reply('Have you tried turning it off?')}, auto-close g1 armed`);
    await running(1);
    steps.push(`reply again → ${await reply('And unplugging it?')}, g1 stopped, g2 armed`);
    await running(2);
    await aborted(1);
    const message = await this.view('robot', 'POST', `/cases/${id}/messages`, { text: 'Still smoking', channel: 'email', from: 'jan@example.com' });
    steps.push(`customer message (robot, channel email) → ${message.case.status}, g2 stopped`);
    await aborted(2);
    steps.push(`reply → ${await reply('A technician is on the way.')}, g3 armed`);
    await running(3);
    await this.eventually('case closed by auto-close', async () => (await this.getCase(id)).case.status === 'closed');
    steps.push('auto-close fires (g3) → closed');

    const executions = await this.quietExecutions(id);
    const count = (status: ExecutionStatus) => executions.filter((e) => e.status === status).length;
    const expected = ['g1 ABORTED', 'g2 ABORTED', 'g3 SUCCEEDED fired'];
    const lifecycles = [
      'armed by the first reply; stopped by the second',
      'armed by the second reply; stopped by the customer message',
      'armed by the last reply; fired: auto-close',
    ];
    const seen = executions.map((e) => `${e.name.slice(id.length + 1)} ${e.status}${e.outcome ? ` ${e.outcome}` : ''}`);
    if (seen.join() !== expected.join()) {
      throw new BrokenMeasurement(`expected executions ${expected.join(', ')}; got ${seen.join(', ')}`);
    }
    const transitions = executions.reduce((sum, e) => sum + e.transitions, 0);
    const usdPerCase = (transitions * USD_PER_1000_TRANSITIONS) / 1000;
    return {
      steps,
      executions: executions.map((e, i) => ({ ...e, lifecycle: lifecycles[i]! })),
      started: executions.length,
      aborted: count('ABORTED'),
      succeeded: count('SUCCEEDED'),
      failed: count('FAILED'),
      transitions,
      usdPerCase,
      usdPer1000Cases: usdPerCase * 1000,
    };
  }

  /** Read as an admin: the assignee opening the case would clear the highlight the bench waits for. */
  private async getCase(id: string): Promise<CaseView> {
    return this.view('admin', 'GET', `/cases/${id}`);
  }

  /** A case's executions, oldest generation first (their names are `<caseId>-g<generation>`). */
  private executions(caseId: string): ExecutionRecord[] {
    const generation = (e: ExecutionRecord) => Number(e.name.slice(caseId.length + 2));
    return this.helpdesk.stepFunctions
      .executions()
      .filter((e) => e.name.startsWith(`${caseId}-`))
      .sort((a, b) => generation(a) - generation(b));
  }

  private async execution(what: string, caseId: string, generation: number, ready: (e: ExecutionRecord) => boolean): Promise<ExecutionRecord> {
    return this.eventually(what, async () => {
      const record = this.executions(caseId).find((e) => e.name === `${caseId}-g${generation}`);
      return record && ready(record) ? record : undefined;
    });
  }

  /**
   * The case's executions once nothing moves: none RUNNING, and the same statuses and transition
   * counts for QUIET_MS (the stream poller still delivers the firing's own change, and the runtime
   * counts transitions from its event log as they come).
   */
  private async quietExecutions(caseId: string): Promise<ExecutionSummary[]> {
    const picture = () => JSON.stringify(this.executions(caseId).map((e) => [e.name, e.status, e.transitions]));
    let last = picture();
    let since = Date.now();
    await this.eventually('executions quiet', async () => {
      const now = picture();
      if (now !== last) {
        last = now;
        since = Date.now();
        return false;
      }
      return !this.executions(caseId).some((e) => e.status === 'RUNNING') && Date.now() - since >= QUIET_MS;
    });
    return this.executions(caseId).map((e) => ({ name: e.name, status: e.status, transitions: e.transitions, outcome: fireOutcome(e) }));
  }

  private list(executions: ExecutionSummary[]): string {
    return executions.length === 0 ? 'none' : executions.map((e) => `${e.name} ${e.status} ${e.outcome ?? ''}`.trim()).join(', ');
  }

  /** Polls until `check` gives a value; after EFFECT_TIMEOUT_MS the measurement is broken. */
  private async eventually<T>(what: string, check: () => Promise<T | undefined | false>): Promise<T> {
    const deadline = Date.now() + EFFECT_TIMEOUT_MS;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) throw new BrokenMeasurement(`${what}: not within ${EFFECT_TIMEOUT_MS / 1000} s`);
      await sleep(POLL_MS);
    }
  }
}

/** The FireTimer task's answer, kept in the execution output under `outcome` (ResultPath `$.outcome`). */
function fireOutcome(e: ExecutionRecord): string | null {
  if (!e.output) return null;
  try {
    const output = JSON.parse(e.output) as { outcome?: { outcome?: string } };
    return output.outcome?.outcome ?? null;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
