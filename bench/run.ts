import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { bundleAll } from './bundles.ts';
import { measureConcurrency } from './concurrency.ts';
import { measureColdStarts } from './cold-start.ts';
import { measureDynamoDbCost, WARMUP_CALLS } from './dynamodb-cost.ts';
import { REPO_ROOT } from './entries.ts';
import { describeMachine } from './machine.ts';
import { type BenchResults, renderDocument, renderTables } from './report.ts';
import { measureTimerTransitions, TIME_SCALE } from './timer-transitions.ts';

// The SDK's notice that its 2027 releases need Node 22 is known; printed mid-run it would only break up the output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const DEFAULT_CALLS = 200;
const DEFAULT_RUNS = 15;

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: String(DEFAULT_CALLS) },
    runs: { type: 'string', default: String(DEFAULT_RUNS) },
  },
});
const calls = Number(values.calls);
const runs = Number(values.runs);
if (!Number.isInteger(calls) || calls < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error(`usage: npm run bench [-- --calls <n, default ${DEFAULT_CALLS}>] [--runs <n, default ${DEFAULT_RUNS}>]`);
  process.exit(2);
}
const log = (line: string) => console.log(line);
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

try {
  log(`DynamoDB cost: ${calls} calls per operation on DynamoDB Local`);
  const cost = await measureDynamoDbCost({ calls, log });
  log(`Bundling each function as CDK does (${elapsed()} elapsed)`);
  const bundles = await bundleAll();
  log(`Cold import: ${runs} fresh node processes per bundle (${elapsed()} elapsed)`);
  const coldStarts = measureColdStarts([...bundles.functions, bundles.empty], runs);
  log(`Step Functions transitions: local helpdesk, timers at ${TIME_SCALE}× real time (${elapsed()} elapsed)`);
  const timers = await measureTimerTransitions({ log });
  log(`Concurrency: bursts and large responses over HTTP on the local helpdesk (${elapsed()} elapsed)`);
  const concurrency = await measureConcurrency({ log });
  const command = calls === DEFAULT_CALLS && runs === DEFAULT_RUNS ? 'npm run bench' : `npm run bench -- --calls ${calls} --runs ${runs}`;
  const results: BenchResults = {
    command, machine: describeMachine(), calls, warmupCalls: WARMUP_CALLS, runs, cost, bundles, coldStarts, timers, concurrency,
  };

  log('');
  log(renderTables(results));
  log('');
  // A wrong status, or a timer that never fired, means the numbers describe something else: they must not become the record.
  // A slow burst is a finding, not a broken measurement: it is a FAIL row in the document.
  const failures = [...cost.failures, ...timers.failures, ...concurrency.failures];
  if (failures.length > 0) {
    console.error(`Bench failed; docs/performance.md left as it was:\n${failures.map((f) => `  ${f}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    mkdirSync(join(REPO_ROOT, 'docs'), { recursive: true });
    writeFileSync(join(REPO_ROOT, 'docs', 'performance.md'), renderDocument(results));
    log(`Wrote docs/performance.md (${elapsed()} elapsed)`);
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
