import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from './entries.ts';
import { median, percentile } from './stats.ts';

const RUNNER = join(REPO_ROOT, 'bench', 'import-once.mjs');
/** As lib/handler-function.ts sets it for every function, so the import pays what Lambda's does. */
const LAMBDA_NODE_OPTIONS = '--enable-source-maps';

export interface Distribution {
  median: number;
  p90: number;
}

export interface ColdStart {
  name: string;
  /** The whole `node` process: start-up, import, exit. */
  wallMs: Distribution;
  /** `await import()` alone, timed inside the process. */
  importMs: Distribution;
}

/**
 * Starts a fresh `node` per run that imports one bundle and exits. Runs go round-robin over the
 * bundles, so drift in the machine's load spreads over all of them instead of skewing one.
 */
export function measureColdStarts(bundles: { name: string; file: string }[], runs: number): ColdStart[] {
  const wall = new Map<string, number[]>(bundles.map((b) => [b.name, []]));
  const imports = new Map<string, number[]>(bundles.map((b) => [b.name, []]));
  // One unrecorded run each first: the first read of a file comes from disk, later ones from the page cache.
  for (const bundle of bundles) importOnce(bundle.file);
  for (let run = 0; run < runs; run++) {
    for (const bundle of bundles) {
      const { wallMs, importMs } = importOnce(bundle.file);
      wall.get(bundle.name)!.push(wallMs);
      imports.get(bundle.name)!.push(importMs);
    }
  }
  return bundles.map(({ name }) => ({ name, wallMs: distribution(wall.get(name)!), importMs: distribution(imports.get(name)!) }));
}

function importOnce(file: string): { wallMs: number; importMs: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, [RUNNER, file], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: LAMBDA_NODE_OPTIONS },
  });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`importing ${file} failed (exit ${result.status}):\n${result.stderr}`);
  const { importMs } = JSON.parse(result.stdout) as { importMs: number };
  return { wallMs, importMs };
}

const distribution = (values: number[]): Distribution => ({ median: median(values), p90: percentile(values, 90) });
