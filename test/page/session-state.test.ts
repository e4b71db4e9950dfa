/**
 * The page session's state machine (page/session-state.ts), table by table: each row a sequence of
 * events from the initial state, the run it ends in, and every effect asked for on the way.
 */
import { describe, expect, test } from 'vitest';
import {
  INITIAL_SESSION_STATE,
  nextSessionState,
  startStillWanted,
  type SessionEffect,
  type SessionEvent,
  type SessionState,
} from '../../page/session-state.ts';

function run(events: SessionEvent[], from: SessionState = INITIAL_SESSION_STATE) {
  let state = from;
  const effects: SessionEffect[] = [];
  for (const e of events) {
    const t = nextSessionState(state, e);
    state = t.state;
    effects.push(...t.effects);
  }
  return { state, effects: effects.map((e) => (e.type === 'start' ? `start:${e.kinds}` : e.type)) };
}

const on: SessionEvent = { type: 'site', on: true };
const off: SessionEvent = { type: 'site', on: false };
const started = (kinds = ''): SessionEvent => ({ type: 'started', kinds });
const newMatcher = (version: string): SessionEvent => ({ type: 'matcher', version });

interface Row {
  description: string;
  events: SessionEvent[];
  run: string;
  effects: string[];
}

const rows: Row[] = [
  { description: 'nothing is decided before the switch is known', events: [{ type: 'paused', paused: false }, { type: 'kinds', kinds: 'person' }], run: 'idle', effects: [] },
  { description: 'site on: a start', events: [on], run: 'starting', effects: ['start:'] },
  { description: 'site off at boot: the early styles go', events: [off], run: 'idle', effects: ['dropEarly'] },
  { description: 'a start that reports back runs', events: [on, started()], run: 'running', effects: ['start:'] },
  { description: 'switched off while running: torn down', events: [on, started(), off], run: 'idle', effects: ['start:', 'teardown', 'dropEarly'] },
  {
    description: 'off and on during a start: one start, then it runs',
    events: [on, off, on, started()],
    run: 'running',
    effects: ['start:'],
  },
  {
    description: 'switched off during a start: the start, reporting back, is torn down',
    events: [on, off, started()],
    run: 'idle',
    effects: ['start:', 'teardown', 'dropEarly'],
  },
  {
    description: 'switched off during a start that gives up: nothing runs',
    events: [on, off, { type: 'startEnded', failed: false }],
    run: 'idle',
    effects: ['start:', 'dropEarly'],
  },
  {
    description: 'the kinds change while running: a restart with the new matcher',
    events: [on, started(), { type: 'kinds', kinds: 'person' }],
    run: 'starting',
    effects: ['start:', 'teardown', 'start:person'],
  },
  {
    description: 'the kinds change during a start: the old start gives up, a new one begins',
    events: [on, { type: 'kinds', kinds: 'person' }, { type: 'startEnded', failed: false }],
    run: 'starting',
    effects: ['start:', 'start:person'],
  },
  { description: 'paused while running: torn down', events: [on, started(), { type: 'paused', paused: true }], run: 'idle', effects: ['start:', 'teardown', 'dropEarly'] },
  {
    description: 'resumed: started again',
    events: [on, started(), { type: 'paused', paused: true }, { type: 'paused', paused: false }],
    run: 'starting',
    effects: ['start:', 'teardown', 'dropEarly', 'start:'],
  },
  {
    description: 'the page replaced while running (document.open): a fresh start',
    events: [on, started(), { type: 'pageReplaced' }],
    run: 'starting',
    effects: ['start:', 'teardown', 'start:'],
  },
  {
    description: 'the page replaced during a start: that start is stale, torn down when it reports, restarted',
    events: [on, { type: 'pageReplaced' }, started()],
    run: 'starting',
    effects: ['start:', 'teardown', 'start:'],
  },
  {
    description: 'a failed start is not retried in a loop',
    events: [on, { type: 'startEnded', failed: true }],
    run: 'failed',
    effects: ['start:', 'dropEarly'],
  },
  {
    description: 'after a failure, the next change tries again',
    events: [on, { type: 'startEnded', failed: true }, { type: 'kinds', kinds: 'outlet' }],
    run: 'starting',
    effects: ['start:', 'dropEarly', 'start:outlet'],
  },
  {
    description: 'the reader added a name (a newer matcher) while running: a restart that scans with it',
    events: [on, started(), newMatcher('v2')],
    run: 'starting',
    effects: ['start:', 'teardown', 'start:'],
  },
  {
    description: 'a newer matcher during a start: the old start gives up, a new one begins',
    events: [on, newMatcher('v2'), { type: 'startEnded', failed: false }],
    run: 'starting',
    effects: ['start:', 'start:'],
  },
  {
    description: 'a newer matcher during a start that reports back anyway: torn down, started again',
    events: [on, newMatcher('v2'), started()],
    run: 'starting',
    effects: ['start:', 'teardown', 'start:'],
  },
  {
    description: 'the restart with the newer matcher runs',
    events: [on, started(), newMatcher('v2'), started()],
    run: 'running',
    effects: ['start:', 'teardown', 'start:'],
  },
  {
    description: 'the same matcher announced again: nothing restarts',
    events: [newMatcher('v2'), on, started(), newMatcher('v2')],
    run: 'running',
    effects: ['start:'],
  },
  {
    description: 'a newer matcher while switched off: nothing starts',
    events: [off, newMatcher('v2')],
    run: 'idle',
    effects: ['dropEarly', 'dropEarly'],
  },
  {
    description: 'a newer matcher while paused: nothing starts; resumed: it starts with it',
    events: [on, started(), { type: 'paused', paused: true }, newMatcher('v2'), { type: 'paused', paused: false }, started()],
    run: 'running',
    effects: ['start:', 'teardown', 'dropEarly', 'dropEarly', 'start:'],
  },
  { description: 'a stray report changes nothing', events: [started('x'), { type: 'startEnded', failed: false }], run: 'idle', effects: [] },
  {
    description: 'the extension goes away while running: torn down for good',
    events: [on, started(), { type: 'invalidated' }, on, { type: 'pageReplaced' }],
    run: 'gone',
    effects: ['start:', 'teardown', 'dropEarly'],
  },
];

describe('nextSessionState', () => {
  test.each(rows)('$description', ({ events, run: expectedRun, effects }) => {
    const result = run(events);
    expect(result.state.run.kind).toBe(expectedRun);
    expect(result.effects).toEqual(effects);
    // A session that runs scans with the matcher asked for last.
    if (result.state.run.kind === 'running') expect(result.state.run.matcher).toBe(result.state.wants.matcher);
  });

  test('a start is still wanted only while it is the one asked for', () => {
    const starting = run([on]).state;
    expect(startStillWanted(starting, '')).toBe(true);
    expect(startStillWanted(starting, 'person')).toBe(false);
    expect(startStillWanted(run([on, off]).state, '')).toBe(false);
    expect(startStillWanted(run([on, { type: 'paused', paused: true }]).state, '')).toBe(false);
    expect(startStillWanted(run([on, { type: 'pageReplaced' }]).state, '')).toBe(false);
    expect(startStillWanted(run([on, { type: 'kinds', kinds: 'person' }]).state, '')).toBe(false);
    expect(startStillWanted(run([on, newMatcher('v2')]).state, '')).toBe(false);
  });
});
