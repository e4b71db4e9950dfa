/**
 * The extension in real Chromium (`npm run bench:browser`; needs `npm run build` first, into
 * WXT_OUT_DIR when that is set): one run, one table, figures for BENCHMARKS.md. A benchmark, not a
 * test: it prints what it measured against the budgets of issue 5 and fails only when a
 * measurement itself fails.
 *
 * Two browsers side by side, same binary and flags: one with the built extension (the end-to-end
 * harness), one without any (the baseline page, and mark.js, which gets a page of its own).
 *
 * 1. Page highlighting, on the typical article (the end-to-end article page) and on the long page
 *    (≈1 MB of Arabic in ≈5,000 paragraphs, bench/browser/pages.ts):
 *    - DOMContentLoaded → every mention highlighted: the content script's `[khabar] scanned`
 *      console line carries performance.now() of the document at the end of the first scan
 *      (`doneAt`); the page's navigation timing gives DOMContentLoaded on the same clock;
 *    - the longest task the extension causes: a CDP trace of the page's load (RunTask on the
 *      page's renderer main thread); the extension's time in a task is the union of its
 *      JavaScript events there (FunctionCall, script evaluation or compile from the content
 *      script's URL, and microtask checkpoints: the pages run no script of their own, which the
 *      baseline's trace confirms), with the style and layout they force; the whole task is
 *      reported too (a frame of the page may hold a requestAnimationFrame callback of ours);
 *    - the JS heap the content script adds: CDP Runtime.getHeapUsage after a forced GC, the page
 *      with the extension minus the same page without it;
 *    - mark.js 8.11 on the same page in the browser without the extension, marking the gazetteer's
 *      names as written (every name, alias and weak alias), in one call, done() ending the clock.
 * 2. Hover: 100 hovers over the article's names, each the pointer approaching and coming to rest;
 *    the content script logs the time from its dwell timer firing to the card's data rendered and
 *    to the next animation frame (the frame that paints it), and from the pointer's last move to
 *    that frame.
 * 3. Import and scale: the packaged bundle imported by the service worker into an empty database
 *    (its own log line); then a synthetic bundle (bench/browser/synthetic.ts: 100,000 names,
 *    10,000 articles) imported in a page of the baseline browser by db/import.ts itself (bundled
 *    by esbuild with bench/browser/scale-entry.ts) into Chromium's IndexedDB: import time, size
 *    (navigator.storage.estimate), card and search look-ups, matcher compile and load (sparse, and
 *    dense where within DENSE_TABLE_LIMIT or forced).
 * 4. Size: the content script and its CSS, gzipped.
 *
 * Env: BENCH_ARTICLE_RUNS (default 10), BENCH_LONG_RUNS (5), BENCH_HOVERS (100),
 * BENCH_SYN_NAMES (100000), BENCH_SYN_ARTICLES (10000), BENCH_SKIP (comma list of: pages, hover,
 * import, scale).
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import type { Bundle } from '../core/types.ts';
import { HOVER_DWELL_MS } from '../lib/constants.ts';
import { CHROMIUM, EXTENSION_DIR, Harness, waitFor } from '../test/e2e/harness.ts';
import { scanLineOf, type ScanLine } from '../test/e2e/tasks.ts';
import { makeBenchPages } from './browser/pages.ts';
import type { ScaleResult } from './browser/scale-entry.ts';
import { syntheticBundle } from './browser/synthetic.ts';

const ARTICLE_RUNS = Number(process.env['BENCH_ARTICLE_RUNS'] ?? 10);
const LONG_RUNS = Number(process.env['BENCH_LONG_RUNS'] ?? 5);
const HOVERS = Number(process.env['BENCH_HOVERS'] ?? 100);
const SYN_NAMES = Number(process.env['BENCH_SYN_NAMES'] ?? 100_000);
const SYN_ARTICLES = Number(process.env['BENCH_SYN_ARTICLES'] ?? 10_000);
const SKIP = new Set((process.env['BENCH_SKIP'] ?? '').split(',').filter(Boolean));

const log = (...args: unknown[]) => console.error('·', ...args);

// ---------------------------------------------------------------------------------------------
// Statistics and formatting.

const median = (xs: readonly number[]) => quantile(xs, 0.5);
function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (i - lo);
}
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)} ms` : '—');
const kib = (x: number) => `${(x / 1024).toFixed(x < 10 * 1024 ? 1 : 0)} KiB`;
const mib = (x: number) => `${(x / 1024 / 1024).toFixed(1)} MiB`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

interface Row {
  what: string;
  value: string;
  budget?: string;
  status?: string;
}
const rows: Row[] = [];
const section = (title: string) => rows.push({ what: `## ${title}`, value: '' });
const row = (what: string, value: string, budget?: string, ok?: boolean) =>
  rows.push({ what, value, ...(budget ? { budget, status: ok === undefined ? '' : verdict(ok) } : {}) });

// ---------------------------------------------------------------------------------------------
// Traces: the longest task on the page's main thread, and the longest the extension ran JS in.

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { url?: string }; beginData?: { url?: string } };
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'toplevel'];

async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReportEvents' } as never);
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

interface TaskSummary {
  /** Longest task on the page's main thread (any cause). */
  longestMs: number;
  /**
   * The most extension time in one task: the union of the extension's JS events in it (with the
   * style and layout they forced, which happen inside them).
   */
  longestExtensionMs: number;
  /** The longest whole task that ran any extension JS (a page's frame may hold a rAF of ours). */
  longestWithExtensionMs: number;
  extensionTasks: number;
  /** Tasks that ran any JavaScript (the baseline's must be 0: the pages have no script). */
  jsTasks: number;
  /** Tasks with 50 ms or more of extension time. */
  extensionLongTasks: number;
}

const JS_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile', 'RunMicrotasks']);

/** Tasks of the page's renderer main thread (found by its ParseHTML of `url`). */
function summariseTasks(events: readonly TraceEvent[], url: string): TaskSummary {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (!parse) throw new Error(`no ParseHTML of ${url} in the trace`);
  const { pid, tid } = parse;
  const onThread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
  const tasks = onThread.filter((e) => e.name === 'RunTask' && e.cat.includes('devtools.timeline')).sort((a, b) => a.ts - b.ts);
  const inner = onThread.filter((e) => JS_EVENTS.has(e.name)).sort((a, b) => a.ts - b.ts);
  const summary: TaskSummary = { longestMs: 0, longestExtensionMs: 0, longestWithExtensionMs: 0, extensionTasks: 0, jsTasks: 0, extensionLongTasks: 0 };
  let j = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const durMs = (task.dur ?? 0) / 1000;
    summary.longestMs = Math.max(summary.longestMs, durMs);
    while (j < inner.length && inner[j]!.ts < task.ts) j++;
    let js = false;
    // The union of the extension's intervals in this task (events nest: merge them).
    let ours = 0;
    let coveredUntil = -Infinity;
    for (let k = j; k < inner.length && inner[k]!.ts < end; k++) {
      const e = inner[k]!;
      js = true;
      const extension = e.name === 'RunMicrotasks' || (e.args?.data?.url ?? '').startsWith('chrome-extension://');
      if (!extension) continue;
      const from = Math.max(e.ts, coveredUntil);
      const to = e.ts + (e.dur ?? 0);
      if (to > from) ours += to - from;
      coveredUntil = Math.max(coveredUntil, to);
    }
    if (js) summary.jsTasks++;
    if (ours > 0) {
      const oursMs = ours / 1000;
      summary.extensionTasks++;
      summary.longestExtensionMs = Math.max(summary.longestExtensionMs, oursMs);
      summary.longestWithExtensionMs = Math.max(summary.longestWithExtensionMs, durMs);
      if (oursMs >= 50) summary.extensionLongTasks++;
    }
  }
  return summary;
}

// ---------------------------------------------------------------------------------------------
// Page loads.

interface ExtensionLoad {
  dcl: number;
  fcp: number;
  scan: ScanLine;
  tasks: TaskSummary;
  heap: number;
}

interface BaselineLoad {
  dcl: number;
  fcp: number;
  tasks: TaskSummary;
  heap: number;
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
}

function navigationDcl(page: Page): Promise<number> {
  return page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart);
}

/** First contentful paint (NaN when the browser reported none). */
function firstPaint(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
}

async function loadWithExtension(harness: Harness, path: string): Promise<ExtensionLoad> {
  const page = await harness.context.newPage();
  try {
    const cdp = await harness.context.newCDPSession(page);
    const scanned = new Promise<ScanLine>((resolve) => {
      page.on('console', (m) => {
        const line = scanLineOf(m.text());
        if (line) resolve(line);
      });
    });
    const stopTrace = await startTrace(cdp);
    const url = harness.url(path);
    await page.goto(url, { waitUntil: 'load' });
    const scan = await Promise.race([
      scanned,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no scan line from ${path} within 60 s`)), 60_000)),
    ]);
    // Let the frames after the scan (painting the highlights) into the trace.
    await page.waitForTimeout(400);
    const events = await stopTrace();
    const dcl = await navigationDcl(page);
    const fcp = await firstPaint(page);
    const heap = await heapAfterGc(cdp);
    return { dcl, fcp, scan, tasks: summariseTasks(events, url), heap };
  } finally {
    await page.close();
  }
}

async function loadWithout(browser: Browser, url: string): Promise<BaselineLoad> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
  try {
    const cdp = await page.context().newCDPSession(page);
    const stopTrace = await startTrace(cdp);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(400);
    const events = await stopTrace();
    const dcl = await navigationDcl(page);
    const fcp = await firstPaint(page);
    const heap = await heapAfterGc(cdp);
    return { dcl, fcp, tasks: summariseTasks(events, url), heap };
  } finally {
    await page.close();
  }
}

interface MarkJsRun {
  ms: number;
  marks: number;
}

async function markJs(browser: Browser, url: string, names: readonly string[]): Promise<MarkJsRun> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
  try {
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(async (terms) => {
      type MarkCtor = new (el: Element) => { mark: (t: string[], o: Record<string, unknown>) => void };
      const Mark = (window as unknown as { Mark: MarkCtor }).Mark;
      const start = performance.now();
      // No named function expressions in here: tsx would wrap them in a helper the page lacks.
      await new Promise((resolve) =>
        new Mark(document.body).mark(terms, {
          // Names are several words: search each as a whole. 'partially' finds a name behind its
          // proclitics (وبالبوكمال), as ours does; Latin diacritics folding is no use on Arabic.
          separateWordSearch: false,
          accuracy: 'partially',
          diacritics: false,
          exclude: ['textarea', '[contenteditable]', 'script', 'style', 'input'],
          done: resolve,
        }),
      );
      const took = performance.now() - start;
      return { ms: took, marks: document.querySelectorAll('mark[data-markjs]').length };
    }, [...names]);
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Hover.

interface CardLine {
  state: string;
  loading: boolean;
  renderMs: number;
  frameMs: number;
  /** From the pointer's last move (it came to rest) to the same frame; null where not logged. */
  sinceRestMs: number | null;
}

async function hoverRuns(harness: Harness, path: string, count: number): Promise<CardLine[]> {
  const page = await harness.context.newPage();
  const lines: CardLine[] = [];
  let waiting: ((line: CardLine) => void) | undefined;
  page.on('console', (m) => {
    const t = m.text();
    if (!t.startsWith('[khabar] card')) return;
    const line = JSON.parse(t.slice('[khabar] card'.length)) as CardLine;
    waiting?.(line);
  });
  try {
    await page.goto(harness.url(path), { waitUntil: 'load' });
    const total = await waitFor(async () => {
      const n = await page.evaluate(() => {
        let n = 0;
        for (const k of ['place', 'group', 'person', 'outlet']) n += CSS.highlights.get(`khabar-${k}`)?.size ?? 0;
        return n;
      });
      return n > 0 ? n : undefined;
    }, { what: 'highlights on the hover page' });
    let misses = 0;
    for (let i = 0; lines.length < count; i++) {
      if (misses > count) throw new Error(`hover: only ${lines.length} of ${count} cards opened`);
      // The i-th highlighted name (all categories, in registration order), scrolled to the middle.
      const box = await page.evaluate((n) => {
        const all: AbstractRange[] = [];
        for (const k of ['place', 'group', 'person', 'outlet']) for (const r of (CSS.highlights.get(`khabar-${k}`) ?? []) as Iterable<AbstractRange>) all.push(r);
        const r = all[n % all.length]!;
        if (r.startContainer.parentElement?.closest('a, header, nav, footer')) return null;
        r.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const rect = range.getClientRects()[0];
        return rect && rect.width > 4 ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
      }, i % total);
      if (!box) {
        misses++;
        continue;
      }
      await page.mouse.move(5, 5);
      const line = new Promise<CardLine | null>((resolve) => {
        waiting = resolve;
        setTimeout(() => resolve(null), 3000);
      });
      // A reader's approach: from a little away, in a few steps, then at rest.
      await page.mouse.move(box.x + 60, box.y + 45);
      await page.mouse.move(box.x, box.y, { steps: 6 });
      const got = await line;
      waiting = undefined;
      if (got) lines.push(got);
      else misses++;
      await page.keyboard.press('Escape');
    }
    return lines;
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Import: the packaged bundle, by the service worker, into an empty database.

async function serviceWorkerImport(harness: Harness): Promise<{ loggedMs: number; untilReadyMs: number }> {
  const ext = await harness.extensionPage();
  await harness.stopServiceWorker();
  await ext.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const r = indexedDB.deleteDatabase('khabar-lens');
        r.onsuccess = () => resolve();
        r.onerror = () => reject(r.error);
      }),
  );
  // The restarted worker's console reaches the context's console event (with worker() set).
  const logged = new Promise<number>((resolve) => {
    harness.context.on('console', (m) => {
      const match = m.worker() ? /imported in (\d+) ms/.exec(m.text()) : null;
      if (match) resolve(Number(match[1]));
    });
  });
  const start = Date.now();
  await harness.waitForReady();
  const untilReadyMs = Date.now() - start;
  const loggedMs = await Promise.race([logged, new Promise<number>((resolve) => setTimeout(() => resolve(NaN), 5000))]);
  return { loggedMs, untilReadyMs };
}

// ---------------------------------------------------------------------------------------------
// Main.

async function main(): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no built extension in ${EXTENSION_DIR}: run \`npm run build\` (with the same WXT_OUT_DIR) first`);
  }
  const started = Date.now();
  const bench = makeBenchPages();
  const packaged = JSON.parse(readFileSync(join(EXTENSION_DIR, 'data', 'bundle.json'), 'utf8')) as Bundle;
  const gazetteerNames = [...new Set(packaged.entities.flatMap((e) => [e.name, ...e.aliases, ...e.weakAliases]))];

  // The synthetic bundle and the in-page import code, served with the pages.
  let synthetic: { json: string; bytes: number; names: number; entities: number; articles: number } | undefined;
  if (!SKIP.has('scale')) {
    const t = performance.now();
    const { bundle } = syntheticBundle({ names: SYN_NAMES, articles: SYN_ARTICLES });
    const json = JSON.stringify(bundle);
    const bytes = Buffer.byteLength(json, 'utf8');
    log(`synthetic bundle: ${bundle.names.length} names, ${bundle.entities.length} entities, ${bundle.articles.length} articles, ${(bytes / 1e6).toFixed(1)} MB of JSON in ${ms(performance.now() - t)}`);
    synthetic = { json, bytes, names: bundle.names.length, entities: bundle.entities.length, articles: bundle.articles.length };
    bench.pages.set('/bench/synthetic.json', { type: 'application/json', body: json });
    const code = await build({
      entryPoints: [join(import.meta.dirname, 'browser', 'scale-entry.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
      write: false,
      logLevel: 'silent',
    });
    bench.pages.set('/bench/scale.js', { type: 'text/javascript', body: code.outputFiles[0]!.text });
    bench.pages.set('/bench/scale.html', { type: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>scale</title><script src="/bench/scale.js"></script>' });
  }
  bench.pages.set('/bench/bundle.json', { type: 'application/json', body: JSON.stringify(packaged) });

  const harness = await Harness.launch({ pages: bench.pages });
  const plain = await chromium.launch({
    executablePath: CHROMIUM,
    headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu', '--lang=ar'],
  });
  try {
    await harness.waitForReady();
    const version = plain.version();

    // 1. Page highlighting.
    const pageResults: { name: string; ext: ExtensionLoad[]; base: BaselineLoad[]; mark: MarkJsRun[] }[] = [];
    if (!SKIP.has('pages')) {
      for (const [name, path, markPath, runs] of [
        ['typical article', bench.article.path, '/bench/article-markjs.html', ARTICLE_RUNS],
        ['long page', bench.long.path, '/bench/long-markjs.html', LONG_RUNS],
      ] as const) {
        const ext: ExtensionLoad[] = [];
        const base: BaselineLoad[] = [];
        const mark: MarkJsRun[] = [];
        // A warm-up load of each kind (first loads compile and fill caches), then the runs, the
        // three kinds in turn so that load that comes and goes hits them alike.
        await loadWithExtension(harness, path);
        await loadWithout(plain, harness.url(path));
        for (let i = 0; i < runs; i++) {
          ext.push(await loadWithExtension(harness, path));
          base.push(await loadWithout(plain, harness.url(path)));
          mark.push(await markJs(plain, harness.url(markPath), gazetteerNames));
          log(`${name} ${i + 1}/${runs}: DCL→highlighted ${ms(ext.at(-1)!.scan.doneAt - ext.at(-1)!.dcl)}, mark.js ${ms(mark.at(-1)!.ms)}`);
        }
        pageResults.push({ name, ext, base, mark });
      }
    }

    // 2. Hover.
    let cards: CardLine[] = [];
    if (!SKIP.has('hover')) {
      cards = await hoverRuns(harness, bench.article.path, HOVERS);
      log(`hover: ${cards.length} cards`);
    }

    // 3. Import and scale.
    let swImport: { loggedMs: number; untilReadyMs: number } | undefined;
    let pageImport: ScaleResult | undefined;
    let scale: ScaleResult | undefined;
    if (!SKIP.has('import')) {
      swImport = await serviceWorkerImport(harness);
      log(`service-worker import: ${swImport.loggedMs} ms`);
    }
    if (synthetic) {
      const page = await plain.newPage();
      page.setDefaultTimeout(600_000);
      await page.goto(harness.url('/bench/scale.html'));
      const run = (url: string, dense: boolean, lookups: number, searches: number) =>
        page.evaluate(
          (o) => (window as unknown as { khabarBench: { run: (o: unknown) => Promise<ScaleResult> } }).khabarBench.run(o),
          { url, dbName: 'bench-scale', lookups, searches, dense },
        );
      pageImport = await run('/bench/bundle.json', true, 50, 20);
      log(`page import of the packaged bundle: ${ms(pageImport.importMs)}`);
      scale = await run('/bench/synthetic.json', false, 200, 50);
      log(`synthetic import: ${ms(scale.importMs)}`);
      await page.close();
    }

    // 4. Size.
    const contentJs = readFileSync(join(EXTENSION_DIR, 'content-scripts', 'content.js'));
    const cssPath = join(EXTENSION_DIR, 'content-scripts', 'content.css');
    const contentCss = existsSync(cssPath) ? readFileSync(cssPath) : Buffer.alloc(0);
    const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

    // ---------------------------------------------------------------------------------------------
    // Report.

    for (const { name, ext, base, mark } of pageResults) {
      const info = name === 'typical article' ? bench.article : bench.long;
      const s0 = ext[0]!.scan;
      section(`${name}: ${(info.bytes / 1e6).toFixed(2)} MB text, ${info.paragraphs} paragraphs → ${s0.blocks} blocks, ${s0.mentions} mentions (median of ${ext.length} loads)`);
      const toDone = ext.map((e) => e.scan.doneAt - e.dcl);
      const budget = name === 'typical article' ? 30 : 300;
      row('DOMContentLoaded → every mention highlighted', `${ms(median(toDone))} (min ${ms(Math.min(...toDone))}, max ${ms(Math.max(...toDone))})`, `≤ ${budget} ms`, median(toDone) <= budget);
      row('  of which: DCL → session starts (language, settings, site switch)', ms(median(ext.map((e) => e.scan.startAt - e.dcl))));
      // Chrome evaluates document_end scripts in a task after DOMContentLoaded, often after the
      // page's first frame: the part of the wait that is not ours.
      const evaluated = ext.filter((e) => e.scan.scriptAt !== undefined);
      if (evaluated.length > 0) row('  DCL → content script starts (Chrome’s injection) / its evaluation', `${ms(median(evaluated.map((e) => e.scan.scriptAt! - e.dcl)))} / ${ms(median(evaluated.map((e) => e.scan.bootAt - e.scan.scriptAt!)))}`);
      else row('  DCL → content script evaluated (Chrome’s injection)', ms(median(ext.map((e) => e.scan.bootAt - e.dcl))));
      row('  content script evaluated → scan starts (storage read, matcher)', ms(median(ext.map((e) => e.scan.scanAt - e.scan.bootAt))));
      row('  session starts → scan starts (matcher, card UI)', ms(median(ext.map((e) => e.scan.scanAt - e.scan.startAt))));
      row('  loadMatcher (before DCL when asked for early)', ms(median(ext.map((e) => e.scan.matcherMs))));
      // The content script's own steps (startup: settings and snapshot read from storage.local;
      // siteEnabled; matcherBuilt), each relative to DCL: where the wait before the scan goes.
      const stepNames = [...new Set(ext.flatMap((e) => Object.keys(e.scan.steps ?? {})))].filter((n) => n !== 'domContentLoaded');
      const stepAt = (n: string) => median(ext.flatMap((e) => (e.scan.steps?.[n] === undefined ? [] : [e.scan.steps[n]! - e.dcl])));
      if (stepNames.length > 0) row('  steps, DCL → each (median)', stepNames.map((n) => `${n} ${ms(stepAt(n))}`).join(', '));
      row('  scan, wall time (its own work: slices)', `${ms(median(ext.map((e) => e.scan.doneAt - e.scan.scanAt)))} (${ms(median(ext.map((e) => e.scan.totalMs)))} in ${median(ext.map((e) => e.scan.slices))} slices)`);
      row('longest extension task (trace), median / max', `${ms(median(ext.map((e) => e.tasks.longestExtensionMs)))} / ${ms(Math.max(...ext.map((e) => e.tasks.longestExtensionMs)))}`, name === 'long page' ? '≤ 50 ms' : undefined, name === 'long page' ? Math.max(...ext.map((e) => e.tasks.longestExtensionMs)) <= 50 : undefined);
      row('  extension tasks ≥ 50 ms (all loads)', String(ext.reduce((n, e) => n + e.tasks.extensionLongTasks, 0)));
      row('  longest whole task holding extension JS, median / max', `${ms(median(ext.map((e) => e.tasks.longestWithExtensionMs)))} / ${ms(Math.max(...ext.map((e) => e.tasks.longestWithExtensionMs)))}`);
      row('  longest scan slice (content script’s own clock), max', ms(Math.max(...ext.map((e) => e.scan.longestSliceMs))));
      row('longest task of any kind, with / without the extension', `${ms(median(ext.map((e) => e.tasks.longestMs)))} / ${ms(median(base.map((b) => b.tasks.longestMs)))}`);
      row('  tasks running JS without the extension (must be 0)', String(base.reduce((n, b) => n + b.tasks.jsTasks, 0)));
      row('DOMContentLoaded, with / without the extension', `${ms(median(ext.map((e) => e.dcl)))} / ${ms(median(base.map((b) => b.dcl)))}`);
      const fcps = (xs: number[]) => xs.filter((x) => Number.isFinite(x));
      row('first contentful paint, with / without the extension', `${ms(median(fcps(ext.map((e) => e.fcp))))} / ${ms(median(fcps(base.map((b) => b.fcp))))}`);
      row('navigation start → every mention highlighted', ms(median(ext.map((e) => e.scan.doneAt))));
      row('JS heap the extension adds (after GC)', kib(median(ext.map((e) => e.heap)) - median(base.map((b) => b.heap))));
      const markMs = median(mark.map((m) => m.ms));
      const oursWork = median(ext.map((e) => e.scan.matcherMs + e.scan.totalMs));
      const oursWall = median(toDone);
      row(`mark.js: ${gazetteerNames.length} names, one call`, `${ms(markMs)}, ${Math.round(median(mark.map((m) => m.marks)))} marks`);
      row('mark.js ÷ ours (loadMatcher + scan work)', `${(markMs / oursWork).toFixed(1)}×`, '≥ 20×', markMs / oursWork >= 20);
      row('mark.js ÷ ours (DCL → highlighted, waits included)', `${(markMs / oursWall).toFixed(1)}×`);
    }

    if (cards.length > 0) {
      section(`hover: ${cards.length} hovers on the typical article (dwell ${HOVER_DWELL_MS} ms)`);
      const frame = cards.map((c) => c.frameMs);
      const render = cards.map((c) => c.renderMs);
      row('dwell end → card with coverage rendered, p50 / p95', `${ms(quantile(render, 0.5))} / ${ms(quantile(render, 0.95))}`);
      row('dwell end → next animation frame (paints it), p50 / p95', `${ms(quantile(frame, 0.5))} / ${ms(quantile(frame, 0.95))}`, 'p95 ≤ 16 ms', quantile(frame, 0.95) <= 16);
      const rest = cards.flatMap((c) => (c.sinceRestMs === null || c.sinceRestMs === undefined ? [] : [c.sinceRestMs]));
      if (rest.length > 0) row('pointer at rest → that frame (the dwell included), p50 / p95', `${ms(quantile(rest, 0.5))} / ${ms(quantile(rest, 0.95))}`);
      row('  cards that had to wait for their data', `${cards.filter((c) => c.loading).length} of ${cards.length}`);
      row('  max', ms(Math.max(...frame)));
    }

    if (swImport) {
      section('import');
      row('packaged bundle → empty database, in the service worker (its log)', `${ms(swImport.loggedMs)} (${ms(swImport.untilReadyMs)} from waking it to "ready")`);
    }
    if (pageImport) {
      row('packaged bundle, db/import.ts in a page (same code, same IndexedDB)', `${ms(pageImport.importMs)}, ${pageImport.rows} rows, ${mib(pageImport.usageAfter - pageImport.usageBefore)} stored`);
      row('  matcher: compile / load dense / load sparse', `${ms(pageImport.compileMs)} / ${'loadMs' in pageImport.dense! ? ms(pageImport.dense.loadMs) : '—'} / ${ms(pageImport.sparse.loadMs)}`);
    }
    if (scale && synthetic) {
      section(`scale: synthetic, ${synthetic.names} names of ${synthetic.entities} entities, ${synthetic.articles} articles, ${(synthetic.bytes / 1e6).toFixed(1)} MB of JSON`);
      row('fetch + JSON.parse in the page', `${ms(scale.fetchMs)} + ${ms(scale.parseMs)}`);
      row('import (db/import.ts, relaxed durability)', `${ms(scale.importMs)} for ${scale.rows} rows`, '≤ 5 s', scale.importMs <= 5000);
      row('  of which entities / articles / last transaction', `${ms(scale.importSteps.entities)} / ${ms(scale.importSteps.articles)} / ${ms(scale.importSteps.last)}`);
      row('  structuredClone in the page: entities / articles / search record', `${ms(scale.cloneMs.entities)} / ${ms(scale.cloneMs.articles)} / ${ms(scale.cloneMs.gazetteer)}`);
      row('database size (storage.estimate, after − before)', mib(scale.usageAfter - scale.usageBefore));
      row(`getCard look-up (cardData), p50 / p95 of ${scale.cardMs.length}`, `${ms(quantile(scale.cardMs, 0.5))} / ${ms(quantile(scale.cardMs, 0.95))}`);
      row('search: gazetteer read and indexed, once per bundle version', ms(scale.gazetteerMs));
      row(`search (SearchIndex.search): first query / p50 / max of ${scale.searchMs.length} more`, `${ms(scale.firstSearchMs)} / ${ms(quantile(scale.searchMs, 0.5))} / ${ms(Math.max(...scale.searchMs))}`);
      row(`compileMatcher (${scale.patterns} patterns)`, ms(scale.compileMs), '≤ 1 s', scale.compileMs <= 1000);
      row('loadMatcher, sparse (the default at this size)', `${ms(scale.sparse.loadMs)}: ${scale.sparse.states} states, ${mib(scale.sparse.bytes)}`, 'compile + load ≤ 1 s', scale.compileMs + scale.sparse.loadMs <= 1000);
      const d = scale.dense!;
      row('loadMatcher, dense', 'loadMs' in d ? `${ms(d.loadMs)}: ${d.states} states, ${mib(d.bytes)}` : `not built: ${d.skipped}`);
      row('scan, sparse automaton, synthetic articles', `${scale.scanMBps.toFixed(0)} MB/s`);
    }

    section('size');
    row('content script (content.js), gzipped', `${kib(gz(contentJs))} (${kib(contentJs.length)} raw)`, '≤ 60 KB', gz(contentJs) <= 60_000);
    row('its CSS (content.css), gzipped', `${kib(gz(contentCss))} (${kib(contentCss.length)} raw)`);

    // The table.
    const chromiumVersion = version;
    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(`browser benchmark — Chromium ${chromiumVersion} (new headless), node ${process.version}, ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, load average ${load}`);
    console.log(`extension: ${EXTENSION_DIR}; ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
    const widths = [
      Math.max(...rows.filter((r) => !r.what.startsWith('## ')).map((r) => r.what.length)),
      Math.max(...rows.map((r) => r.value.length)),
      Math.max(...rows.map((r) => (r.budget ?? '').length)),
    ];
    for (const r of rows) {
      if (r.what.startsWith('## ')) {
        console.log(`\n${r.what.slice(3)}`);
        continue;
      }
      console.log(`  ${r.what.padEnd(widths[0]!)}  ${r.value.padEnd(widths[1]!)}  ${(r.budget ?? '').padEnd(widths[2]!)}  ${r.status ?? ''}`.trimEnd());
    }
  } finally {
    await plain.close().catch(() => {});
    await harness.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
