import { describe, expect, it } from 'vitest';
import { INITIAL_SCAN_STATE, nextScanState, type ScanEvent, type ScanState, type Transition } from '../../page/scan-state.ts';

const TIMING = { debounceMs: 100, maxWaitMs: 300 };

interface Row {
  /** The case, as an example of the page that brings it about. */
  what: string;
  from: ScanState;
  event: ScanEvent;
  to: Transition;
}

const idle: ScanState = { kind: 'idle' };
const stopped: ScanState = { kind: 'stopped' };
const scanning: ScanState = { kind: 'scanning', queued: null };
const gathering = (firstAt: number, lastAt: number): ScanState => ({ kind: 'gathering', firstAt, lastAt });
const queued = (firstAt: number, lastAt: number): ScanState => ({ kind: 'scanning', queued: { firstAt, lastAt } });

function table(rows: Row[]): void {
  for (const row of rows) {
    it(row.what, () => {
      expect(nextScanState(row.from, row.event, TIMING)).toEqual(row.to);
    });
  }
}

describe('scan state: starting and stopping', () => {
  table([
    {
      what: 'the content script starts: a pass over the whole document',
      from: INITIAL_SCAN_STATE,
      event: { type: 'start' },
      to: { state: scanning, effects: [{ type: 'scanDocument' }] },
    },
    {
      what: 'switched off while changes wait: the timer is cancelled',
      from: gathering(0, 50),
      event: { type: 'stop' },
      to: { state: stopped, effects: [{ type: 'cancelWait' }] },
    },
    {
      what: 'switched off during a pass: stopped (the pass sees it at its next slice)',
      from: queued(10, 20),
      event: { type: 'stop' },
      to: { state: stopped, effects: [{ type: 'cancelWait' }] },
    },
    {
      what: 'a mutation after the switch-off: nothing',
      from: stopped,
      event: { type: 'changed', at: 5 },
      to: { state: stopped, effects: [] },
    },
    {
      what: 'the pass that was running when switched off ends: nothing more',
      from: stopped,
      event: { type: 'passDone', at: 5 },
      to: { state: stopped, effects: [] },
    },
  ]);
});

describe('scan state: changes wait for the page to settle, but not forever', () => {
  table([
    {
      what: 'an article inserted into a quiet page: wait for the burst to end',
      from: idle,
      event: { type: 'changed', at: 1000 },
      to: { state: gathering(1000, 1000), effects: [{ type: 'wait', ms: 100 }] },
    },
    {
      what: 'more mutations of the same burst: remembered, the timer left as it is',
      from: gathering(1000, 1000),
      event: { type: 'changed', at: 1040 },
      to: { state: gathering(1000, 1040), effects: [] },
    },
    {
      what: 'the timer goes off but the burst went on: wait out the rest of the debounce',
      from: gathering(1000, 1040),
      event: { type: 'timer', at: 1100 },
      to: { state: gathering(1000, 1040), effects: [{ type: 'wait', ms: 40 }] },
    },
    {
      what: 'the page has rested for the debounce: scan the changes',
      from: gathering(1000, 1040),
      event: { type: 'timer', at: 1140 },
      to: { state: scanning, effects: [{ type: 'scanChanges' }] },
    },
    {
      what: 'a ticker that never rests: scanned once the first change has waited the max wait',
      from: gathering(1000, 1290),
      event: { type: 'timer', at: 1300 },
      to: { state: scanning, effects: [{ type: 'scanChanges' }] },
    },
    {
      what: 'a ticker that never rests: the wait never passes the max wait',
      from: gathering(1000, 1250),
      event: { type: 'timer', at: 1260 },
      to: { state: gathering(1000, 1250), effects: [{ type: 'wait', ms: 40 }] },
    },
    {
      what: 'a timer that fires a millisecond early (Node rounds) counts as on time',
      from: gathering(1000, 1000),
      event: { type: 'timer', at: 1099.5 },
      to: { state: scanning, effects: [{ type: 'scanChanges' }] },
    },
  ]);
});

describe('scan state: changes during a pass are kept and scanned after it', () => {
  table([
    {
      what: 'a live blog adds an entry while a pass runs: queued',
      from: scanning,
      event: { type: 'changed', at: 2000 },
      to: { state: queued(2000, 2000), effects: [] },
    },
    {
      what: 'another entry during the same pass: still the first one’s wait',
      from: queued(2000, 2000),
      event: { type: 'changed', at: 2030 },
      to: { state: queued(2000, 2030), effects: [] },
    },
    {
      what: 'a pass ends with nothing queued: settled',
      from: scanning,
      event: { type: 'passDone', at: 2100 },
      to: { state: idle, effects: [{ type: 'passEnded' }] },
    },
    {
      what: 'a pass ends with changes that have not waited long: they wait the rest',
      from: queued(2000, 2030),
      event: { type: 'passDone', at: 2050 },
      to: { state: gathering(2000, 2030), effects: [{ type: 'passEnded' }, { type: 'wait', ms: 80 }] },
    },
    {
      what: 'a long first scan ends with changes that waited long enough: the next pass at once',
      from: queued(2000, 2030),
      event: { type: 'passDone', at: 2500 },
      to: { state: scanning, effects: [{ type: 'passEnded' }, { type: 'scanChanges' }] },
    },
    {
      what: 'a timer armed before the pass goes off during it: ignored',
      from: queued(2000, 2000),
      event: { type: 'timer', at: 2010 },
      to: { state: queued(2000, 2000), effects: [] },
    },
    {
      what: 'a pass end heard when no pass runs: ignored',
      from: idle,
      event: { type: 'passDone', at: 10 },
      to: { state: idle, effects: [] },
    },
  ]);
});

describe('scan state: a page that never rests', () => {
  it('a node rewritten every 16 ms is scanned at least every max wait, and nothing is ever dropped', () => {
    // Simulated time: the page changes every 16 ms; each pass takes 5 ms; timers fire on time.
    let state: ScanState = nextScanState(INITIAL_SCAN_STATE, { type: 'start' }, TIMING).state;
    let passEndsAt = 5;
    let timerAt: number | undefined;
    const passStarts: number[] = [];
    const apply = (event: ScanEvent, now: number) => {
      const t = nextScanState(state, event, TIMING);
      state = t.state;
      for (const e of t.effects) {
        if (e.type === 'wait') timerAt = now + e.ms;
        if (e.type === 'scanChanges') {
          passStarts.push(now);
          passEndsAt = now + 5;
        }
      }
    };
    for (let now = 0; now <= 5000; now++) {
      if (state.kind === 'scanning' && now === passEndsAt) apply({ type: 'passDone', at: now }, now);
      if (timerAt === now) {
        timerAt = undefined;
        apply({ type: 'timer', at: now }, now);
      }
      if (now % 16 === 0) apply({ type: 'changed', at: now }, now);
    }
    const gaps = passStarts.slice(1).map((t, i) => t - passStarts[i]!);
    expect(passStarts.length).toBeGreaterThan(10);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(TIMING.maxWaitMs + 16);
    // Bounded: no faster than the max wait allows (not a pass per change).
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(TIMING.maxWaitMs - 16);
  });
});
