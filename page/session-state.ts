/**
 * The page session's life as a typed state and one transition function (in the spirit of a
 * reducer): what the reader and the page ask for (`wants`), what runs (`run`), and the effects a
 * change calls for. entrypoints/content/session.ts keeps the resources (the scanner, hover,
 * keyboard, card of a running session) and carries the effects out; every decision of when to
 * start, stop or restart is made here, so switches, pauses, option changes, a start finishing and
 * the page rewriting itself can come in any order and the session still ends as asked last.
 * Pure: no DOM, no browser API (test/page/session-state.test.ts runs it table by table).
 */

/** What is asked for: the site's switch, the reader's pause, the kinds the matcher leaves out. */
export interface SessionWants {
  /** undefined: not known yet (the snapshot or the background has not answered): nothing is decided. */
  siteOn: boolean | undefined;
  paused: boolean;
  /** The hidden kinds as one key (a matcher is built for one such key). */
  kinds: string;
  /**
   * The version of the page snapshot's matcher ('' until one is announced): the reader added,
   * edited or deleted a name, and the running session scans with an older one.
   */
  matcher: string;
}

export type SessionRun =
  /** Nothing of ours runs on the page. */
  | { kind: 'idle' }
  /** A start is under way (matcher, card UI, first slice); `stale`: the page was replaced meanwhile. */
  | { kind: 'starting'; kinds: string; matcher: string; stale: boolean }
  /** Scanning, highlighting and following the page, with a matcher for `kinds` of version `matcher`. */
  | { kind: 'running'; kinds: string; matcher: string }
  /** The last start failed (an error, not a change of mind): nothing starts until something changes. */
  | { kind: 'failed' }
  /** The extension went away (reloaded, updated, removed): nothing starts again. */
  | { kind: 'gone' };

export interface SessionState {
  wants: SessionWants;
  run: SessionRun;
}

export type SessionEvent =
  /** The site's switch, read or announced: 'site on' → القائم highlighted again. */
  | { type: 'site'; on: boolean }
  /** The reader paused (or resumed) everywhere. */
  | { type: 'paused'; paused: boolean }
  /** The reader changed the kinds to highlight: a new matcher is needed. */
  | { type: 'kinds'; kinds: string }
  /** The snapshot's matcher changed (a name added: 'الصالحية' highlighted without a reload). */
  | { type: 'matcher'; version: string }
  /** The start of a session for `kinds` has a running session in hand. */
  | { type: 'started'; kinds: string }
  /** A start ended without a running session: it gave up (`failed` false) or failed. */
  | { type: 'startEnded'; failed: boolean }
  /** document.open()/write() replaced the page: the running session's ranges and listeners are dead. */
  | { type: 'pageReplaced' }
  /** The extension's context is gone. */
  | { type: 'invalidated' };

export type SessionEffect =
  /** Begin a start for the wanted kinds (the session reports back with started / startEnded). */
  | { type: 'start'; kinds: string }
  /** Stop and remove the running session. */
  | { type: 'teardown' }
  /** Nothing will run: remove what boot put on the page early (the highlight styles). */
  | { type: 'dropEarly' };

export interface SessionTransition {
  state: SessionState;
  effects: SessionEffect[];
}

export const INITIAL_SESSION_STATE: SessionState = {
  wants: { siteOn: undefined, paused: false, kinds: '', matcher: '' },
  run: { kind: 'idle' },
};

/** Whether the session should be running at all. */
export function isWanted(wants: SessionWants): boolean {
  return wants.siteOn === true && !wants.paused;
}

/** Whether a start for `kinds` is still what is asked for (a start checks this at each step). */
export function startStillWanted(state: SessionState, kinds: string): boolean {
  return (
    state.run.kind === 'starting' &&
    state.run.kinds === kinds &&
    state.run.matcher === state.wants.matcher &&
    !state.run.stale &&
    isWanted(state.wants) &&
    state.wants.kinds === kinds
  );
}

export function nextSessionState(state: SessionState, event: SessionEvent): SessionTransition {
  if (state.run.kind === 'gone') return { state, effects: [] };
  switch (event.type) {
    case 'site':
      return settle({ ...state, wants: { ...state.wants, siteOn: event.on } });
    case 'paused':
      return settle({ ...state, wants: { ...state.wants, paused: event.paused } });
    case 'kinds':
      return settle({ ...state, wants: { ...state.wants, kinds: event.kinds } });
    case 'matcher':
      return settle({ ...state, wants: { ...state.wants, matcher: event.version } });
    case 'started': {
      const run = state.run;
      // A start that was not asked for (a stray report) changes nothing.
      if (run.kind !== 'starting' || run.kinds !== event.kinds) return { state, effects: [] };
      if (run.stale) {
        // It scanned the page that was replaced: start again on the new one.
        return settle({ ...state, run: { kind: 'idle' } }, [{ type: 'teardown' }]);
      }
      return settle({ ...state, run: { kind: 'running', kinds: event.kinds, matcher: run.matcher } });
    }
    case 'startEnded':
      if (state.run.kind !== 'starting') return { state, effects: [] };
      // A failed start is not tried again at once (it would fail again, in a loop): the next
      // change of what is asked for settles from there.
      if (event.failed) return { state: { ...state, run: { kind: 'failed' } }, effects: [{ type: 'dropEarly' }] };
      return settle({ ...state, run: { kind: 'idle' } });
    case 'pageReplaced':
      if (state.run.kind === 'running') return settle({ ...state, run: { kind: 'idle' } }, [{ type: 'teardown' }]);
      if (state.run.kind === 'starting') return { state: { ...state, run: { ...state.run, stale: true } }, effects: [] };
      return { state, effects: [] };
    case 'invalidated':
      return {
        state: { ...state, run: { kind: 'gone' } },
        effects: state.run.kind === 'running' ? [{ type: 'teardown' }, { type: 'dropEarly' }] : [{ type: 'dropEarly' }],
      };
  }
}

/**
 * Brings `run` in line with `wants`: a running session of other kinds, or one no longer wanted, is
 * torn down; a wanted session starts when none runs or starts. A start under way is left to
 * finish: it checks startStillWanted at each step and reports back, and that report settles again.
 */
function settle(state: SessionState, effects: SessionEffect[] = []): SessionTransition {
  if (state.wants.siteOn === undefined) return { state, effects };
  const wanted = isWanted(state.wants);
  let run = state.run;
  // A newer matcher restarts the session: the new one built, the page scanned again with it.
  if (run.kind === 'running' && (!wanted || run.kinds !== state.wants.kinds || run.matcher !== state.wants.matcher)) {
    effects = [...effects, { type: 'teardown' }];
    run = { kind: 'idle' };
  }
  if (run.kind === 'failed') run = { kind: 'idle' };
  if (run.kind === 'idle') {
    if (wanted) {
      effects = [...effects, { type: 'start', kinds: state.wants.kinds }];
      run = { kind: 'starting', kinds: state.wants.kinds, matcher: state.wants.matcher, stale: false };
    } else {
      effects = [...effects, { type: 'dropEarly' }];
    }
  }
  return { state: { ...state, run }, effects };
}
