import { BUSY_CASE_RETRY } from '../functions/shared/retry-on-conflict.ts';
import { SES_MAX_MESSAGE_BYTES } from '../local/mail/smtp-listener.ts';
import type { Bundle } from './bundles.ts';
import type { ColdStart } from './cold-start.ts';
import { type ConsoleSize, FIRST_LOAD_JS_TARGET_BYTES, WIDGET_TARGET_BYTES, type WidgetSize } from './console-size.ts';
import {
  BURST_NAME,
  type BurstRound,
  CONCURRENT_CREATES,
  CONCURRENT_NOTES,
  type ConcurrencyResult,
  errorText,
  LARGE_CASE_NOTES,
  LARGE_NOTE_CHARS,
  NOTES_P99_TARGET_MS,
  type ResponseSize,
  RESPONSE_LIMIT_BYTES,
  ROUNDS,
  WARMUP_ROUNDS,
} from './concurrency.ts';
import type { DynamoDbCostResult, OperationCost } from './dynamodb-cost.ts';
import type { Machine } from './machine.ts';
import {
  INGEST_BURST,
  INGEST_MESSAGES,
  INGEST_ROUNDS,
  type IngestRound,
  LATENCY_MESSAGES,
  LATENCY_P99_TARGET_MS,
  LATENCY_WARMUP_MESSAGES,
  type MailLatency,
  type MailResult,
  POLL_INTERVAL_MS,
} from './mail.ts';
import { type LargeMessageIngestion, mb, PEAK_RSS_TARGET_RATIO } from './mail-memory.ts';
import { TARGET_TEXT, type Verdict } from './targets.ts';
import {
  type TimerRow,
  type TimerTransitionsResult,
  TRANSITIONS_PER_FIRING_TARGET,
  type TypicalCase,
  USD_PER_1000_TRANSITIONS,
} from './timer-transitions.ts';
import {
  INTERACTIVE_P95_TARGET_MS,
  QUEUE_CASES,
  QUEUE_PATH,
  type QueueVisits,
  ROUND_TIMEOUT_MS,
  VISIT_NAME,
  WEB_ROUNDS,
  WEB_WARMUP_ROUNDS,
  type WebConsoleResult,
} from './web-console.ts';

export const BUNDLE_TARGET_KB = 300;
export const COLD_START_TARGET_RATIO = 1.5;

export interface BenchResults {
  /** As typed, so the run can be repeated exactly. */
  command: string;
  machine: Machine;
  calls: number;
  warmupCalls: number;
  runs: number;
  cost: DynamoDbCostResult;
  bundles: { functions: Bundle[]; empty: Bundle; floor: Bundle };
  coldStarts: ColdStart[];
  timers: TimerTransitionsResult;
  concurrency: ConcurrencyResult;
  mail: MailResult;
  web: WebConsoleResult;
}

/** What a run of some sections measured (`npm run bench -- --only …`); a section not run is undefined. */
export type MeasuredSections = {
  [K in 'cost' | 'bundles' | 'coldStarts' | 'timers' | 'concurrency' | 'mail' | 'web']: BenchResults[K] | undefined;
};

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const count = (value: number) => value.toLocaleString('en-US');
const ms = (value: number) => (Number.isNaN(value) ? '—' : value.toFixed(1));
const units = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, ''));
const span = ({ min, max }: { min: number; max: number }) => (min === max ? String(min) : `${min}–${max}`);
const passFail = (ok: boolean): Verdict => (ok ? 'PASS' : 'FAIL');
const bundleVerdict = (b: Bundle): Verdict => passFail(b.bytes <= BUNDLE_TARGET_KB * 1024);

/** A firing is held to the target; a row that could not be measured fails it; a superseded timer has no target. */
const timerVerdict = (row: TimerRow): Verdict | null =>
  !row.isFiring ? null : passFail(row.execution !== null && row.execution.transitions <= TRANSITIONS_PER_FIRING_TARGET);
/** Dollars without float noise and with at least cents: $0.0001, $0.025, $0.10. */
function usd(value: number): string {
  if (value >= 1) return `$${value.toFixed(2)}`;
  const [whole, fraction = ''] = String(Number(value.toPrecision(3))).split('.');
  return `$${whole}.${fraction.padEnd(2, '0')}`;
}

/** Each cold start with its wall time relative to the empty handler's, which is the baseline. */
function coldStartRatios(results: Pick<BenchResults, 'bundles' | 'coldStarts'>): { start: ColdStart; ratio: number; verdict: Verdict | null }[] {
  const empty = results.coldStarts.find((c) => c.name === results.bundles.empty.name);
  if (!empty) throw new Error('no cold-import measurement of the empty handler');
  return results.coldStarts.map((start) => {
    const ratio = start.wallMs.median / empty.wallMs.median;
    const reference = start === empty || start.name === results.bundles.floor.name;
    return { start, ratio, verdict: reference ? null : passFail(ratio <= COLD_START_TARGET_RATIO) };
  });
}

/** A Markdown table whose columns are padded, so it reads as well on a terminal as rendered. */
function table(header: string[], rows: string[][], numeric: boolean[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length), 3));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function costTable(operations: OperationCost[]): string {
  return table(
    ['Operation', 'Function', 'Calls', 'DynamoDB requests per call', 'Reads', 'Writes', 'RCU', 'WCU', 'p50 ms', 'p99 ms', 'Target', 'Result'],
    operations.map((o) => [
      o.name,
      o.group,
      String(o.calls),
      o.uniform ? o.requests : `${o.requests} (varies)`,
      span(o.reads),
      span(o.writes),
      units(o.readUnits),
      units(o.writeUnits),
      ms(o.p50Ms),
      ms(o.p99Ms),
      TARGET_TEXT[o.target],
      o.verdict,
    ]),
    [false, false, true, false, true, true, true, true, true, true, false, false],
  );
}

/** The AWS SDK v3 and what comes with it only through the SDK. */
const isSdk = (name: string) => /^@(aws-sdk|smithy|aws-crypto)\//.test(name);

function bundleTable({ functions, empty, floor }: BenchResults['bundles']): string {
  const row = (b: Bundle, verdict: string) => [
    b.name,
    kb(b.bytes),
    kb(b.sourceMapBytes),
    kb(b.packages.filter((p) => isSdk(p.name)).reduce((sum, p) => sum + p.bytes, 0)),
    kb(b.packages.find((p) => p.name === 'zod')?.bytes ?? 0),
    verdict,
  ];
  return table(
    ['Function', 'Bundle KB', 'Source map KB', 'of which AWS SDK v3 KB', 'of which zod KB', `Target ≤ ${BUNDLE_TARGET_KB} KB`],
    [...functions.map((b) => row(b, bundleVerdict(b))), row(floor, 'n/a (reference)'), row(empty, 'n/a (baseline)')],
    [false, true, true, true, true, false],
  );
}

const TOP_PACKAGES = 5;

function packagesTable({ functions }: BenchResults['bundles']): string {
  return table(
    ['Function', ...Array.from({ length: TOP_PACKAGES }, (_, i) => `#${i + 1}`)],
    functions.map((b) => [
      b.name,
      ...Array.from({ length: TOP_PACKAGES }, (_, i) => {
        const p = b.packages[i];
        return p ? `${p.name} ${kb(p.bytes)} KB (${Math.round((100 * p.bytes) / b.bytes)}%)` : '';
      }),
    ]),
  );
}

function coldStartTable(results: Pick<BenchResults, 'bundles' | 'coldStarts'>): string {
  const { functions, floor, empty } = results.bundles;
  const sizes = new Map([...functions, floor, empty].map((b) => [b.name, b.bytes]));
  return table(
    [
      'Function', 'Bundle KB', 'Wall p50 ms', 'Wall p90 ms', 'Import p50 ms', 'Import p90 ms', 'Wall vs empty',
      `Target ≤ ${COLD_START_TARGET_RATIO}×`,
    ],
    coldStartRatios(results).map(({ start, ratio, verdict }) => [
      start.name,
      kb(sizes.get(start.name) ?? 0),
      ms(start.wallMs.median),
      ms(start.wallMs.p90),
      ms(start.importMs.median),
      ms(start.importMs.p90),
      `${ratio.toFixed(2)}×`,
      verdict ?? (start.name === floor.name ? 'n/a (reference)' : 'n/a (baseline)'),
    ]),
    [false, true, true, true, true, true, true, false],
  );
}

function timerTable(rows: TimerRow[]): string {
  return table(
    ['Timer', 'Scenario', 'Execution', 'FireTimer', 'Transitions', `Target ≤ ${TRANSITIONS_PER_FIRING_TARGET} per firing`],
    rows.map((row) => {
      const verdict = timerVerdict(row);
      return [
        row.kind,
        row.scenario,
        row.execution?.status ?? 'not measured',
        row.execution?.outcome ?? '—',
        row.execution ? String(row.execution.transitions) : '—',
        verdict ?? 'n/a (not a firing)',
      ];
    }),
    [false, false, false, false, true, false],
  );
}

function typicalCaseSection(typical: TypicalCase | null): string {
  if (!typical) return 'Typical case: not measured (the bench lists why after the tables).';
  const perCase = `${typical.transitions} transitions × ${usd(USD_PER_1000_TRANSITIONS)} / 1,000 transitions = ${usd(typical.usdPerCase)} per case`;
  return [
    'Typical case, "created by e-mail, claimed, two replies, one customer reply, auto-closed" (a robot creating',
    'the case through `POST /cases` stands in for e-mail intake: both land in "to assign"):',
    '',
    ...typical.steps.map((step, i) => `${i + 1}. ${step}`),
    '',
    table(
      ['Execution', 'Lifecycle', 'Status', 'Transitions'],
      typical.executions.map((e) => [e.name.replace(/^.*-(g\d+)$/, '$1'), e.lifecycle, e.status, String(e.transitions)]),
      [false, false, false, true],
    ),
    '',
    table(
      ['Executions started', 'ABORTED', 'SUCCEEDED', 'FAILED', 'Transitions per case', `Step Functions $ per 1,000 cases`],
      [[
        String(typical.started), String(typical.aborted), String(typical.succeeded), String(typical.failed),
        String(typical.transitions), usd(typical.usdPer1000Cases),
      ]],
      [true, true, true, true, true, true],
    ),
    '',
    `Cost at list price (Standard workflows): ${perCase}, × 1,000 = ${usd(typical.usdPer1000Cases)} per 1,000 such cases.`,
    'The Lambda invocations of the timer path (schedule-timers per case change, fire-timer per firing) are billed',
    'separately and not included.',
  ].join('\n');
}

const BURST_TARGET: Record<BurstRound['burst'], string> = {
  create: 'all 201, every case number distinct',
  notes: `all 200, p99 < ${count(NOTES_P99_TARGET_MS)} ms`,
};
const SIZE_TARGET = `< ${count(RESPONSE_LIMIT_BYTES)} bytes (6 MB)`;

function burstTable(rounds: BurstRound[]): string {
  return table(
    ['Burst', 'Round', 'Attempted', 'Succeeded', 'Errors by status', 'p50 ms', 'p99 ms', 'Max ms', 'Case numbers', 'Target', 'Result'],
    rounds.map((r) => [
      BURST_NAME[r.burst],
      String(r.round),
      String(r.attempted),
      String(r.succeeded),
      errorText(r.errors),
      ms(r.p50Ms),
      ms(r.p99Ms),
      ms(r.maxMs),
      r.distinctNumbers === null ? '—' : `${r.distinctNumbers} of ${r.attempted} distinct`,
      BURST_TARGET[r.burst],
      r.verdict,
    ]),
    [false, true, true, true, false, true, true, true, false, false, false],
  );
}

function sizeTable(sizes: ResponseSize[]): string {
  return table(
    ['Response', 'Timeline entries', 'Pages read', 'Body bytes', 'Body as a JSON string, bytes', `Target ${SIZE_TARGET}`],
    sizes.map((s) => [s.request, String(s.entries), String(s.pages), count(s.bytes), count(s.payloadBytes), s.verdict]),
    [false, true, true, true, true, false],
  );
}

function summaryTable(results: BenchResults): string {
  const tally = (verdicts: (Verdict | null)[]) => (['PASS', 'FAIL'] as const).map((v) => String(verdicts.filter((x) => x === v).length));
  return table(
    ['Check', 'Target', 'PASS', 'FAIL'],
    [
      [
        'DynamoDB requests per operation',
        'mutations 1 write, ≤ 1 read; appends 1 GetItem + 1 UpdateItem + 1 PutItem; createCase + 1 counter UpdateItem; getCase GetItem + Query + PutItem; ' +
          'listTimeline GetItem + Query; queues 1 Query',
        ...tally(results.cost.operations.map((o) => o.verdict)),
      ],
      ['Bundle size', `≤ ${BUNDLE_TARGET_KB} KB per function`, ...tally(results.bundles.functions.map(bundleVerdict))],
      ['Cold import', `≤ ${COLD_START_TARGET_RATIO}× the empty handler's wall time`, ...tally(coldStartRatios(results).map((r) => r.verdict))],
      [
        'Step Functions transitions',
        `≤ ${TRANSITIONS_PER_FIRING_TARGET} per timer firing`,
        ...tally(results.timers.rows.map(timerVerdict)),
      ],
      ...(['create', 'notes'] as const).map((burst) => [
        `Concurrency: ${BURST_NAME[burst]}`,
        BURST_TARGET[burst],
        ...tally(results.concurrency.rounds.filter((r) => r.burst === burst).map((r) => r.verdict)),
      ]),
      ['Largest response', `${SIZE_TARGET}, Lambda's response limit`, ...tally(results.concurrency.sizes.map((s) => s.verdict))],
      [`Mail ingest, ${INGEST_MESSAGES} messages ${INGEST_BURST} at a time`, INGEST_TARGET, ...tally(results.mail.rounds.map((r) => r.verdict))],
      ['Mail latency, SMTP to "to assign"', LATENCY_TARGET, ...tally([results.mail.latency.verdict])],
      ['Memory of the largest message', LARGE_TARGET, ...tally([results.mail.large?.verdict ?? 'FAIL'])],
      ['Console JS on first load', FIRST_LOAD_TARGET, ...tally([results.web.size.verdict])],
      ['Widget script', WIDGET_TARGET, ...tally([results.web.widget.verdict])],
      ...results.web.visits.map((v) => [`"To assign" interactive, ${VISIT_NAME[v.visit]}`, INTERACTIVE_TARGET, ...tally([v.verdict])]),
    ],
    [false, false, true, true],
  );
}

const INGEST_TARGET = 'every message a case, no SMTP error, queue empty, no dead letter';
const LATENCY_TARGET = `p99 ≤ ${count(LATENCY_P99_TARGET_MS)} ms`;
const LARGE_TARGET = `peak RSS < ${PEAK_RSS_TARGET_RATIO}× the message`;
const seconds = (value: number | null) => (value === null ? '—' : value.toFixed(2));

function ingestTable(rounds: IngestRound[]): string {
  return table(
    [
      'Round', 'Messages', 'Connections at once', 'Last 250 after s', 'All in "to assign" after s', 'Messages/s', 'Errors by SMTP reply',
      'Queue pending', 'Dead letters', 'Target', 'Result',
    ],
    rounds.map((r) => [
      String(r.round),
      String(r.messages),
      String(INGEST_BURST),
      seconds(r.acceptedSeconds),
      seconds(r.visibleSeconds),
      r.messagesPerSecond === null ? '—' : r.messagesPerSecond.toFixed(1),
      errorText(r.errors),
      String(r.pending),
      String(r.deadLetters),
      INGEST_TARGET,
      r.verdict,
    ]),
    [true, true, true, true, true, true, false, true, true, false, false],
  );
}

function latencyTable(latency: MailLatency): string {
  return table(
    ['Messages', 'p50 ms', 'p99 ms', 'Max ms', 'Not in "to assign" at the first read', `Target ${LATENCY_TARGET}`],
    [[String(latency.messages), ms(latency.p50Ms), ms(latency.p99Ms), ms(latency.maxMs), String(latency.lateCases), latency.verdict]],
    [true, true, true, true, true, false],
  );
}

function largeMessageTable(large: LargeMessageIngestion | null): string {
  if (!large) return 'Largest message: not measured (the bench lists why after the tables).';
  return table(
    [
      'Message MB', 'Attachment MB (random bytes)', 'RSS before MB', 'Peak RSS MB', 'Peak − before MB', 'Peak ÷ message', 'Ingestion s',
      `Target ${LARGE_TARGET} (${mb(PEAK_RSS_TARGET_RATIO * large.messageBytes)} MB)`,
    ],
    [[
      mb(large.messageBytes),
      mb(large.attachmentBytes),
      mb(large.rssBeforeBytes),
      mb(large.peakRssBytes),
      mb(large.peakRssBytes - large.rssBeforeBytes),
      `${(large.peakRssBytes / large.messageBytes).toFixed(2)}×`,
      (large.ingestMs / 1000).toFixed(2),
      large.verdict,
    ]],
    [true, true, true, true, true, true, true, false],
  );
}

/** Packages below this are summed into one row, so the list shows what weighs without running on. */
const LISTED_PACKAGE_BYTES = 1024;

function ingestPackagesTable(bundles: BenchResults['bundles'] | undefined): string {
  const bundle = bundles?.functions.find((b) => b.name === 'ingest-mail');
  if (!bundle) return 'ingest-mail bundle: not built.';
  const listed = bundle.packages.filter((p) => p.bytes >= LISTED_PACKAGE_BYTES);
  const rest = bundle.packages.filter((p) => p.bytes < LISTED_PACKAGE_BYTES);
  const restBytes = rest.reduce((sum, p) => sum + p.bytes, 0);
  const share = (bytes: number) => `${((100 * bytes) / bundle.bytes).toFixed(1)}%`;
  return table(
    ['Package', 'KB', 'Share of the bundle'],
    [
      ...listed.map((p) => [p.name, kb(p.bytes), share(p.bytes)]),
      ...(rest.length > 0 ? [[`${rest.length} packages under ${kb(LISTED_PACKAGE_BYTES)} KB each`, kb(restBytes), share(restBytes)]] : []),
    ],
    [false, true, true],
  );
}

const FIRST_LOAD_TARGET = `≤ ${FIRST_LOAD_JS_TARGET_BYTES / 1024} KB gzipped`;
const WIDGET_TARGET = `≤ ${WIDGET_TARGET_BYTES / 1024} KB gzipped`;
const INTERACTIVE_TARGET = `p95 < ${count(INTERACTIVE_P95_TARGET_MS)} ms from navigation`;

function consoleSizeTable(size: ConsoleSize): string {
  return table(
    ['File', 'Loaded by index.html as', 'Bytes', 'Gzipped bytes', `Target: JS ${FIRST_LOAD_TARGET}`],
    [
      ...size.assets.map((a) => [a.path, a.loadedAs, count(a.bytes), count(a.gzipBytes), '']),
      ['All first-load JS', '', count(size.jsBytes), `${count(size.jsGzipBytes)} (${kb(size.jsGzipBytes)} KB)`, size.verdict],
    ],
    [false, false, true, true, false],
  );
}

function widgetSizeTable(widget: WidgetSize): string {
  return table(
    ['File', 'Bytes', 'Gzipped bytes', `Target: ${WIDGET_TARGET}`],
    [[widget.path, count(widget.bytes), `${count(widget.gzipBytes)} (${kb(widget.gzipBytes)} KB)`, widget.verdict]],
    [false, true, true, false],
  );
}

function queueTable(visits: QueueVisits[]): string {
  return table(
    ['Visit', 'Rounds', 'First link visible p50 ms', 'Interactive p50 ms', 'p95 ms', 'Max ms', `Target ${INTERACTIVE_TARGET}`],
    visits.map((v) => [VISIT_NAME[v.visit], String(v.rounds), ms(v.visibleP50Ms), ms(v.p50Ms), ms(v.p95Ms), ms(v.maxMs), v.verdict]),
    [false, true, true, true, true, true, false],
  );
}

const costSection = (cost: DynamoDbCostResult) => ['## 1. DynamoDB cost per API operation', '', costTable(cost.operations)];

const bundleSection = (bundles: BenchResults['bundles']) => [
  '## 2. Bundle size',
  '',
  bundleTable(bundles),
  '',
  `Largest packages per bundle (esbuild metafile, bytes in the minified output):`,
  '',
  packagesTable(bundles),
];

const coldStartSection = (results: Pick<BenchResults, 'bundles' | 'coldStarts'>) => ['## 3. Cold import', '', coldStartTable(results)];

const timerSection = (timers: TimerTransitionsResult) => [
  '## 4. Step Functions transitions',
  '',
  timerTable(timers.rows),
  '',
  typicalCaseSection(timers.typical),
];

const concurrencySection = (concurrency: ConcurrencyResult) => [
  '## 5. Concurrency on the local helpdesk',
  '',
  burstTable(concurrency.rounds),
  '',
  `Largest responses: a case with ${LARGE_CASE_NOTES} notes of ${count(LARGE_NOTE_CHARS)} characters each, read whole:`,
  '',
  sizeTable(concurrency.sizes),
];

const mailSection = (mail: MailResult, bundles: BenchResults['bundles'] | undefined) => [
  '## 6. E-mail channel on the local helpdesk',
  '',
  `Ingest throughput: ${INGEST_MESSAGES} messages from distinct senders per round, ${INGEST_BURST} SMTP connections at a time:`,
  '',
  ingestTable(mail.rounds),
  '',
  `Latency of one message at a time, from opening the SMTP connection to the 250 that follows ingestion:`,
  '',
  latencyTable(mail.latency),
  '',
  'Memory of one ingestion of the largest message SES takes, in a fresh process running the ingest-mail bundle (MB of 1,048,576 bytes):',
  '',
  largeMessageTable(mail.large),
  '',
  `What the ingest-mail bundle holds (esbuild metafile, bytes in the minified output):`,
  '',
  ingestPackagesTable(bundles),
];

const webSection = (web: WebConsoleResult) => [
  '## 7. Agent console in Chromium',
  '',
  'First load: what the built `web/dist/console/index.html` loads before the app runs (gzip at zlib\'s default level):',
  '',
  consoleSizeTable(web.size),
  '',
  "The embeddable widget (`web/widget/`), the one script a tenant's site loads, from the same build:",
  '',
  widgetSizeTable(web.widget),
  '',
  `The "to assign" queue (${QUEUE_CASES} cases), from navigating to \`${QUEUE_PATH}\` to the queue answering \`j\`:`,
  '',
  queueTable(web.visits),
];

/** The seven result sections, as printed to the terminal and embedded in docs/performance.md. */
export function renderTables(results: BenchResults): string {
  return [
    '## Summary',
    '',
    summaryTable(results),
    '',
    ...costSection(results.cost),
    '',
    ...bundleSection(results.bundles),
    '',
    ...coldStartSection(results),
    '',
    ...timerSection(results.timers),
    '',
    ...concurrencySection(results.concurrency),
    '',
    ...mailSection(results.mail, results.bundles),
    '',
    ...webSection(results.web),
  ].join('\n');
}

/** The sections a partial run measured, for the terminal only: without the others there is no summary. */
export function renderSections(m: MeasuredSections): string {
  const { bundles, coldStarts } = m;
  return [
    m.cost && costSection(m.cost),
    bundles && coldStarts && [...bundleSection(bundles), '', ...coldStartSection({ bundles, coldStarts })],
    m.timers && timerSection(m.timers),
    m.concurrency && concurrencySection(m.concurrency),
    m.mail && mailSection(m.mail, bundles),
    m.web && webSection(m.web),
  ]
    .filter((lines): lines is string[] => Array.isArray(lines))
    .map((lines) => lines.join('\n'))
    .join('\n\n');
}

/** docs/performance.md: fixed sections in a fixed order, so two runs differ only in their numbers. */
export function renderDocument(results: BenchResults): string {
  const { machine } = results;
  return `# Performance

Generated by \`npm run bench\` (\`bench/run.ts\`); rerun it rather than editing this file. The numbers
vary from run to run and machine to machine; the structure does not.

## Machine

${table(
  ['Item', 'Value'],
  [
    ['Command', results.command],
    ['Date', machine.date],
    ['Node', machine.node],
    ['nproc', machine.nproc],
    ['CPU', machine.cpu],
    ['esbuild', machine.esbuild],
    ['DynamoDB Local', machine.dynamoDbLocal],
    ['Chromium', results.web.chromium],
    ['Calls per operation', `${results.calls}, after a warm-up pass of ${results.warmupCalls} per operation`],
    ['Cold-import runs', `${results.runs} per bundle, after one unrecorded run each`],
    ['Timer clock', `${results.timers.timeScale}× real time (a day lasts ${(86_400 * results.timers.timeScale).toFixed(3)} s)`],
    ['Concurrency rounds', `${ROUNDS} per burst, after ${WARMUP_ROUNDS} unrecorded warm-up rounds each`],
    [
      'Mail rounds',
      `${INGEST_ROUNDS} of ${INGEST_MESSAGES} messages and ${LATENCY_MESSAGES} single messages, after an unrecorded burst of ${INGEST_BURST} ` +
        `and ${LATENCY_WARMUP_MESSAGES} single messages`,
    ],
    ['Console rounds', `${WEB_ROUNDS} per kind of visit, after ${WEB_WARMUP_ROUNDS} unrecorded rounds each`],
  ],
)}

## What is measured

- **DynamoDB cost per API operation.** Every route in \`functions/routes.ts\` (each queue of \`listQueue\`
  separately; a route without an operation fails the bench) is called through its function's \`routeHandlers\`,
  wrapped by \`groupHandler\` exactly as the entry wraps them, with an API Gateway HTTP API (payload 2.0) event
  carrying the JWT authorizer's claims. The stores run on DynamoDB Local (in memory) through a client whose
  middleware forces \`ReturnConsumedCapacity: TOTAL\` and records every request. Each command, and getCase,
  gets a fresh case in the right status, set up outside the timed call; listQueue and listTimeline read the
  same full page every call (a queue of 30 cases; a case with more entries than a page of 50). Any answer
  other than the route's 2xx status fails the bench.
  - *Target*: a case command is one read and one write. createCase reserves its number with one UpdateItem
    (\`ADD\` on the counter) before its TransactWriteItems, after a BatchGetItem of the customer aliases that
    links it to a known customer. getCase reads the case (GetItem) and its newest 50 entries (Query), then
    records the agent's recent access (PutItem); listTimeline is the same two reads for any page.
  - *Reads / Writes*: read requests (GetItem, BatchGetItem, Query) and write requests (PutItem,
    UpdateItem, TransactWriteItems, …) per call; a range means calls differed.
  - *RCU / WCU*: mean capacity units per call as DynamoDB Local reports them, index writes included.
    The request counts are exact; the WCU of a TransactWriteItems is not: DynamoDB Local reports 2 WCU
    for a transaction of one, two or four small puts alike, where DynamoDB bills 2 WCU per item and KB.
    Read the WCU of transactional writes as a lower bound.
  - *p50 / p99*: the handler invocation, in process, including the round trips to DynamoDB Local on this
    machine: compare operations with each other, not with latency in AWS.
- **Bundle size.** Each function (one per route group, timer function and mail function, \`functions/entries/<name>.ts\`) and an empty
  handler, bundled by esbuild with the options \`lib/handler-function.ts\` gives CDK (\`HANDLER_BUNDLING\`),
  into \`bench/out/\`. Sizes are of the minified \`index.mjs\` in KB of 1,024 bytes; package shares come from
  esbuild's metafile. The *platform floor* (\`bench/platform-floor-handler.ts\`) is a reference, not a
  function: a handler that sets up only what every function loads before its own code, the DynamoDB
  document client, the Powertools logger and zod.
- **Cold import.** For each bundle, fresh \`node\` processes (with \`NODE_OPTIONS=--enable-source-maps\`, as
  deployed) that import it and exit. *Wall* is the whole process as the parent sees it; *Import* is the
  \`await import()\` alone, timed inside the process. The target compares the median wall time with the
  empty handler's. This is local Node, not Lambda's runtime (nodejs24.x, which does more before it
  imports the handler), so read the ratio rather than the milliseconds. The platform floor's row says how
  much of that ratio no function can shed while it uses those three packages.
- **Step Functions transitions.** The local helpdesk (\`startLocalHelpdesk\`, in memory) runs the real timer
  path: the table's stream feeds schedule-timers, which starts and stops executions through the Step
  Functions API; the executions run \`statemachines/case-timer.asl.json\` (aws-local-stepfunctions) and
  invoke fire-timer. Only the Wait is shortened (the timer clock above); every due time and state is the
  real one. Cases are driven over HTTP with the local tokens, one case per timer kind; after each step the
  bench polls until the case status or the execution the step implies is there, and reads the counts once
  the case's executions have been quiet for a moment. A case's executions are those named
  \`<caseId>-g<generation>\`.
  - *Transitions*: the runtime's count of states entered plus retries, as Step Functions bills Standard
    workflows. The target holds each firing to at most ${TRANSITIONS_PER_FIRING_TARGET}; a superseded timer (stopped in its Wait) is
    reported without one.
  - The ASL's worst case, not exercised here, is a firing that fails every retry: Wait, FireTimer and its
    6 retries, RecordFailure and its 3, TimerFailed = 13 transitions.
  - A case that never reaches the expected status, or executions other than those its scenario implies,
    fail the bench.
- **Concurrency on the local helpdesk.** Another in-memory local helpdesk (\`startLocalHelpdesk\`, timers in
  real time) is called over HTTP with the local tokens, so its HTTP server, the function handlers and
  DynamoDB Local are all in the path; the requests come from the same Node process as the server. A burst
  sends all its requests at once and times each from sending to the last byte of its answer: ${CONCURRENT_CREATES} \`POST /cases\`
  as the robot, and ${CONCURRENT_NOTES} \`POST /cases/{id}/notes\` as the agent on one fresh case without \`If-Match\`, where
  the first note to land puts the case In Progress (a full write) and the others lose that race once; they
  decide again at once and land as appends, which do not conflict with each other (docs/data-model.md, #3a),
  waiting out a jittered backoff only before a full write (${BUSY_CASE_RETRY.budgetMs / 1000} s budget, \`functions/shared/retry-on-conflict.ts\`). Each burst
  runs ${ROUNDS} recorded rounds, reported one row each (not aggregated), after ${WARMUP_ROUNDS} unrecorded warm-up rounds
  (DynamoDB Local's JVM needs a few hundred requests to reach speed), with a second's pause after each burst
  for the stream poller. p99 is nearest-rank, so for ${CONCURRENT_NOTES} requests it is the slowest one.
  - *Results*: a burst that misses its target is a FAIL row; so is a note refused with 409
    \`version_conflict\` because its retries ran out of budget, since the target is that every note lands.
    Any other answer than 201 / 200 fails the bench. The case numbers must differ across rounds too.
  - *Largest response*: ${LARGE_CASE_NOTES} notes of ${count(LARGE_NOTE_CHARS)} characters each (the longest a note may be) are added to a
    case one by one; then \`GET /cases/{id}\` is read, and \`GET /cases/{id}/timeline\` page by page from the
    newest (default limit) until there is no cursor, which must have returned every entry once. The target
    applies to the body as a JSON string, the form it takes in the function's response payload; Lambda
    refuses a payload over 6 MB (status and headers add a few hundred bytes). A page is bounded to about
    1 MB of entries (\`MAX_TIMELINE_PAGE_BYTES\`).
- **E-mail channel on the local helpdesk.** A third in-memory local helpdesk takes mail as the cloud does: its
  SMTP listener (standing in for SES receiving) stores each message under \`raw/\` in the local S3 bucket with the
  headers SES prepends and hands the S3 notification, as an SQS event, to the local mail queue, which runs the
  ingest-mail handler module CDK bundles against DynamoDB Local. Messages are sent with nodemailer from the bench's
  process, which also runs the listener, the handlers and the HTTP server; each goes on an SMTP connection of its own and from a sender of its own (so each makes a new customer and a
  new case, acknowledged by mail as the tenant's settings ask). The listener answers the message's data with 250
  only after the handler has run once; a first delivery that fails still gets 250 and is retried by the queue (1, 2,
  4, 8 s), so acceptance alone proves nothing: each case is also looked for in "to assign"
  (\`GET /queues/to-assign\` as the agent, every page through the cursor). Before anything is recorded, one burst
  of ${INGEST_BURST} and ${LATENCY_WARMUP_MESSAGES} single messages warm DynamoDB Local's JVM up.
  - *Ingest throughput*: ${INGEST_ROUNDS} rounds, one row each, of ${INGEST_MESSAGES} messages sent ${INGEST_BURST} at a time (a burst of ${INGEST_BURST} connections at
    once, the next burst when all have their answer). The clock runs from the first connection opened to the end of
    the read of "to assign" that lists every case of the round; the queue is read every ${POLL_INTERVAL_MS} ms after the last 250,
    and the time of that read (a few pages) is included. *Messages/s* is the round's messages over that time.
    A round passes only with every message answered 250, every case listed, nothing pending in the local mail queue
    and no new dead letter; anything else also fails the bench. A first delivery that failed and was retried in time
    is not counted as an error, but shows as a round several seconds slower.
  - *Latency*: ${LATENCY_MESSAGES} messages one after the other, each timed from opening its connection to the 250; the SMTP
    handshake is in the time, as it is in every delivery. Since the 250 follows ingestion, this is the time to the
    case being written; one read of "to assign" right after the 250 confirms the case is listed. Timing to the 250
    rather than polling the queue keeps the poll interval and the cost of the reads out of every sample. A case not listed
    yet is counted under *Not in "to assign" at the first read* and timed instead to the read (every ${POLL_INTERVAL_MS} ms) that
    lists it. p99 is nearest-rank, so for ${LATENCY_MESSAGES} messages it is the slowest one.
  - *Memory of the largest message*: a message just under the largest SES takes (${count(SES_MAX_MESSAGE_BYTES)} bytes, with 1 KB spare), a short text part and
    one attachment of random bytes (incompressible, as an archive or a scan is) in base64 lines of 76 characters,
    is stored under \`raw/\` with SES's headers by the bench. A fresh \`node\` (\`NODE_OPTIONS=--enable-source-maps\`, as
    deployed) imports the ingest-mail bundle of section 2 and calls its handler once with the queue's event, against
    the helpdesk's DynamoDB Local and S3 (the environment the local runtime gives its functions). *RSS before* is the
    process's resident set after the import, just before the call; *Peak RSS* is the kernel's high-water mark for
    the process (\`VmHWM\` in \`/proc/self/status\`, read after the call), or the highest of the samples of
    \`process.memoryUsage.rss()\` taken every 10 ms if that is higher; the high-water mark also catches a peak inside
    a synchronous stretch, which no sample can. Not \`process.resourceUsage().maxRSS\`: Linux starts a child's maxRSS at
    the resident set its parent had when it forked, here the bench's own process, which can be larger than the function's
    peak. The target holds the absolute peak, import included, to
    ${PEAK_RSS_TARGET_RATIO} times the message; the functions have 512 MB (\`lib/handler-function.ts\`). *Ingestion* is the handler call: reading the object,
    parsing, storing the attachment and the text, and writing the case. The case must then be listed in "to assign";
    a failed ingestion fails the bench.
  - *What the ingest-mail bundle holds*: the packages of its bundle in section 2, largest first; those under 1 KB
    are summed in one row.
- **Agent console in Chromium.** The console is built first with \`npm run build:web\` (Vite, \`web/vite.config.ts\`),
  so both parts measure the build \`npm start\` serves and CDK uploads.
  - *First load*: the files the built \`index.html\` names, read from \`web/dist/console/\`: its \`<script type="module">\`,
    any \`<link rel="modulepreload">\` and its stylesheets. A chunk the app imports later, on demand, is not first-load
    weight and is not listed, nor is the page itself. *Gzipped bytes* are each file gzipped by \`node:zlib\` at its default
    level, as a server compresses it on the wire (Vite's build report differs a little: its gzip comes out some tens of
    bytes apart, and its kB are of 1,000 bytes). The target holds the JavaScript's sum to ${FIRST_LOAD_JS_TARGET_BYTES / 1024} KB of 1,024 bytes; the stylesheet is
    listed, not counted. The widget's script (\`web/dist/widget/helpdesk-widget.js\`, the whole widget: Preact, the form,
    its styles and both languages) is gzipped the same way and held to ${WIDGET_TARGET_BYTES / 1024} KB.
  - *The queue*: a fourth in-memory local helpdesk (\`startLocalHelpdesk\`) serves the build at \`/console/\` as \`npm start\`
    does, with ${QUEUE_CASES} cases filed by the robot over HTTP in "to assign". Headless Chromium (\`CHROMIUM_PATH\`, else
    \`/usr/bin/chromium\`), driven by Playwright from the bench's process, which also runs the helpdesk, signs in once as
    Ala through the local sign-in page; the console keeps the token in the tab's sessionStorage, so every later
    navigation of the tab starts signed in. Each round leaves for \`about:blank\`, then times a full navigation to
    \`${QUEUE_PATH}\` from just before \`page.goto\` until the queue answers input: its first case link is visible (checked
    every animation frame), and a press of \`j\`, a real key event through the DevTools protocol pressed again until it
    takes, has put the focus on a case link. *First link visible* stops the clock at the first of the two. The time
    includes the page, its scripts and stylesheet, \`config.json\`, \`GET /queues/to-assign\` through the handler and
    DynamoDB Local, rendering, and the round trips to the browser of the checks and key presses. It is all on loopback, with
    no network latency or bandwidth limit: over a real network, add the round trips.
  - *First visit* has the HTTP cache turned off (DevTools' "Disable cache"), so every round fetches every file as a new
    agent's browser does; *return visit* takes the scripts and the stylesheet from the cache, where the server's
    \`immutable\` cache-control keeps them. Each runs ${WEB_ROUNDS} recorded rounds after ${WEB_WARMUP_ROUNDS} unrecorded ones; p95 is nearest-rank
    (rank ⌈0.95 × ${WEB_ROUNDS}⌉ = ${Math.ceil(0.95 * WEB_ROUNDS)}, fastest first). A round not interactive within ${ROUND_TIMEOUT_MS / 1000} s, a script the queue loads
    that the first-load list leaves out (from the page's resource timing), or another build replacing
    \`web/dist/console\` during the rounds fails the bench.

${renderTables(results)}
`;
}
