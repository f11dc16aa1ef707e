import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { appDir } from '../local/web/web-apps-site.ts';
import { WIDGET } from '../web/apps.ts';
import { REPO_ROOT } from './entries.ts';
import type { Verdict } from './targets.ts';

const CONSOLE_DIR = appDir('console');

/** The target: the JavaScript the console's first page loads, gzipped, stays within 60 KB. */
export const FIRST_LOAD_JS_TARGET_BYTES = 60 * 1024;
/** The console's base path (web/vite.config.ts): index.html names its assets under it. */
const BASE = '/console/';
const LINK_RELS: Record<string, ConsoleAsset['loadedAs']> = { modulepreload: 'module preload', stylesheet: 'stylesheet' };

export interface ConsoleAsset {
  /** As index.html names it, e.g. "/console/assets/index-DmsNW1gA.js". */
  path: string;
  loadedAs: 'module script' | 'module preload' | 'stylesheet';
  bytes: number;
  /** node:zlib's gzip at its default level, as a server or CDN compresses the file on the wire. */
  gzipBytes: number;
}

export interface ConsoleSize {
  assets: ConsoleAsset[];
  jsBytes: number;
  jsGzipBytes: number;
  verdict: Verdict;
}

/** The target: the widget's one script, gzipped, stays within 30 KB: it loads on every page of a tenant's site. */
export const WIDGET_TARGET_BYTES = 30 * 1024;

export interface WidgetSize {
  /** As a tenant's page names it: /widget/helpdesk-widget.js. */
  path: string;
  bytes: number;
  gzipBytes: number;
  verdict: Verdict;
}

/** `npm run build:web`, as npm start and CI run it: the sizes and the browser rounds are of that build. */
export function buildConsole(): void {
  const result = spawnSync('npm', ['run', '--silent', 'build:web'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build:web failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
}

/** The built page, which names the current assets by their content hashes. */
export const readConsoleIndex = (): string => readFileSync(join(CONSOLE_DIR, 'index.html'), 'utf8');

/**
 * The scripts and stylesheets the built index.html makes the browser load before the app can run:
 * its module script, the chunks Vite lists for preloading, and its stylesheets. A chunk the app
 * imports later, on demand, is not first-load weight and is not listed.
 */
export function measureConsoleSize(html: string): ConsoleSize {
  const assets = firstLoadPaths(html).map(({ path, loadedAs }) => {
    const content = readFileSync(join(CONSOLE_DIR, path.slice(BASE.length)));
    return { path, loadedAs, bytes: content.length, gzipBytes: gzipSync(content).length };
  });
  const js = assets.filter((a) => a.loadedAs !== 'stylesheet');
  if (js.length === 0) throw new Error(`web/dist/console/index.html loads no module script: the size would measure nothing`);
  const jsGzipBytes = js.reduce((sum, a) => sum + a.gzipBytes, 0);
  return {
    assets,
    jsBytes: js.reduce((sum, a) => sum + a.bytes, 0),
    jsGzipBytes,
    verdict: jsGzipBytes <= FIRST_LOAD_JS_TARGET_BYTES ? 'PASS' : 'FAIL',
  };
}

/** Every `<script type="module" src>`, `<link rel="modulepreload" href>` and `<link rel="stylesheet" href>`, in page order. */
function firstLoadPaths(html: string): Pick<ConsoleAsset, 'path' | 'loadedAs'>[] {
  const found: Pick<ConsoleAsset, 'path' | 'loadedAs'>[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    const loadedAs = tag.startsWith('<script') ? (attribute('type') === 'module' ? 'module script' : undefined) : LINK_RELS[attribute('rel') ?? ''];
    const path = attribute('src') ?? attribute('href');
    if (!loadedAs || !path) continue;
    if (!path.startsWith(BASE)) throw new Error(`index.html loads ${path}, outside ${BASE}: the bench reads only the build's own files`);
    found.push({ path, loadedAs });
  }
  return found;
}

/** The widget's script from the same build, gzipped as the console's files are. */
export function measureWidgetSize(): WidgetSize {
  const content = readFileSync(join(appDir(WIDGET.dir), WIDGET.file));
  const gzipBytes = gzipSync(content).length;
  return { path: WIDGET.path, bytes: content.length, gzipBytes, verdict: gzipBytes <= WIDGET_TARGET_BYTES ? 'PASS' : 'FAIL' };
}
