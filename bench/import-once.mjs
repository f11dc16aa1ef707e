// Imports one bundle in a fresh process and reports how long the import took; nothing else runs.
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const started = performance.now();
await import(pathToFileURL(process.argv[2]).href);
process.stdout.write(JSON.stringify({ importMs: performance.now() - started }));
