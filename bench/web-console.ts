import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { type Browser, chromium, type Page } from '@playwright/test';
import type { LocalHelpdesk } from '../local/start.ts';
import { buildConsole, type ConsoleSize, measureConsoleSize, measureWidgetSize, readConsoleIndex, type WidgetSize } from './console-size.ts';
import { startBenchHelpdesk } from './local-helpdesk.ts';
import { COMPLETE_CASE } from './seed.ts';
import { percentile } from './stats.ts';
import type { Verdict } from './targets.ts';

/** Cases in "to assign" while the queue is timed: a working queue, well inside its first page of 50. */
export const QUEUE_CASES = 30;
export const WEB_ROUNDS = 20;
/** Unrecorded first, for each kind of visit: the first loads compile the scripts and warm the helpdesk's handlers. */
export const WEB_WARMUP_ROUNDS = 3;
export const INTERACTIVE_P95_TARGET_MS = 1_000;
/** A round slower than this is not slow but broken: the numbers do not hold. */
export const ROUND_TIMEOUT_MS = 15_000;
export const QUEUE_PATH = '/console/queues/to-assign';
/** As playwright.config.ts finds it: Debian's Chromium unless CHROMIUM_PATH names another. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A row's link to its case (web/console/router.ts's paths). */
const CASE_LINK = 'table a[href^="/console/cases/"]';

/** The little of the DOM the checks below use: bench/ is type-checked without the DOM's types. */
interface PageGlobals {
  document: {
    querySelector(selector: string): { checkVisibility(): boolean } | null;
    activeElement: { matches(selector: string): boolean } | null;
  };
}
// Sent to the page as their source, so each stands alone. Functions, not strings: Playwright evaluates a string with
// eval, which the console's CSP refuses.
const firstLinkShown = (selector: string) => (globalThis as unknown as PageGlobals).document.querySelector(selector)?.checkVisibility() === true;
const focusOnCaseLink = (selector: string) => (globalThis as unknown as PageGlobals).document.activeElement?.matches(selector) === true;
const loadedResources = () => performance.getEntriesByType('resource').map((entry) => entry.name);

export type Visit = 'first' | 'return';

export const VISIT_NAME: Record<Visit, string> = {
  first: 'first visit (HTTP cache off)',
  return: 'return visit (scripts from the HTTP cache)',
};

export interface QueueVisits {
  visit: Visit;
  /** Recorded rounds that became interactive; a round that did not is a failure. */
  rounds: number;
  /** From just before navigating to the first case link being visible. */
  visibleP50Ms: number;
  /** From just before navigating to `j` having moved the focus onto a case link. */
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  verdict: Verdict;
}

export interface WebConsoleResult {
  size: ConsoleSize;
  /** The embeddable widget's script, from the same build. */
  widget: WidgetSize;
  visits: QueueVisits[];
  /** The browser's version, for the machine table. */
  chromium: string;
  /** A round that never became interactive, a script the queue loaded that the size does not count, or a rebuild mid-run. */
  failures: string[];
}

/**
 * The agent console as an agent gets it: the build's first-load weight, then the "to assign" queue
 * opened in Chromium against an in-memory local helpdesk, timed until it answers the keyboard.
 */
export async function measureWebConsole(options: { log: (line: string) => void }): Promise<WebConsoleResult> {
  buildConsole();
  const index = readConsoleIndex();
  const size = measureConsoleSize(index);
  for (const asset of size.assets) {
    options.log(`  ${asset.path.padEnd(40)} ${asset.bytes} bytes, ${asset.gzipBytes} gzipped (${asset.loadedAs})`);
  }
  options.log(`  first-load JS: ${size.jsGzipBytes} bytes gzipped  ${size.verdict}`);
  const widget = measureWidgetSize();
  options.log(`  ${widget.path.padEnd(40)} ${widget.bytes} bytes, ${widget.gzipBytes} gzipped (the widget)  ${widget.verdict}`);
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The web section needs Chromium at ${CHROMIUM}, as the browser tests do; or point CHROMIUM_PATH at a Chromium or Chrome binary.`);
  }
  const helpdesk = await startBenchHelpdesk();
  let browser: Browser | undefined;
  try {
    await fillQueue(helpdesk);
    // Chromium's sandbox needs user namespaces, which CI containers running as root lack (as in playwright.config.ts).
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const page = await browser.newPage();
    const url = `${helpdesk.url}${QUEUE_PATH}`;
    await signIn(page, url);
    const failures: string[] = [];
    const firstLoad = new Set(size.assets.map((asset) => new URL(asset.path, helpdesk.url).href));
    const visits: QueueVisits[] = [];
    for (const visit of ['first', 'return'] as const) {
      const row = await timeVisits(page, url, visit, firstLoad, failures);
      options.log(
        `  ${VISIT_NAME[visit].padEnd(42)} ${row.rounds} rounds: visible p50 ${row.visibleP50Ms.toFixed(0)} ms, ` +
          `interactive p50 ${row.p50Ms.toFixed(0)} ms, p95 ${row.p95Ms.toFixed(0)} ms, max ${row.maxMs.toFixed(0)} ms  ${row.verdict}`,
      );
      visits.push(row);
    }
    // The local runtime serves whatever web/dist/console holds now; another `npm run build:web` in this working tree
    // (the browser tests run one) would have replaced the build under the rounds.
    if (readConsoleIndex() !== index) failures.push('web: web/dist/console was rebuilt during the rounds: they did not all time the build measured');
    return { size, widget, visits, chromium: browser.version(), failures };
  } finally {
    await browser?.close();
    await helpdesk.stop();
  }
}

/** Cases a robot files land in "to assign", unassigned, as mail and integrations leave them. */
async function fillQueue(helpdesk: LocalHelpdesk): Promise<void> {
  for (let i = 0; i < QUEUE_CASES; i++) {
    const response = await fetch(`${helpdesk.url}/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${helpdesk.tokens.robot}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...COMPLETE_CASE, title: `Queue case ${i + 1}: printer jams` }),
    });
    if (response.status !== 201) throw new Error(`POST /cases answered ${response.status} ${(await response.text()).slice(0, 200)}`);
  }
}

/**
 * Once, through the local sign-in page, as the browser tests do. The console keeps the token in the
 * tab's sessionStorage, so every later navigation of this page starts signed in.
 */
async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: /Ala/ }).click();
  const links = page.locator(CASE_LINK);
  await links.first().waitFor({ timeout: ROUND_TIMEOUT_MS });
  const shown = await links.count();
  if (shown !== QUEUE_CASES) throw new Error(`signed in, "to assign" shows ${shown} cases instead of ${QUEUE_CASES}`);
}

/**
 * WEB_WARMUP_ROUNDS then WEB_ROUNDS full navigations to the queue. A first visit has the HTTP cache
 * turned off (DevTools' "Disable cache"), so every round fetches the scripts as a new agent's browser
 * does; a return visit takes them from the cache, where their immutable cache-control keeps them.
 */
async function timeVisits(page: Page, url: string, visit: Visit, firstLoad: Set<string>, failures: string[]): Promise<QueueVisits> {
  const devTools = await page.context().newCDPSession(page);
  await devTools.send('Network.enable');
  await devTools.send('Network.setCacheDisabled', { cacheDisabled: visit === 'first' });
  const visible: number[] = [];
  const interactive: number[] = [];
  for (let round = 1 - WEB_WARMUP_ROUNDS; round <= WEB_ROUNDS; round++) {
    try {
      const timed = await timeRound(page, url);
      if (round > 0) {
        visible.push(timed.visibleMs);
        interactive.push(timed.interactiveMs);
      }
    } catch (error) {
      failures.push(`web, ${VISIT_NAME[visit]}, ${round > 0 ? `round ${round}` : 'warm-up'}: ${(error as Error).message.split('\n')[0]}`);
    }
    for (const script of (await page.evaluate(loadedResources)).filter((name) => /\.m?js$/.test(new URL(name).pathname))) {
      const failure = `web: the queue loaded ${script}, which index.html does not load: the first-load size leaves it out`;
      if (!firstLoad.has(script) && !failures.includes(failure)) failures.push(failure);
    }
  }
  await devTools.detach();
  const p95Ms = percentile(interactive, 95);
  return {
    visit,
    rounds: interactive.length,
    visibleP50Ms: percentile(visible, 50),
    p50Ms: percentile(interactive, 50),
    p95Ms,
    maxMs: Math.max(...interactive),
    verdict: interactive.length === WEB_ROUNDS && p95Ms < INTERACTIVE_P95_TARGET_MS ? 'PASS' : 'FAIL',
  };
}

/**
 * One navigation, timed from just before it starts until the queue answers input: its first case
 * link is visible, and `j` puts the focus on a case link. The page leaves for about:blank first, so
 * the previous round's page (its polling, its unload) is not in the time.
 */
async function timeRound(page: Page, url: string): Promise<{ visibleMs: number; interactiveMs: number }> {
  await page.goto('about:blank');
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit', timeout: ROUND_TIMEOUT_MS });
  // A predicate checked every animation frame, not a locator wait: Playwright backs those off to a check every 500 ms.
  await page.waitForFunction(firstLinkShown, CASE_LINK, { polling: 'raf', timeout: ROUND_TIMEOUT_MS });
  const visibleMs = performance.now() - started;
  // The rows can be painted before the effect that listens for keys has run: press until the focus lands.
  do {
    if (performance.now() - started > ROUND_TIMEOUT_MS) throw new Error(`j did not move the focus to a case link within ${ROUND_TIMEOUT_MS / 1000} s`);
    await page.keyboard.press('j');
  } while (!(await page.evaluate(focusOnCaseLink, CASE_LINK)));
  return { visibleMs, interactiveMs: performance.now() - started };
}
