/**
 * The main-thread tasks of the extension's own pages (the library page) while some work runs: a
 * Chromium trace (DevTools protocol `Tracing`, the whole browser) of RunTask events on the main
 * thread of the renderer that runs the extension's page scripts, with their wall and thread (CPU)
 * time; and the CPU time of that renderer's dedicated workers (where the import now runs). CPU
 * time is the figure to assert on: on a loaded machine a task's wall time stretches with the
 * other processes, its CPU time does not.
 */
import type { Browser } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string } };
}

export interface PageTasks {
  /** RunTask events on the page renderer's main thread. */
  tasks: number;
  longestWallMs: number;
  longestCpuMs: number;
  /** Tasks of 50 ms CPU or more (wall where a task has no thread time). */
  over50: number;
  /** All main-thread RunTask CPU time. */
  mainCpuMs: number;
  /** CPU time of RunTask events on that renderer's dedicated worker threads. */
  workerCpuMs: number;
}

export async function traceExtensionPageTasks(browser: Browser, work: () => Promise<void>): Promise<PageTasks> {
  const cdp = await browser.newBrowserCDPSession();
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  try {
    await work();
  } finally {
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  // Extension pages share one renderer; its main thread is the one running the extension's scripts.
  const pids = new Set<number>();
  for (const e of events) {
    if ((e.name === 'FunctionCall' || e.name === 'EvaluateScript') && e.args?.data?.url?.startsWith('chrome-extension://')) pids.add(e.pid);
  }
  const threads = (name: RegExp) =>
    new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && name.test(e.args?.name ?? '') && pids.has(e.pid)).map((e) => `${e.pid}:${e.tid}`));
  const mains = threads(/^CrRendererMain$/);
  const workers = threads(/^DedicatedWorker/);
  const runTasks = (on: Set<string>) => events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && on.has(`${e.pid}:${e.tid}`));
  const ms = (us?: number) => (us ?? 0) / 1000;
  const tasks = runTasks(mains);
  return {
    tasks: tasks.length,
    longestWallMs: Math.max(0, ...tasks.map((t) => ms(t.dur))),
    longestCpuMs: Math.max(0, ...tasks.map((t) => ms(t.tdur))),
    over50: tasks.filter((t) => ms(t.tdur ?? t.dur) >= 50).length,
    mainCpuMs: tasks.reduce((s, t) => s + ms(t.tdur), 0),
    workerCpuMs: runTasks(workers).reduce((s, t) => s + ms(t.tdur), 0),
  };
}
