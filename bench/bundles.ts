import { statSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { cdkEsbuildOptions } from '../lib/esbuild-options.ts';
import { bundledEntries, OUT_DIR, REPO_ROOT } from './entries.ts';

/** The bundle every function is compared with: a handler that imports nothing. */
export const EMPTY_HANDLER = { name: 'empty handler', path: 'bench/empty-handler.ts' } as const;
/** A reference, not a target: what every function loads before its own code (bench/platform-floor-handler.ts). */
export const PLATFORM_FLOOR = { name: 'platform floor', path: 'bench/platform-floor-handler.ts' } as const;

export interface PackageShare {
  /** npm package name, or "(own code)" for the repository's files. */
  name: string;
  bytes: number;
}

export interface Bundle {
  name: string;
  /** Absolute path of the bundled `index.mjs`. */
  file: string;
  bytes: number;
  sourceMapBytes: number;
  /** Every package in the bundle, largest first. */
  packages: PackageShare[];
}

/** Bundles each function's entry, the empty handler and the platform floor exactly as CDK would, into bench/out/. */
export async function bundleAll(): Promise<{ functions: Bundle[]; empty: Bundle; floor: Bundle }> {
  const functions = await Promise.all(bundledEntries().map(({ name, path }) => bundle(name, path)));
  return { functions, empty: await bundle(EMPTY_HANDLER.name, EMPTY_HANDLER.path), floor: await bundle(PLATFORM_FLOOR.name, PLATFORM_FLOOR.path) };
}

async function bundle(name: string, entry: string): Promise<Bundle> {
  // CDK names an ESM bundle index.mjs; the extension is also what makes Node load it as ESM.
  const outfile = join(OUT_DIR, name.replace(/\W+/g, '-'), 'index.mjs');
  const result = await build({
    ...cdkEsbuildOptions(),
    absWorkingDir: REPO_ROOT,
    entryPoints: [join(REPO_ROOT, entry)],
    outfile,
    metafile: true,
    logLevel: 'warning',
  });
  return {
    name,
    file: outfile,
    bytes: statSync(outfile).size,
    sourceMapBytes: statSync(`${outfile}.map`).size,
    packages: packageShares(result.metafile, outfile),
  };
}

function packageShares(metafile: Metafile, outfile: string): PackageShare[] {
  const output = Object.entries(metafile.outputs).find(([path]) => join(REPO_ROOT, path) === outfile)?.[1];
  if (!output) throw new Error(`esbuild's metafile has no output ${outfile}`);
  const totals = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = packageOf(path);
    totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
  }
  return [...totals.entries()].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** The package a metafile input belongs to; the innermost node_modules wins for nested copies. */
export function packageOf(inputPath: string): string {
  const parts = inputPath.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at === -1) return '(own code)';
  const name = parts[at + 1] ?? '';
  return name.startsWith('@') ? `${name}/${parts[at + 2] ?? ''}` : name;
}
