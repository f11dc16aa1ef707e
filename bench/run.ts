import './environment.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { type Bundle, bundleAll } from './bundles.ts';
import { measureConcurrency } from './concurrency.ts';
import { measureColdStarts } from './cold-start.ts';
import { measureDynamoDbCost, WARMUP_CALLS } from './dynamodb-cost.ts';
import { REPO_ROOT } from './entries.ts';
import { describeMachine } from './machine.ts';
import { measureMail } from './mail.ts';
import { type BenchResults, renderDocument, renderSections, renderTables } from './report.ts';
import { measureTimerTransitions, TIME_SCALE } from './timer-transitions.ts';
import { measureWebConsole } from './web-console.ts';

const DEFAULT_CALLS = 200;
const DEFAULT_RUNS = 15;
/** "bundles" is bundle size and cold import together: the one needs the other's bundles. */
const SECTIONS = ['cost', 'bundles', 'timers', 'concurrency', 'mail', 'web'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: String(DEFAULT_CALLS) },
    runs: { type: 'string', default: String(DEFAULT_RUNS) },
    only: { type: 'string' },
  },
});
const calls = Number(values.calls);
const runs = Number(values.runs);
const only = values.only?.split(',').map((name) => name.trim());
if (
  !Number.isInteger(calls) || calls < 1 || !Number.isInteger(runs) || runs < 1 ||
  (only && (only.length === 0 || only.some((name) => !(SECTIONS as readonly string[]).includes(name))))
) {
  console.error(
    `usage: npm run bench [-- --calls <n, default ${DEFAULT_CALLS}>] [--runs <n, default ${DEFAULT_RUNS}>] ` +
      `[--only <${SECTIONS.join('|')}>[,…] (prints those sections; docs/performance.md is written only by a full run)]`,
  );
  process.exit(2);
}
const selected = new Set<string>(only ?? SECTIONS);
const wants = (section: Section) => selected.has(section);
const log = (line: string) => console.log(line);
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

try {
  const cost = wants('cost') ? await step(`DynamoDB cost: ${calls} calls per operation on DynamoDB Local`, () => measureDynamoDbCost({ calls, log })) : undefined;
  // The mail section ingests its large message with the ingest-mail bundle, so it needs the bundles too.
  const bundles = wants('bundles') || wants('mail') ? await step('Bundling each function as CDK does', bundleAll) : undefined;
  const coldStarts =
    wants('bundles') && bundles
      ? await step(`Cold import: ${runs} fresh node processes per bundle`, () => measureColdStarts([...bundles.functions, bundles.floor, bundles.empty], runs))
      : undefined;
  const timers = wants('timers')
    ? await step(`Step Functions transitions: local helpdesk, timers at ${TIME_SCALE}× real time`, () => measureTimerTransitions({ log }))
    : undefined;
  const concurrency = wants('concurrency')
    ? await step('Concurrency: bursts and large responses over HTTP on the local helpdesk', () => measureConcurrency({ log }))
    : undefined;
  const mail =
    wants('mail') && bundles
      ? await step('Mail: SMTP bursts, single messages and the largest message SES takes, on the local helpdesk', () =>
          measureMail({ log, ingestBundle: ingestBundleOf(bundles.functions) }),
        )
      : undefined;
  const web = wants('web')
    ? await step('Agent console: first-load size of the build, and the "to assign" queue in Chromium on the local helpdesk', () => measureWebConsole({ log }))
    : undefined;

  log('');
  // A wrong status, or a timer that never fired, means the numbers describe something else: they must not become the record.
  // A slow burst is a finding, not a broken measurement: it is a FAIL row in the document.
  const failures = [
    ...(cost?.failures ?? []), ...(timers?.failures ?? []), ...(concurrency?.failures ?? []), ...(mail?.failures ?? []), ...(web?.failures ?? []),
  ];
  if (only || !cost || !bundles || !coldStarts || !timers || !concurrency || !mail || !web) {
    log(renderSections({ cost, bundles, coldStarts, timers, concurrency, mail, web }));
    log('');
    if (failures.length > 0) console.error(`Bench failed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
    log(`Only ${[...selected].join(', ')}: docs/performance.md is written only by the full run (${elapsed()} elapsed)`);
    process.exitCode = failures.length > 0 ? 1 : 0;
  } else {
    const command = calls === DEFAULT_CALLS && runs === DEFAULT_RUNS ? 'npm run bench' : `npm run bench -- --calls ${calls} --runs ${runs}`;
    const results: BenchResults = {
      command, machine: describeMachine(), calls, warmupCalls: WARMUP_CALLS, runs, cost, bundles, coldStarts, timers, concurrency, mail, web,
    };
    log(renderTables(results));
    log('');
    if (failures.length > 0) {
      console.error(`Bench failed; docs/performance.md left as it was:\n${failures.map((f) => `  ${f}`).join('\n')}`);
      process.exitCode = 1;
    } else {
      mkdirSync(join(REPO_ROOT, 'docs'), { recursive: true });
      writeFileSync(join(REPO_ROOT, 'docs', 'performance.md'), renderDocument(results));
      log(`Wrote docs/performance.md (${elapsed()} elapsed)`);
    }
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}

async function step<T>(title: string, measure: () => T | Promise<T>): Promise<T> {
  log(`${title} (${elapsed()} elapsed)`);
  return measure();
}

function ingestBundleOf(functions: Bundle[]): string {
  const bundle = functions.find((b) => b.name === 'ingest-mail');
  if (!bundle) throw new Error('no ingest-mail bundle: bench/entries.ts must list the mail functions');
  return bundle.file;
}
