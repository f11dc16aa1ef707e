import { performance } from 'node:perf_hooks';
import type { LocalHelpdesk } from '../local/start.ts';
import { startBenchHelpdesk } from './local-helpdesk.ts';
import { pollToAssign, type Sent, sendMail, toAssignTitles } from './mail-client.ts';
import { type LargeMessageIngestion, mb, measureLargeMessage } from './mail-memory.ts';
import { percentile } from './stats.ts';
import type { Verdict } from './targets.ts';

export const INGEST_MESSAGES = 200;
/** Concurrent SMTP connections: a round sends its messages in bursts of this many, one burst after the other. */
export const INGEST_BURST = 50;
export const INGEST_ROUNDS = 3;
export const LATENCY_MESSAGES = 50;
/** Unrecorded first: one burst, then this many single messages, so DynamoDB Local's JVM has reached speed. */
export const LATENCY_WARMUP_MESSAGES = 10;
export const LATENCY_P99_TARGET_MS = 1_000;
export const POLL_INTERVAL_MS = 20;
/** Longer than the local queue's retries of a failed delivery (1 + 2 + 4 + 8 s) before it gives up. */
const VISIBLE_TIMEOUT_MS = 30_000;
/** As in the concurrency section: the stream poller's sending of acknowledgements belongs to the round that caused it. */
const SETTLE_MS = 1_000;

export interface IngestRound {
  round: number;
  messages: number;
  /** From the first connection opened to the last 250. */
  acceptedSeconds: number;
  /** From the first connection opened to the read of "to assign" that showed every case of the round. */
  visibleSeconds: number | null;
  messagesPerSecond: number | null;
  /** Answers other than 250, by SMTP reply code ("no response" when the connection failed). */
  errors: Record<string, number>;
  /** The local mail queue once the round's cases were visible: events not yet handled, and dead letters added. */
  pending: number;
  deadLetters: number;
  verdict: Verdict;
}

export interface MailLatency {
  messages: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Cases not in "to assign" at the read right after their 250, each timed to the read that showed it instead. */
  lateCases: number;
  verdict: Verdict;
}

export interface MailResult {
  rounds: IngestRound[];
  latency: MailLatency;
  large: LargeMessageIngestion | null;
  /** A refused message, a case that never showed, a dead letter, or a failed large ingestion: the numbers do not hold. */
  failures: string[];
}

/**
 * The e-mail channel end to end on an in-memory local helpdesk: SMTP listener, raw message in the
 * local S3, the local queue, the ingest-mail handler, DynamoDB Local, and "to assign" over HTTP.
 * The large message is ingested by the bundle in a process of its own, so its memory is measurable.
 */
export async function measureMail(options: { log: (line: string) => void; ingestBundle: string }): Promise<MailResult> {
  const helpdesk = await startBenchHelpdesk();
  const failures: string[] = [];
  const run = Math.random().toString(36).slice(2, 8);
  try {
    const warmup = await ingestRound(helpdesk, `${run} warm-up`, INGEST_BURST, 0, failures);
    options.log(`  ${describeRound(warmup)} (warm-up)`);
    await sleep(SETTLE_MS);
    for (let i = 0; i < LATENCY_WARMUP_MESSAGES; i++) await timedMessage(helpdesk, `Latency ${run} warm-up #${i}`, failures);
    const latency = await measureLatency(helpdesk, run, failures);
    options.log(`  ${LATENCY_MESSAGES} single messages: p50 ${latency.p50Ms.toFixed(0)} ms, p99 ${latency.p99Ms.toFixed(0)} ms, max ${latency.maxMs.toFixed(0)} ms  ${latency.verdict}`);
    await sleep(SETTLE_MS);
    const rounds: IngestRound[] = [];
    for (let round = 1; round <= INGEST_ROUNDS; round++) {
      rounds.push(await ingestRound(helpdesk, `${run} r${round}`, INGEST_MESSAGES, round, failures));
      options.log(`  ${describeRound(rounds.at(-1)!)}`);
      await sleep(SETTLE_MS);
    }
    const large = await measureLargeMessage(helpdesk, options.ingestBundle, failures);
    if (large) {
      options.log(
        `  ${mb(large.messageBytes)} MB message: peak RSS ${mb(large.peakRssBytes)} MB (${mb(large.rssBeforeBytes)} MB before), ` +
          `${(large.ingestMs / 1000).toFixed(1)} s  ${large.verdict}`,
      );
    }
    return { rounds, latency, large, failures };
  } finally {
    await helpdesk.stop();
  }
}

/** `messages` from distinct senders, in bursts of INGEST_BURST connections, timed until every case is in "to assign". */
async function ingestRound(helpdesk: LocalHelpdesk, tag: string, messages: number, round: number, failures: string[]): Promise<IngestRound> {
  const subjects = Array.from({ length: messages }, (_, i) => `Mail ${tag} #${i}`);
  const deadBefore = helpdesk.mail.queue.deadLetters.length;
  const started = performance.now();
  const sent: Sent[] = [];
  for (let first = 0; first < messages; first += INGEST_BURST) {
    const burst = subjects.slice(first, first + INGEST_BURST);
    sent.push(
      ...(await Promise.all(
        burst.map((subject, i) => sendMail(helpdesk, { from: `sender-${tag.replace(/\W+/g, '-')}-${first + i}@customer.example`, subject, text: `Message ${first + i}.` })),
      )),
    );
  }
  const accepted = performance.now();
  const wanted = new Set(subjects);
  const visible = await pollToAssign(helpdesk, (titles) => titles.filter((t) => wanted.has(t)).length === messages, {
    intervalMs: POLL_INTERVAL_MS,
    timeoutMs: VISIBLE_TIMEOUT_MS,
  });
  const errors: Record<string, number> = {};
  for (const { outcome } of sent) if (outcome !== '250') errors[outcome] = (errors[outcome] ?? 0) + 1;
  const deadLetters = helpdesk.mail.queue.deadLetters.length - deadBefore;
  const { pending } = helpdesk.mail.queue;
  const name = round > 0 ? `round ${round}` : 'warm-up';
  if (Object.keys(errors).length > 0) failures.push(`mail ${name}: refused ${JSON.stringify(errors)}`);
  if (visible === null) failures.push(`mail ${name}: not every case was in "to assign" after ${VISIBLE_TIMEOUT_MS / 1000} s`);
  if (pending > 0 || deadLetters > 0) failures.push(`mail ${name}: the mail queue held ${pending} pending and ${deadLetters} new dead letters`);
  const visibleSeconds = visible === null ? null : (visible - started) / 1000;
  const clean = Object.keys(errors).length === 0 && visible !== null && pending === 0 && deadLetters === 0;
  return {
    round,
    messages,
    acceptedSeconds: (accepted - started) / 1000,
    visibleSeconds,
    messagesPerSecond: visibleSeconds === null ? null : messages / visibleSeconds,
    errors,
    pending,
    deadLetters,
    verdict: clean ? 'PASS' : 'FAIL',
  };
}

async function measureLatency(helpdesk: LocalHelpdesk, run: string, failures: string[]): Promise<MailLatency> {
  const latencies: number[] = [];
  let lateCases = 0;
  for (let i = 0; i < LATENCY_MESSAGES; i++) {
    const { ms, late } = await timedMessage(helpdesk, `Latency ${run} #${i}`, failures);
    latencies.push(ms);
    if (late) lateCases++;
  }
  const p99Ms = percentile(latencies, 99);
  return {
    messages: LATENCY_MESSAGES,
    p50Ms: percentile(latencies, 50),
    p99Ms,
    maxMs: Math.max(...latencies),
    lateCases,
    verdict: p99Ms <= LATENCY_P99_TARGET_MS ? 'PASS' : 'FAIL',
  };
}

/**
 * One message, timed from opening the connection to its 250, which the local listener gives only
 * after ingestion; one read of "to assign" then confirms the case is there. If it is not (a failed
 * first delivery waits for the queue's retry), the time runs on to the read that shows it.
 */
async function timedMessage(helpdesk: LocalHelpdesk, subject: string, failures: string[]): Promise<{ ms: number; late: boolean }> {
  const started = performance.now();
  const sent = await sendMail(helpdesk, { from: `${subject.replace(/\W+/g, '-').toLowerCase()}@customer.example`, subject, text: 'One message.' });
  if (sent.outcome !== '250') failures.push(`mail "${subject}": refused with ${sent.outcome}`);
  if ((await toAssignTitles(helpdesk)).includes(subject)) return { ms: sent.ms, late: false };
  const visible = await pollToAssign(helpdesk, (titles) => titles.includes(subject), { intervalMs: POLL_INTERVAL_MS, timeoutMs: VISIBLE_TIMEOUT_MS });
  if (visible === null) failures.push(`mail "${subject}": no case in "to assign" after ${VISIBLE_TIMEOUT_MS / 1000} s`);
  return { ms: (visible ?? Number.NaN) - started, late: true };
}

const describeRound = (r: IngestRound) =>
  `${r.messages} messages, ${INGEST_BURST} at a time: accepted in ${r.acceptedSeconds.toFixed(1)} s, ` +
  `visible in ${r.visibleSeconds?.toFixed(1) ?? '—'} s (${r.messagesPerSecond?.toFixed(1) ?? '—'} messages/s)  ${r.verdict}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
