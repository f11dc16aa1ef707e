// Runs the ingest-mail bundle once on one queue event in a fresh process and reports its memory: nothing else runs here,
// so the process's peak is the function's. Arguments: the bundle, the SQS event and the Lambda context (without its
// methods) as JSON, and the function's timeout in seconds.
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { clearInterval, setInterval } from 'node:timers';
import { pathToFileURL } from 'node:url';

const SAMPLE_MS = 10;

const [bundle, eventJson, contextJson, timeoutSeconds] = process.argv.slice(2);
const { handler } = await import(pathToFileURL(bundle).href);
const event = JSON.parse(eventJson);
const deadline = Date.now() + Number(timeoutSeconds) * 1000;
// Middy aborts the handler when the remaining time runs out, as Lambda would.
const context = { ...JSON.parse(contextJson), getRemainingTimeInMillis: () => deadline - Date.now() };

const rssBeforeBytes = process.memoryUsage.rss();
let sampledPeakBytes = rssBeforeBytes;
// A sample only lands between turns of the event loop, so a synchronous stretch can hide a peak; maxRSS below cannot miss it.
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
  // Linux reports the high-water mark in KiB.
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
  ingestMs,
  failures: response.batchItemFailures.length,
};
// On a line of its own: the function's logger writes to stdout too.
process.stdout.write(`\n${JSON.stringify(report)}\n`);
