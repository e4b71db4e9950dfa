/**
 * Which main-thread tasks of the page's renderers the extension's content script caused, and how
 * long they took: a Chromium trace (DevTools protocol `Tracing`, the whole browser, so every
 * renderer process, out-of-process iframes included) with the V8 sampling profiler on.
 *
 * Attribution, and its limits:
 * - A task (a `RunTask` event on a renderer's main thread) is the extension's when it holds any
 *   of the content script's own code: a `FunctionCall` / `EvaluateScript` / `v8.compile` event of
 *   its script URL (listeners, observers, timers, its first evaluation), or a CPU sample whose
 *   stack has a frame of that script (promise continuations run as microtasks, which have no
 *   trace event of their own naming a script: the profiler's stacks are what names them).
 * - Its length counted against the extension (`attributableMs`) is the time of the extension's own
 *   stretches of the task: the outermost `FunctionCall`/`EvaluateScript` events of its script and
 *   the microtask checkpoints in which its code was sampled, with everything nested in them (style
 *   and layout it forced through getComputedStyle or range rects count as its own). So a page that
 *   parses a megabyte of HTML in the task in which the content script is evaluated (document_start),
 *   or runs a long script of its own in which the extension's observer also fires, is not blamed
 *   on us. On these fixture pages the pages run no promise-based code, so a microtask checkpoint
 *   with the extension's code in it is the extension's alone.
 * - Not attributable this way: rendering work that happens later, in the browser's own frame
 *   task, because of what the extension registered (painting highlights). Such long frames are
 *   reported separately (`renderTasks`), not counted as the extension's.
 * - The profiler samples every 1 ms and slows the page a little: the figures are upper bounds.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { ScanStats } from '../../page/scanner.ts';

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, µs. */
  tdur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      url?: string;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string };
}

export interface TaskReport {
  /** Renderer process and thread. */
  pid: number;
  tid: number;
  /** Trace clock, µs. */
  ts: number;
  durMs: number;
  /** Time of the page's own scripts inside the task. */
  pageScriptMs: number;
  /** Sampled time with a content-script frame on the stack. */
  extensionSampledMs: number;
  /**
   * What counts against the extension: the outermost stretches of its own code in the task (its
   * calls and evaluation, microtask checkpoints that ran it, with whatever style and layout they
   * forced), or its sampled time if more; never more than the task less the page's own scripts.
   */
  attributableMs: number;
  /** CPU time of the extension's own stretches (their wall time less time the thread was not running). */
  ownCpuMs: number;
  /** The names of the task's main events, for the report. */
  what: string;
  /** The content script's functions sampled most in the task (the innermost own frame), ms. */
  hot: string;
}

export interface TaskSummary {
  /** Tasks that ran any of the extension's content-script code. */
  extensionTasks: TaskReport[];
  /** The longest of them by attributable time (undefined when the extension ran nothing). */
  longest: TaskReport | undefined;
  /** Long tasks (≥ the limit) without extension code: the page's, or rendering. */
  otherLongTasks: TaskReport[];
  /** Whether the profiler produced samples (else attribution rests on trace events alone). */
  sampled: boolean;
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  '__metadata',
];

const JS_ENTRY = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.run', 'V8.Execute']);

export class TaskTracer {
  private readonly events: TraceEvent[] = [];
  private constructor(
    private readonly cdp: CDPSession,
    private readonly scriptPrefix: string,
  ) {}

  /** Start tracing the whole browser; `extensionId` says whose content script to look for. */
  static async start(context: BrowserContext, page: Page, extensionId: string): Promise<TaskTracer> {
    const cdp = await context.newCDPSession(page);
    const tracer = new TaskTracer(cdp, `chrome-extension://${extensionId}/content-scripts/`);
    cdp.on('Tracing.dataCollected', (e) => {
      for (const ev of e.value) tracer.events.push(ev as unknown as TraceEvent);
    });
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { recordMode: 'recordContinuously', includedCategories: CATEGORIES },
    } as never);
    return tracer;
  }

  /** Stop, and attribute the renderer main-thread tasks. */
  async stop(limitMs: number): Promise<TaskSummary> {
    const complete = new Promise<void>((ok) => this.cdp.once('Tracing.tracingComplete', () => ok()));
    await this.cdp.send('Tracing.end');
    await complete;
    await this.cdp.detach().catch(() => {});
    return attribute(this.events, this.scriptPrefix, limitMs);
  }
}

function attribute(events: TraceEvent[], scriptPrefix: string, limitMs: number): TaskSummary {
  const key = (pid: number, tid: number) => `${pid}/${tid}`;
  const rendererMain = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => key(e.pid, e.tid)),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || !rendererMain.has(key(e.pid, e.tid))) continue;
    let list = byThread.get(key(e.pid, e.tid));
    if (!list) byThread.set(key(e.pid, e.tid), (list = []));
    list.push(e);
  }

  // CPU samples with a content-script frame, per thread: [time µs, weight µs, innermost own function].
  const samples = extensionSamples(events, scriptPrefix);

  const extensionTasks: TaskReport[] = [];
  const otherLongTasks: TaskReport[] = [];
  for (const [thread, list] of byThread) {
    // Parents before their children: by start, the longer first.
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const threadSamples = samples.byThread.get(thread) ?? [];
    for (let i = 0; i < list.length; i++) {
      const task = list[i]!;
      if (task.name !== 'RunTask' || !task.dur) continue;
      const end = task.ts + task.dur;
      const inside: TraceEvent[] = [];
      for (let j = i + 1; j < list.length && list[j]!.ts < end; j++) inside.push(list[j]!);
      const ours = inside.some((e) => JS_ENTRY.has(e.name) && e.args?.data?.url?.startsWith(scriptPrefix));
      let sampled = 0;
      const hot = new Map<string, number>();
      for (let k = lowerBound(threadSamples, task.ts); k < threadSamples.length && threadSamples[k]![0] < end; k++) {
        const [, weight, fn] = threadSamples[k]!;
        sampled += weight;
        hot.set(fn, (hot.get(fn) ?? 0) + weight);
      }
      // Time spent in interrupt callbacks (the profiler and DevTools starting up in a new
      // renderer) is the measurement's, not the task's.
      const interrupts = inside.filter((e) => e.name === 'V8.InvokeApiInterruptCallbacks').reduce((n, e) => n + (e.dur ?? 0), 0);
      // The extension's own stretches of the task: its script's calls and evaluation, and the
      // microtask checkpoints that ran its code (promise continuations), outermost only.
      const hasSample = (e: TraceEvent) => {
        const k = lowerBound(threadSamples, e.ts);
        return k < threadSamples.length && threadSamples[k]![0] < e.ts + (e.dur ?? 0);
      };
      let own = 0;
      let ownCpu = 0;
      let ownUntil = -1;
      for (const e of inside) {
        if (!e.dur || e.ts < ownUntil) continue;
        const isOwn =
          (JS_ENTRY.has(e.name) && (e.args?.data?.url ?? '').startsWith(scriptPrefix)) || (e.name === 'RunMicrotasks' && hasSample(e));
        if (!isOwn) continue;
        own += e.dur;
        // (A thread time above the wall time is a clock glitch of the trace: capped.)
        ownCpu += Math.min(e.tdur ?? e.dur, e.dur);
        ownUntil = e.ts + e.dur;
      }
      // Top-level page script time: page FunctionCall/EvaluateScript not nested in another one.
      let pageScript = 0;
      let coveredUntil = -1;
      for (const e of inside) {
        const url = e.args?.data?.url ?? '';
        if (!JS_ENTRY.has(e.name) || !/^https?:/.test(url) || !e.dur) continue;
        if (e.ts < coveredUntil) continue;
        pageScript += e.dur;
        coveredUntil = e.ts + e.dur;
      }
      const report: TaskReport = {
        pid: task.pid,
        tid: task.tid,
        ts: task.ts,
        durMs: task.dur / 1000,
        pageScriptMs: pageScript / 1000,
        extensionSampledMs: sampled / 1000,
        ownCpuMs: ownCpu / 1000,
        attributableMs: Math.max(0, Math.min(task.dur - pageScript, Math.max(own, sampled)) - interrupts) / 1000,
        what: [...new Set(inside.filter((e) => (e.dur ?? 0) > task.dur! * 0.2).map((e) => e.name))].slice(0, 6).join(', '),
        hot: [...hot].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([f, w]) => `${f} ${(w / 1000).toFixed(1)}`).join(', '),
      };
      if (ours || sampled > 0) extensionTasks.push(report);
      else if (report.durMs >= limitMs) otherLongTasks.push(report);
    }
  }
  const longest = extensionTasks.reduce<TaskReport | undefined>((a, b) => (!a || b.attributableMs > a.attributableMs ? b : a), undefined);
  return { extensionTasks, longest, otherLongTasks, sampled: samples.any };
}

function lowerBound(list: readonly [number, number, string][], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]![0] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Samples of the V8 profiler whose stack holds a frame of the content script. */
function extensionSamples(events: TraceEvent[], scriptPrefix: string) {
  // A profile is (pid, id); its Profile event names the thread and the start time.
  const profiles = new Map<string, { thread: string; time: number; nodes: Map<number, ProfileNode>; ours: Map<number, string | null> }>();
  const byThread = new Map<string, [number, number, string][]>();
  let any = false;
  const chunks = events.filter((e) => e.name === 'Profile' || e.name === 'ProfileChunk').sort((a, b) => a.ts - b.ts);
  for (const e of chunks) {
    const id = `${e.pid}:${e.id}`;
    if (e.name === 'Profile') {
      profiles.set(id, { thread: `${e.pid}/${e.tid}`, time: e.args?.data?.startTime ?? e.ts, nodes: new Map(), ours: new Map() });
      continue;
    }
    const profile = profiles.get(id);
    const data = e.args?.data;
    if (!profile || !data) continue;
    for (const n of data.cpuProfile?.nodes ?? []) profile.nodes.set(n.id, n);
    // The innermost frame of the content script on a node's stack (its function name), or null.
    const ownFrame = (nodeId: number): string | null => {
      const known = profile.ours.get(nodeId);
      if (known !== undefined) return known;
      const node = profile.nodes.get(nodeId);
      let result: string | null = null;
      if (node && (node.callFrame.url ?? '').startsWith(scriptPrefix)) {
        const f = node.callFrame as { functionName?: string; lineNumber?: number; columnNumber?: number };
        result = `${f.functionName || '(anonymous)'}@${f.lineNumber ?? '?'}:${f.columnNumber ?? '?'}`;
      } else if (node?.parent !== undefined) result = ownFrame(node.parent);
      profile.ours.set(nodeId, result);
      return result;
    };
    const sampleIds = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    let list = byThread.get(profile.thread);
    if (!list) byThread.set(profile.thread, (list = []));
    for (let i = 0; i < sampleIds.length; i++) {
      profile.time += deltas[i] ?? 0;
      any = true;
      // Each sample stands for the time until the next one (1 ms by default).
      const weight = Math.min(deltas[i + 1] ?? 1000, 5000);
      const own = ownFrame(sampleIds[i]!);
      if (own !== null) list.push([profile.time, weight, own]);
    }
  }
  for (const list of byThread.values()) list.sort((a, b) => a[0] - b[0]);
  return { byThread, any };
}

/** One line per task, for failure messages and the log. */
export function describeTask(t: TaskReport): string {
  return (
    `${t.attributableMs.toFixed(1)} ms (task ${t.durMs.toFixed(1)} ms, its own CPU ${t.ownCpuMs.toFixed(1)} ms, page script ${t.pageScriptMs.toFixed(1)} ms, ` +
    `extension sampled ${t.extensionSampledMs.toFixed(1)} ms: ${t.what}${t.hot ? `; hot: ${t.hot}` : ''})`
  );
}

/**
 * The content script's `[khabar] scanned` console line (entrypoints/content/session.ts), once per
 * frame whose first scan is done: the scanner's stats and, on the document's own clock
 * (performance.now()), when the session and its scan started and ended.
 */
export interface ScanLine extends ScanStats {
  highlights: boolean;
  /** When the content script's evaluation began (absent in older builds). */
  scriptAt?: number;
  bootAt: number;
  startAt: number;
  scanAt: number;
  doneAt: number;
  matcherMs: number;
  /** When each step on the way to the scan finished (performance.now()), by name. */
  steps?: Record<string, number>;
}

const SCAN_LINE = '[khabar] scanned';

/** The scan line a console message carries, or undefined for any other message. */
export function scanLineOf(text: string): ScanLine | undefined {
  return text.startsWith(SCAN_LINE) ? (JSON.parse(text.slice(SCAN_LINE.length)) as ScanLine) : undefined;
}
