/**
 * The import run's states, table by table: each row is a state, an event, and what follows
 * (the next phase and the journal effects). Then the whole-run stories a reader lives through.
 */
import { describe, expect, it } from 'vitest';
import {
  asJournal,
  isRunning,
  notImported,
  transition,
  type FileReport,
  type ImportJournal,
  type ImportRunEvent,
  type ImportRunState,
  type RunProgress,
} from '../../lib/import-run.ts';

const run = (over: Partial<RunProgress> = {}): RunProgress => ({
  importId: 'imp-1', files: ['a.txt', 'b.zip', 'c.md'], done: 0, added: 0, duplicates: 0, reports: [], startedAt: 1, updatedAt: 1, ...over,
});
const report = (file: string, added = 1, duplicates = 0): FileReport => ({ file, added, duplicates, problems: [] });
const journal: ImportJournal = { key: 'importRun', importId: 'old', files: ['1.txt', '2.txt', '3.txt'], done: 1, added: 4, startedAt: 1, updatedAt: 2 };

const idle: ImportRunState = { phase: 'idle' };
const reading0: ImportRunState = { phase: 'reading', run: run(), file: 0, articles: 0 };
const storing0: ImportRunState = { phase: 'storing', run: run(), file: 0, articles: 3 };
const storingLast: ImportRunState = { phase: 'storing', run: run({ done: 2 }), file: 2, articles: 1 };
const done: ImportRunState = { phase: 'done', run: run({ done: 3 }) };
const interrupted: ImportRunState = { phase: 'interrupted', journal };

const start: ImportRunEvent = { type: 'start', importId: 'imp-2', files: ['x.txt', 'y.txt'], now: 5 };
const fileDone = (r: FileReport): ImportRunEvent => ({ type: 'fileDone', report: r, now: 9 });

describe('transition: where each event leads', () => {
  it.each<[string, ImportRunState, ImportRunEvent, ImportRunState['phase'], string[]]>([
    ['picking files starts a run and writes its journal', idle, start, 'reading', ['writeJournal']],
    ['picking files again after an interrupted run starts anew', interrupted, start, 'reading', ['writeJournal']],
    ['picking files after a finished run starts anew', done, start, 'reading', ['writeJournal']],
    ['picking files while a run is under way is refused', reading0, start, 'reading', []],
    ['picking no files does nothing', idle, { type: 'start', importId: 'x', files: [], now: 1 }, 'idle', []],
    ['progress while reading stays reading', reading0, { type: 'read', articles: 7, now: 2 }, 'reading', []],
    ['time passing while storing stays storing', storing0, { type: 'tick', now: 2 }, 'storing', []],
    ['a tick after the run ended changes nothing', done, { type: 'tick', now: 2 }, 'done', []],
    ['a file read goes to storing', reading0, { type: 'store', now: 2 }, 'storing', []],
    ['articles written while storing: still storing (the file\'s one transaction is not committed)', storing0, { type: 'stored', articles: 100, now: 2 }, 'storing', []],
    ['a late count of written articles after the file is done changes nothing', reading0, { type: 'stored', articles: 100, now: 2 }, 'reading', []],
    ['a stored file that is not the last reads the next, journal written', storing0, fileDone(report('a.txt')), 'reading', ['writeJournal']],
    ['a file with nothing to store, read the next', reading0, fileDone({ ...report('a.txt', 0), problems: [{ file: 'a.txt', code: 'empty', params: {} }] }), 'reading', ['writeJournal']],
    ['the last file stored: done, journal removed', storingLast, fileDone(report('c.md')), 'done', ['clearJournal']],
    ['a full disk fails the run, journal removed', storing0, { type: 'storeFailed', report: report('a.txt', 0), reason: 'quota', message: 'QuotaExceededError', now: 3 }, 'failed', ['clearJournal']],
    ['another store error is that file\'s: the run goes on', storing0, { type: 'storeFailed', report: report('a.txt', 0), reason: 'error', message: 'boom', now: 3 }, 'reading', ['writeJournal']],
    ['a journal found on opening is reported', idle, { type: 'foundJournal', journal }, 'interrupted', []],
    ['a journal found while running is not this run\'s: ignored', reading0, { type: 'foundJournal', journal }, 'reading', []],
    ['dismissing an interrupted report removes the journal', interrupted, { type: 'dismiss' }, 'idle', ['clearJournal']],
    ['dismissing a finished report', done, { type: 'dismiss' }, 'idle', []],
    ['dismiss while running does nothing', storing0, { type: 'dismiss' }, 'storing', []],
    ['a late fileDone after the run ended is ignored', done, fileDone(report('z')), 'done', []],
    ['cancel while a file is read: cancelled, journal removed (nothing of that file was written)', reading0, { type: 'cancel', now: 4 }, 'cancelled', ['clearJournal']],
    ['cancel while a file is stored waits for it (the controller sends it before the next file)', storing0, { type: 'cancel', now: 4 }, 'storing', []],
    ['cancel after the run ended changes nothing', done, { type: 'cancel', now: 4 }, 'done', []],
    ['dismissing a cancelled report', { phase: 'cancelled', run: run({ done: 1 }) }, { type: 'dismiss' }, 'idle', []],
  ])('%s', (_why, state, event, phase, effects) => {
    const t = transition(state, event);
    expect(t.state.phase).toBe(phase);
    expect(t.effects.map((e) => e.type)).toEqual(effects);
  });
});

describe('transition: what the run counts', () => {
  it('adds each file\'s articles and duplicates, keeps its report, and the journal says how many files are done', () => {
    let s = idle as ImportRunState;
    const journals: ImportJournal[] = [];
    const step = (e: ImportRunEvent) => {
      const t = transition(s, e);
      s = t.state;
      for (const eff of t.effects) if (eff.type === 'writeJournal') journals.push(eff.journal);
    };
    step({ type: 'start', importId: 'r', files: ['a.txt', 'b.jsonl', 'c.zip'], now: 10 });
    step({ type: 'store', now: 11 });
    step(fileDone(report('a.txt', 1)));
    step({ type: 'read', articles: 40, now: 12 });
    step({ type: 'store', now: 13 });
    step({ type: 'fileDone', report: { file: 'b.jsonl', added: 38, duplicates: 2, problems: [{ file: 'b.jsonl', line: 7, code: 'badJson', params: { detail: 'x' } }] }, now: 14 });
    expect(s).toMatchObject({ phase: 'reading', file: 2, articles: 0, run: { done: 2, added: 39, duplicates: 2 } });
    expect(journals.map((j) => j.done)).toEqual([0, 1, 2]);
    expect(journals.at(-1)).toMatchObject({ importId: 'r', files: ['a.txt', 'b.jsonl', 'c.zip'], added: 39, startedAt: 10 });
    step({ type: 'store', now: 15 });
    step(fileDone(report('c.zip', 5, 1)));
    expect(s.phase).toBe('done');
    if (s.phase !== 'done') return;
    expect(s.run.reports.map((r) => [r.file, r.added, r.duplicates])).toEqual([
      ['a.txt', 1, 0], ['b.jsonl', 38, 2], ['c.zip', 5, 1],
    ]);
    expect(s.run.reports[1]!.problems[0]).toEqual({ file: 'b.jsonl', line: 7, code: 'badJson', params: { detail: 'x' } });
  });

  it('a full disk keeps the files stored before it and marks the failing one', () => {
    let s = transition(idle, { type: 'start', importId: 'r', files: ['a', 'b', 'c'], now: 1 }).state;
    s = transition(s, { type: 'store', now: 2 }).state;
    s = transition(s, fileDone(report('a', 3))).state;
    s = transition(s, { type: 'store', now: 3 }).state;
    s = transition(s, { type: 'storeFailed', report: report('b', 0), reason: 'quota', message: 'full', now: 4 }).state;
    expect(s).toMatchObject({ phase: 'failed', reason: 'quota', run: { done: 1, added: 3 } });
    if (s.phase === 'failed') expect(s.run.reports.map((r) => [r.file, r.failed])).toEqual([['a', undefined], ['b', 'quota']]);
  });

  it('isRunning only while reading or storing', () => {
    expect([idle, reading0, storing0, done, interrupted].map(isRunning)).toEqual([false, true, true, false, false]);
  });

  it('names the files an interrupted run did not import', () => {
    expect(notImported(journal)).toEqual(['2.txt', '3.txt']);
  });

  it.each([
    ['a journal', journal, true],
    ['null', null, false],
    ['another record', { key: 'totals', byEntity: {} }, false],
    ['files not strings', { ...journal, files: [1] }, false],
    ['no done count', { ...journal, done: '1' }, false],
  ])('asJournal(%s)', (_why, row, ok) => {
    expect(asJournal(row) !== undefined).toBe(ok);
  });
});
