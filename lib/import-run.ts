/**
 * One import of the reader's files into their library, as an explicit typed state and one
 * transition function (a reducer that returns effects), tested without a browser:
 *
 *   idle → reading(file i) → storing(file i) → reading(file i+1) … → done
 *                                         ↘ failed (the disk is full: the rest would fail too)
 *   idle → interrupted (a journal of an unfinished run was found when the page opened)
 *   reading(file i) → cancelled (the reader stopped the run: files before i are stored, i and on are not)
 *
 * An interrupted run is REPORTED, not rolled back: every file is stored whole or not at all (its
 * articles and the journal's "files done" are written in one transaction, lib/library-import.ts),
 * so the library is consistent whatever the moment the page or browser closed, and the files not
 * done can simply be picked again (an article already stored is a duplicate and is skipped).
 * The journal lives in the database (userMeta 'importRun') so a closed browser keeps it.
 */

import type { InputProblem } from '../core/library/problem.ts';

/** What the import reports for one picked file: articles added and skipped, and its problems. */
export interface FileReport {
  file: string;
  added: number;
  duplicates: number;
  /** Problems with the file, a line of it, or an entry of an archive (put in words by lib/input-problem-text.ts). */
  problems: InputProblem[];
  /** The file as a whole could not be stored (the disk is full, the database refused). */
  failed?: 'quota' | 'error';
}

/** The record kept in userMeta while a run is under way; removed when it ends. */
export interface ImportJournal {
  key: 'importRun';
  importId: string;
  /** The picked files' names, in import order. */
  files: string[];
  /** How many of `files` are stored (or found to hold nothing storable). */
  done: number;
  added: number;
  startedAt: number;
  updatedAt: number;
}

export const JOURNAL_KEY = 'importRun';

export interface RunProgress {
  importId: string;
  files: string[];
  /** Files finished. */
  done: number;
  /** Articles added and skipped as duplicates so far. */
  added: number;
  duplicates: number;
  reports: FileReport[];
  startedAt: number;
  updatedAt: number;
}

export type ImportRunState =
  | { phase: 'idle' }
  | { phase: 'reading'; run: RunProgress; file: number; articles: number }
  /** `stored`: articles of the file written so far (its transaction commits them all at once). */
  | { phase: 'storing'; run: RunProgress; file: number; articles: number; stored?: number }
  | { phase: 'done'; run: RunProgress }
  | { phase: 'failed'; run: RunProgress; reason: 'quota' | 'error'; message: string }
  | { phase: 'cancelled'; run: RunProgress }
  | { phase: 'interrupted'; journal: ImportJournal };

export type ImportRunEvent =
  /** The reader picked or dropped files. */
  | { type: 'start'; importId: string; files: string[]; now: number }
  /** More of the current file was read: `articles` documents so far. */
  | { type: 'read'; articles: number; now: number }
  /** The current file is read; its articles are being written. */
  | { type: 'store'; now: number }
  /** More of the current file's articles are written (within its one transaction). */
  | { type: 'stored'; articles: number; now: number }
  /** Time passes while a file is written (the page shows the run's time: it is alive). */
  | { type: 'tick'; now: number }
  /** The current file is finished: stored, or nothing in it to store. */
  | { type: 'fileDone'; report: FileReport; now: number }
  /** The current file could not be stored. Quota stops the run; another error is that file's. */
  | { type: 'storeFailed'; report: FileReport; reason: 'quota' | 'error'; message: string; now: number }
  /**
   * The reader stopped the run. Taken while a file is read (nothing of it is written yet); a
   * file being stored is finished first, so the run stops between whole files.
   */
  | { type: 'cancel'; now: number }
  /** The page opened and found the journal of a run that did not finish. */
  | { type: 'foundJournal'; journal: ImportJournal }
  /** The reader closed the report (of a finished, failed or interrupted run). */
  | { type: 'dismiss' };

export type ImportRunEffect =
  | { type: 'writeJournal'; journal: ImportJournal }
  | { type: 'clearJournal' };

export interface Transition {
  state: ImportRunState;
  effects: ImportRunEffect[];
}

function journalOf(run: RunProgress): ImportJournal {
  return {
    key: 'importRun',
    importId: run.importId,
    files: run.files,
    done: run.done,
    added: run.added,
    startedAt: run.startedAt,
    updatedAt: run.updatedAt,
  };
}

const stay = (state: ImportRunState): Transition => ({ state, effects: [] });

function finishFile(run: RunProgress, report: FileReport, now: number): RunProgress {
  return {
    ...run,
    done: run.done + 1,
    added: run.added + report.added,
    duplicates: run.duplicates + report.duplicates,
    reports: [...run.reports, report],
    updatedAt: now,
  };
}

/** After a file: the next one, or done (the journal goes: nothing is left unfinished). */
function next(run: RunProgress): Transition {
  if (run.done >= run.files.length) return { state: { phase: 'done', run }, effects: [{ type: 'clearJournal' }] };
  // A stored file's "files done" was already written with its articles (lib/library-import.ts);
  // written again here for a file with nothing to store, or whose transaction rolled back.
  return { state: { phase: 'reading', run, file: run.done, articles: 0 }, effects: [{ type: 'writeJournal', journal: journalOf(run) }] };
}

/** True while a run is under way: a new start is refused and the page warns before closing. */
export function isRunning(state: ImportRunState): state is Extract<ImportRunState, { phase: 'reading' | 'storing' }> {
  return state.phase === 'reading' || state.phase === 'storing';
}

export function transition(state: ImportRunState, event: ImportRunEvent): Transition {
  switch (event.type) {
    case 'start': {
      if (isRunning(state) || event.files.length === 0) return stay(state);
      const run: RunProgress = {
        importId: event.importId,
        files: event.files,
        done: 0,
        added: 0,
        duplicates: 0,
        reports: [],
        startedAt: event.now,
        updatedAt: event.now,
      };
      // Starting again after an interrupted run: its report gives way to the new run's journal.
      return { state: { phase: 'reading', run, file: 0, articles: 0 }, effects: [{ type: 'writeJournal', journal: journalOf(run) }] };
    }
    case 'read':
      if (state.phase !== 'reading') return stay(state);
      return stay({ ...state, articles: event.articles, run: { ...state.run, updatedAt: event.now } });
    case 'store':
      if (state.phase !== 'reading') return stay(state);
      return stay({ phase: 'storing', run: { ...state.run, updatedAt: event.now }, file: state.file, articles: state.articles });
    case 'stored':
      if (state.phase !== 'storing') return stay(state);
      return stay({ ...state, stored: event.articles, run: { ...state.run, updatedAt: event.now } });
    case 'tick':
      if (state.phase !== 'reading' && state.phase !== 'storing') return stay(state);
      return stay({ ...state, run: { ...state.run, updatedAt: event.now } });
    case 'fileDone':
      if (state.phase !== 'reading' && state.phase !== 'storing') return stay(state);
      return next(finishFile(state.run, event.report, event.now));
    case 'storeFailed': {
      if (state.phase !== 'storing') return stay(state);
      const report: FileReport = { ...event.report, failed: event.reason };
      if (event.reason === 'error') {
        // This file's transaction rolled back; the journal counts it done (its problem is reported).
        return next(finishFile(state.run, report, event.now));
      }
      // A full disk: the files after this one would fail the same way. What is stored stays.
      const run = { ...state.run, reports: [...state.run.reports, report], updatedAt: event.now };
      return {
        state: { phase: 'failed', run, reason: 'quota', message: event.message },
        effects: [{ type: 'clearJournal' }],
      };
    }
    case 'cancel': {
      if (state.phase !== 'reading') return stay(state);
      // Nothing is left half-done: the journal goes, and the files not imported are listed.
      return { state: { phase: 'cancelled', run: { ...state.run, updatedAt: event.now } }, effects: [{ type: 'clearJournal' }] };
    }
    case 'foundJournal':
      if (state.phase !== 'idle') return stay(state);
      return stay({ phase: 'interrupted', journal: event.journal });
    case 'dismiss':
      if (state.phase === 'interrupted') return { state: { phase: 'idle' }, effects: [{ type: 'clearJournal' }] };
      if (state.phase === 'done' || state.phase === 'failed' || state.phase === 'cancelled') return stay({ phase: 'idle' });
      return stay(state);
  }
}

/** The files of an interrupted or cancelled run that were not imported (to pick again). */
export function notImported(journal: Pick<ImportJournal, 'files' | 'done'>): string[] {
  return journal.files.slice(journal.done);
}

/** A journal read from the database, or undefined when it is not one (never trust stored shapes). */
export function asJournal(row: unknown): ImportJournal | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const j = row as Partial<ImportJournal>;
  const ok =
    j.key === 'importRun' &&
    typeof j.importId === 'string' &&
    Array.isArray(j.files) &&
    j.files.every((f) => typeof f === 'string') &&
    typeof j.done === 'number' &&
    typeof j.added === 'number' &&
    typeof j.startedAt === 'number' &&
    typeof j.updatedAt === 'number';
  return ok ? (j as ImportJournal) : undefined;
}
