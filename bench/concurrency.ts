import { performance } from 'node:perf_hooks';
import type { LocalHelpdesk } from '../local/start.ts';
import { startBenchHelpdesk } from './local-helpdesk.ts';
import { COMPLETE_CASE } from './seed.ts';
import { percentile } from './stats.ts';
import type { Verdict } from './targets.ts';

/** Measured rounds of each burst; each is reported as its own row. */
export const ROUNDS = 3;
/** Unrecorded rounds first: DynamoDB Local's JVM takes a few hundred requests of a shape to reach speed. */
export const WARMUP_ROUNDS = 2;
export const CONCURRENT_CREATES = 100;
export const CONCURRENT_NOTES = 50;
/** The target for notes on one busy case: every one lands, the slowest 1% within this. */
export const NOTES_P99_TARGET_MS = 2_000;
/**
 * The answer of a note whose retries ran out of their budget (BUSY_CASE_RETRY): the notes burst's target says
 * every note lands, so this one is a miss to report, not a broken measurement.
 */
const RETRIES_SPENT = '409 version_conflict';
export const LARGE_CASE_NOTES = 70;
/** The longest note the API accepts. */
export const LARGE_NOTE_CHARS = 100_000;
/** Lambda's limit on a synchronous invocation's response payload (6 MB); API Gateway would never see more. */
export const RESPONSE_LIMIT_BYTES = 6 * 1024 * 1024;
/**
 * Quiet time after each burst: the stream poller then hands its changes to schedule-timers, and
 * that work belongs to the burst that caused it, not to the next one's latencies.
 */
const SETTLE_MS = 1_000;

export type Burst = 'create' | 'notes';

export interface BurstRound {
  burst: Burst;
  /** 1 to ROUNDS; warm-up rounds count from 1 - WARMUP_ROUNDS to 0. */
  round: number;
  attempted: number;
  succeeded: number;
  /** Answers other than the expected status, by status and error code ("no response" when the request failed). */
  errors: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** createCase only: numbers in this round not seen before in this round or an earlier one. */
  distinctNumbers: number | null;
  verdict: Verdict;
}

export interface ResponseSize {
  /** The request, e.g. "GET /cases/{id}". */
  request: string;
  /** Timeline entries in the response (the largest page's, for the timeline). */
  entries: number;
  /** Responses read: 1 for the case, every page for the timeline. */
  pages: number;
  /** The HTTP body. */
  bytes: number;
  /** The body as a JSON string, the form it takes inside the function's response payload. */
  payloadBytes: number;
  verdict: Verdict;
}

export interface ConcurrencyResult {
  rounds: BurstRound[];
  sizes: ResponseSize[];
  /**
   * Any answer other than 201/200 (except a note whose retries ran out, which is the notes target's
   * miss), or a timeline that did not page back to its first entry; any is a bench failure.
   */
  failures: string[];
}

type Who = keyof LocalHelpdesk['tokens'];

interface Answer {
  /** The status with the error code of an error answer, e.g. "201" or "409 version_conflict". */
  outcome: string;
  ms: number;
  bytes: number;
  text: string;
}

/**
 * Bursts of concurrent requests and the largest responses, over real HTTP against an in-memory
 * local helpdesk: its HTTP server, the function handlers and DynamoDB Local are all in the path.
 */
export async function measureConcurrency(options: { log: (line: string) => void }): Promise<ConcurrencyResult> {
  const helpdesk = await startBenchHelpdesk();
  const client = new HttpClient(helpdesk);
  const failures: string[] = [];
  const numbers = new Set<number>();
  const rounds: BurstRound[] = [];
  try {
    for (let round = 1 - WARMUP_ROUNDS; round <= ROUNDS; round++) {
      for (const burst of ['create', 'notes'] as const) {
        const row = burst === 'create' ? await createBurst(client, round, numbers) : await notesBurst(client, round);
        failures.push(...burstFailures(row));
        if (round > 0) rounds.push(row);
        options.log(`  ${describe(row)}`);
        await sleep(SETTLE_MS);
      }
    }
    const sizes = await largestResponses(client, failures);
    for (const size of sizes) options.log(`  ${size.request.padEnd(34)} ${size.bytes} bytes, ${size.pages} page(s)  ${size.verdict}`);
    return { rounds, sizes, failures };
  } finally {
    await helpdesk.stop();
  }
}

async function createBurst(client: HttpClient, round: number, seen: Set<number>): Promise<BurstRound> {
  const answers = await Promise.all(
    Array.from({ length: CONCURRENT_CREATES }, (_, i) =>
      client.call('robot', 'POST', '/cases', { ...COMPLETE_CASE, title: `Burst ${round}.${i}: printer jams` }),
    ),
  );
  let distinct = 0;
  for (const answer of answers.filter((a) => a.outcome === '201')) {
    const { number } = (JSON.parse(answer.text) as { case: { number: number } }).case;
    if (!seen.has(number)) distinct++;
    seen.add(number);
  }
  const row = summarise('create', round, answers, '201');
  return { ...row, distinctNumbers: distinct, verdict: row.succeeded === row.attempted && distinct === row.attempted ? 'PASS' : 'FAIL' };
}

/** Notes without If-Match on one fresh case the agent holds: all race the first note, which starts the work; the rest append. */
async function notesBurst(client: HttpClient, round: number): Promise<BurstRound> {
  const caseId = await client.newCase(`Busy case, round ${round}`);
  const answers = await Promise.all(
    Array.from({ length: CONCURRENT_NOTES }, (_, i) => client.call('agent', 'POST', `/cases/${caseId}/notes`, { text: `Burst note ${i}` })),
  );
  const row = summarise('notes', round, answers, '200');
  const met = row.succeeded === row.attempted && row.p99Ms < NOTES_P99_TARGET_MS;
  return { ...row, distinctNumbers: null, verdict: met ? 'PASS' : 'FAIL' };
}

function summarise(burst: Burst, round: number, answers: Answer[], expected: string): Omit<BurstRound, 'distinctNumbers' | 'verdict'> {
  const errors: Record<string, number> = {};
  for (const { outcome } of answers) if (outcome !== expected) errors[outcome] = (errors[outcome] ?? 0) + 1;
  const latencies = answers.map((a) => a.ms);
  return {
    burst,
    round,
    attempted: answers.length,
    succeeded: answers.filter((a) => a.outcome === expected).length,
    errors,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: Math.max(...latencies),
  };
}

/** A wrong status means the latencies time an error path: the burst, warm-up included, does not count. */
function burstFailures(row: BurstRound): string[] {
  const wrong = Object.fromEntries(Object.entries(row.errors).filter(([outcome]) => row.burst !== 'notes' || outcome !== RETRIES_SPENT));
  if (Object.keys(wrong).length === 0) return [];
  return [`${BURST_NAME[row.burst]}, ${roundName(row.round)}: ${errorText(wrong)}`];
}

const roundName = (round: number) => (round > 0 ? `round ${round}` : `warm-up ${round + WARMUP_ROUNDS}`);

export const BURST_NAME: Record<Burst, string> = {
  create: `${CONCURRENT_CREATES} × POST /cases (robot)`,
  notes: `${CONCURRENT_NOTES} × POST /cases/{id}/notes, one case, no If-Match (agent)`,
};

export const errorText = (errors: Record<string, number>): string =>
  Object.keys(errors).length === 0
    ? 'none'
    : Object.entries(errors)
        .map(([status, count]) => `${status} × ${count}`)
        .join(', ');

const describe = (row: BurstRound) =>
  `${row.burst.padEnd(6)} ${roundName(row.round).padEnd(9)} ${row.succeeded}/${row.attempted} ok, ` +
  `p50 ${row.p50Ms.toFixed(0)} ms, p99 ${row.p99Ms.toFixed(0)} ms, max ${row.maxMs.toFixed(0)} ms  ${row.verdict}`;

/**
 * A case with the largest notes the API takes, read whole: the case view, then every timeline page
 * from the newest. Both must stay far inside Lambda's response limit whatever the case holds.
 */
async function largestResponses(client: HttpClient, failures: string[]): Promise<ResponseSize[]> {
  const caseId = await client.newCase('Large case');
  for (let i = 0; i < LARGE_CASE_NOTES; i++) {
    const text = `${i} ${'x'.repeat(LARGE_NOTE_CHARS)}`.slice(0, LARGE_NOTE_CHARS);
    const answer = await client.call('agent', 'POST', `/cases/${caseId}/notes`, { text });
    if (answer.outcome !== '200') {
      failures.push(`large case, note ${i + 1}: answered ${answer.outcome} ${answer.text.slice(0, 200)}`);
      return [];
    }
  }
  const view = await client.call('agent', 'GET', `/cases/${caseId}`);
  if (view.outcome !== '200') {
    failures.push(`GET /cases/{id} of the large case answered ${view.outcome} ${view.text.slice(0, 200)}`);
    return [];
  }
  const caseSize = sizeOf('GET /cases/{id}', view, (JSON.parse(view.text) as { timeline: unknown[] }).timeline.length, 1);

  const seqs: number[] = [];
  let largest: { answer: Answer; entries: number } | undefined;
  let pages = 0;
  for (let cursor: string | null = ''; cursor !== null; ) {
    const page = await client.call('agent', 'GET', `/cases/${caseId}/timeline${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (page.outcome !== '200') {
      failures.push(`GET /cases/{id}/timeline, page ${pages + 1} of the large case answered ${page.outcome} ${page.text.slice(0, 200)}`);
      return [caseSize];
    }
    pages++;
    const body = JSON.parse(page.text) as { items: { seq: number }[]; nextCursor: string | null };
    seqs.push(...body.items.map((entry) => entry.seq));
    if (!largest || page.bytes > largest.answer.bytes) largest = { answer: page, entries: body.items.length };
    cursor = body.nextCursor;
  }
  // Newest first: the whole timeline is every sequence number from the highest down to 1, once.
  const whole = seqs.length > 0 && seqs.every((seq, i) => seq === seqs.length - i);
  if (!whole || seqs.length < LARGE_CASE_NOTES + 1) {
    failures.push(`the large case's timeline did not page back through every entry once: read ${seqs.length} entries`);
  }
  return [caseSize, sizeOf(`GET /cases/{id}/timeline, largest page`, largest!.answer, largest!.entries, pages)];
}

function sizeOf(request: string, answer: Answer, entries: number, pages: number): ResponseSize {
  const payloadBytes = Buffer.byteLength(JSON.stringify(answer.text));
  return { request, entries, pages, bytes: answer.bytes, payloadBytes, verdict: payloadBytes < RESPONSE_LIMIT_BYTES ? 'PASS' : 'FAIL' };
}

class HttpClient {
  constructor(private readonly helpdesk: LocalHelpdesk) {}

  /** One request, timed from sending it to having read the whole answer. */
  async call(who: Who, method: string, path: string, body?: unknown): Promise<Answer> {
    const started = performance.now();
    try {
      const response = await fetch(`${this.helpdesk.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.helpdesk.tokens[who]}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      const ms = performance.now() - started;
      const text = bytes.toString('utf8');
      return { outcome: response.ok ? String(response.status) : `${response.status} ${errorCode(text)}`, ms, bytes: bytes.length, text };
    } catch (error) {
      return { outcome: 'no response', ms: performance.now() - started, bytes: 0, text: String(error) };
    }
  }

  /** A case the agent holds, for the bursts and reads that need one. */
  async newCase(title: string): Promise<string> {
    const answer = await this.call('agent', 'POST', '/cases', { ...COMPLETE_CASE, title });
    if (answer.outcome !== '201') throw new Error(`POST /cases answered ${answer.outcome} ${answer.text.slice(0, 200)}`);
    return (JSON.parse(answer.text) as { case: { id: string } }).case.id;
  }
}

function errorCode(text: string): string {
  try {
    return (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? '(no code)';
  } catch {
    return '(not JSON)';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
