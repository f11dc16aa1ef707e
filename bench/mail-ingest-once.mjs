// Runs the ingest-mail bundle once on one queue event in a fresh process and reports its memory: nothing else runs here,
// so the process's peak is the function's. Arguments: the bundle, the SQS event and the Lambda context (without its
// methods) as JSON, and the function's timeout in seconds.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { clearInterval, setInterval } from 'node:timers';
import { pathToFileURL } from 'node:url';

const SAMPLE_MS = 10;

/**
 * The kernel's high-water mark of this process's own memory (VmHWM, in kB). Not resourceUsage().maxRSS: Linux
 * starts a child's maxRSS at the resident set its parent had when it forked, so a bench process larger than the
 * function's peak would be reported in its place.
 */
function highWaterRssBytes() {
  const kB = /^VmHWM:\s*(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  if (kB === undefined) throw new Error('/proc/self/status has no VmHWM: the peak RSS is read from Linux');
  return Number(kB) * 1024;
}

const [bundle, eventJson, contextJson, timeoutSeconds] = process.argv.slice(2);
const { handler } = await import(pathToFileURL(bundle).href);
const event = JSON.parse(eventJson);
const deadline = Date.now() + Number(timeoutSeconds) * 1000;
// Middy aborts the handler when the remaining time runs out, as Lambda would.
const context = { ...JSON.parse(contextJson), getRemainingTimeInMillis: () => deadline - Date.now() };

const rssBeforeBytes = process.memoryUsage.rss();
let sampledPeakBytes = rssBeforeBytes;
// A sample only lands between turns of the event loop, so a synchronous stretch can hide a peak; the high-water mark below cannot miss it.
const sampler = setInterval(() => {
  sampledPeakBytes = Math.max(sampledPeakBytes, process.memoryUsage.rss());
}, SAMPLE_MS);
const started = performance.now();
const response = await handler(event, context);
const ingestMs = performance.now() - started;
clearInterval(sampler);
sampledPeakBytes = Math.max(sampledPeakBytes, process.memoryUsage.rss());
const report = {
  rssBeforeBytes,
  sampledPeakBytes,
  highWaterRssBytes: highWaterRssBytes(),
  ingestMs,
  failures: response.batchItemFailures.length,
};
// On a line of its own: the function's logger writes to stdout too.
process.stdout.write(`\n${JSON.stringify(report)}\n`);
