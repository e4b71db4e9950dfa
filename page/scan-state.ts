/**
 * When the scanner scans: its state as one typed value and one transition function (a reducer),
 * so that "a pass is running", "changes are waiting", "changes came in during a pass" and
 * "switched off" are states rather than flags, and the rules between them are a table that can be
 * tested without a DOM (test/page/scan-state.test.ts). The scanner (scanner.ts) feeds it events and
 * carries out the effects it returns; what changed (the nodes) the scanner keeps itself.
 *
 * The rules, with the cases they are for:
 * - Changes are gathered for `debounceMs` after the last one (infinite scroll inserts an article in
 *   a burst of mutations: one pass for the burst), but never longer than `maxWaitMs` after the
 *   first (a live blog adding an entry every 200 ms, a ticker rewriting a node every 16 ms: a
 *   debounce that restarts on every change would never end, and nothing would be scanned).
 * - Changes that come in while a pass runs are kept, and scanned after it: at once when they have
 *   waited long enough already, else when their wait is over. None is dropped.
 * - A stopped scanner (switched off, torn down) ignores everything.
 */

export interface Waiting {
  /** When the first change still waiting came (performance.now()). */
  readonly firstAt: number;
  /** When the last one came. */
  readonly lastAt: number;
}

export type ScanState =
  /** Watching the page; nothing to scan. */
  | { readonly kind: 'idle' }
  /** Changes gathered, waiting for the page to settle (a timer is armed). */
  | ({ readonly kind: 'gathering' } & Waiting)
  /** A pass is running; `queued`: changes that came in since it started (kept for the next pass). */
  | { readonly kind: 'scanning'; readonly queued: Waiting | null }
  /** Switched off: nothing is scanned again. */
  | { readonly kind: 'stopped' };

export type ScanEvent =
  /** Scan the whole document (the first pass). */
  | { readonly type: 'start' }
  /** The page changed something that must be scanned again (the scanner keeps what). */
  | { readonly type: 'changed'; readonly at: number }
  /** The timer armed by the last `wait` effect went off. */
  | { readonly type: 'timer'; readonly at: number }
  /** The running pass ended. */
  | { readonly type: 'passDone'; readonly at: number }
  | { readonly type: 'stop' };

export type ScanEffect =
  /** Arm the scanner's one timer (replacing any armed before) to go off in `ms`. */
  | { readonly type: 'wait'; readonly ms: number }
  | { readonly type: 'cancelWait' }
  /** Start a pass over the whole document. */
  | { readonly type: 'scanDocument' }
  /** Take every change gathered so far (and drop their old mentions), and start a pass over them. */
  | { readonly type: 'scanChanges' }
  /** A pass ended: hand its ranges to the highlights, put back what the page took, report the counts. */
  | { readonly type: 'passEnded' };

export interface ScanTiming {
  debounceMs: number;
  maxWaitMs: number;
}

export interface Transition {
  state: ScanState;
  effects: ScanEffect[];
}

export const INITIAL_SCAN_STATE: ScanState = { kind: 'idle' };

/** When changes that have waited since `w` are due to be scanned. */
export function dueAt(w: Waiting, timing: ScanTiming): number {
  return Math.min(w.lastAt + timing.debounceMs, w.firstAt + timing.maxWaitMs);
}

/** Timers may fire a little early (Node rounds): within this, a wait counts as over. */
const EARLY_MS = 1;

/** Changes that are due go to a pass now; others wait for their time. */
function scanOrWait(w: Waiting, at: number, timing: ScanTiming): Transition {
  const left = dueAt(w, timing) - at;
  if (left <= EARLY_MS) return { state: { kind: 'scanning', queued: null }, effects: [{ type: 'scanChanges' }] };
  return { state: { kind: 'gathering', firstAt: w.firstAt, lastAt: w.lastAt }, effects: [{ type: 'wait', ms: left }] };
}

const stay = (state: ScanState): Transition => ({ state, effects: [] });

export function nextScanState(state: ScanState, event: ScanEvent, timing: ScanTiming): Transition {
  if (state.kind === 'stopped') return stay(state);
  if (event.type === 'stop') return { state: { kind: 'stopped' }, effects: [{ type: 'cancelWait' }] };
  switch (state.kind) {
    case 'idle':
      switch (event.type) {
        case 'start':
          return { state: { kind: 'scanning', queued: null }, effects: [{ type: 'scanDocument' }] };
        case 'changed':
          return {
            state: { kind: 'gathering', firstAt: event.at, lastAt: event.at },
            effects: [{ type: 'wait', ms: Math.min(timing.debounceMs, timing.maxWaitMs) }],
          };
        default:
          return stay(state);
      }
    case 'gathering':
      switch (event.type) {
        // The armed timer is left as it is: when it goes off, the rest of the wait is armed
        // (re-arming on every change would cost a timer per mutation on a page that never rests).
        case 'changed':
          return stay({ ...state, lastAt: Math.max(state.lastAt, event.at) });
        case 'timer':
          return scanOrWait(state, event.at, timing);
        case 'start':
          return { state: { kind: 'scanning', queued: state }, effects: [{ type: 'cancelWait' }, { type: 'scanDocument' }] };
        default:
          return stay(state);
      }
    case 'scanning':
      switch (event.type) {
        case 'changed': {
          const q = state.queued;
          return stay({ kind: 'scanning', queued: q ? { firstAt: q.firstAt, lastAt: Math.max(q.lastAt, event.at) } : { firstAt: event.at, lastAt: event.at } });
        }
        case 'passDone': {
          if (!state.queued) return { state: { kind: 'idle' }, effects: [{ type: 'passEnded' }] };
          const next = scanOrWait(state.queued, event.at, timing);
          return { state: next.state, effects: [{ type: 'passEnded' }, ...next.effects] };
        }
        default:
          // A timer armed before the pass began is stale; a second start is the first one.
          return stay(state);
      }
  }
}
