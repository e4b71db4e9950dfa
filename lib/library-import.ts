/**
 * Carries out an import run (lib/import-run.ts holds its states): reads the picked files one by
 * one, finds the names in each document with the matcher, and stores each file's articles in ONE
 * transaction together with the journal's "files done", so a file is stored whole or not at all
 * and the journal never says more or less than what is stored. Work is cut into slices with a
 * pause between them; parsing is by file, entry or batch of lines (core/library/files.ts
 * importFile yields between them). The library page runs it in a worker (lib/import-worker.ts:
 * slices of IMPORT_WORKER_SLICE_MS, between which progress goes out and a cancel comes in); run
 * on a page's own thread, slices of IMPORT_SLICE_MS keep its tasks well under 50 ms.
 */
import { libraryDocument, type LibraryDocument } from '../core/library/document.ts';
import type { InputProblem, LibraryInput } from '../core/library/input.ts';
import { at, errorDetail, problem } from '../core/library/problem.ts';
import type { Matcher } from '../core/match/automaton.ts';
import type { LensDatabase } from '../db/database.ts';
import { addToLibrary, libraryTables, type AddResult } from '../db/library.ts';
import { IMPORT_SLICE_MS } from './constants.ts';
import { isQuotaFailure } from './errors.ts';
import {
  asJournal,
  isRunning,
  JOURNAL_KEY,
  transition,
  type FileReport,
  type ImportJournal,
  type ImportRunEffect,
  type ImportRunEvent,
  type ImportRunState,
} from './import-run.ts';

/** A file the reader picked or dropped (a File in the page; bytes in tests and benches). */
export interface PickedFile {
  name: string;
  bytes(): Promise<Uint8Array>;
}

/** What reading gives, piece by piece: core/library/files.ts FileResult has this shape. */
export interface ReadChunk {
  file: string;
  inputs: LibraryInput[];
  problems: InputProblem[];
}

export type ReadFile = (name: string, bytes: Uint8Array) => Iterable<ReadChunk>;

export interface ImportDeps {
  db: LensDatabase;
  /** The matcher of the moment (the bundle's names and the reader's): db/queries.ts matcherPayload. */
  matcher: () => Promise<Matcher>;
  read: ReadFile;
  now?: () => number;
  /** Gives the page back its turn (scheduler.yield or a macrotask). */
  pause?: () => Promise<void>;
  /** Work between two pauses, ms: IMPORT_SLICE_MS on the page; a worker, with no page to keep smooth, takes longer ones. */
  sliceMs?: number;
  newId?: () => string;
  /**
   * Every event given to the run's state machine, in order. The library page's worker forwards
   * them, and the page replays them through the same transition function (lib/import-worker.ts).
   */
  onEvent?: (event: ImportRunEvent) => void;
}

/** While a file is written, the run's clock moves this often (the page's progress line shows it). */
const STORE_TICK_MS = 500;

/**
 * A file's articles go to addToLibrary this many at a time, all within the file's one transaction,
 * so that the page can count them as they are written (~0.3 s a slice of 100 in a worker on a
 * loaded machine: the progress line moves more often than once a second).
 */
const STORE_SLICE_ARTICLES = 100;

/** Problems a file's report lists; more are counted in one last problem. */
export const MAX_FILE_PROBLEMS = 1000;

/** Web Locks name held while a run is under way: another tab does not take its journal for an interrupted run. */
export const IMPORT_LOCK = 'khabar-lens-import';

/** The page's turn back: scheduler.yield where the browser has it (keeps the task's priority), else a macrotask. */
export function pageTurn(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

interface Locks {
  request<T>(name: string, options: { ifAvailable?: boolean }, callback: (lock: unknown) => Promise<T> | T): Promise<T>;
}
const locks = (): Locks | undefined => (globalThis as { navigator?: { locks?: Locks } }).navigator?.locks;

export class ImportController {
  state: ImportRunState = { phase: 'idle' };
  private listeners = new Set<(state: ImportRunState) => void>();
  private writes: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly pause: () => Promise<void>;
  private readonly newId: () => string;
  private readonly sliceMs: number;
  /** The reader asked to stop: taken at the next pause of a file's reading, or before the next file. */
  private cancelRequested = false;
  private starting = false;

  constructor(private readonly deps: ImportDeps) {
    this.now = deps.now ?? Date.now;
    this.pause = deps.pause ?? pageTurn;
    this.sliceMs = deps.sliceMs ?? IMPORT_SLICE_MS;
    this.newId = deps.newId ?? (() => `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
  }

  subscribe(listener: (state: ImportRunState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispatch(event: ImportRunEvent): void {
    this.deps.onEvent?.(event);
    const { state, effects } = transition(this.state, event);
    for (const effect of effects) this.writes = this.writes.then(() => this.apply(effect)).catch(() => undefined);
    if (state !== this.state) {
      this.state = state;
      for (const l of this.listeners) l(state);
    }
  }

  /** Journal writes in order; a failed one (full disk) loses only the journal, never articles. */
  private async apply(effect: ImportRunEffect): Promise<void> {
    if (effect.type === 'writeJournal') await this.deps.db.userMeta.put(effect.journal as never);
    else await this.deps.db.userMeta.delete(JOURNAL_KEY);
  }

  /** Stop the run between whole files: a file being stored is finished, one being read is dropped. */
  cancel(): void {
    if (isRunning(this.state)) this.cancelRequested = true;
  }

  /** Journal writes queued so far are in the database. */
  settled(): Promise<void> {
    return this.writes;
  }

  /**
   * On the page's opening: a journal left by a run that did not finish (and that no other tab is
   * running, by the Web Lock) is reported.
   */
  async checkInterrupted(): Promise<void> {
    const journal = asJournal(await this.deps.db.userMeta.get(JOURNAL_KEY));
    if (!journal) return;
    const l = locks();
    const free = l ? await l.request(IMPORT_LOCK, { ifAvailable: true }, (lock) => lock !== null) : true;
    if (free) this.dispatch({ type: 'foundJournal', journal });
  }

  /** Import `files` one after another; resolves when the run is done or failed. */
  async run(files: readonly PickedFile[]): Promise<ImportRunState> {
    if (isRunning(this.state) || this.starting || files.length === 0) return this.state;
    // The state says 'running' only once the lock and the matcher are there: till then this flag refuses a second pick.
    this.starting = true;
    const l = locks();
    try {
      return await (l ? l.request(IMPORT_LOCK, {}, () => this.runLocked(files)) : this.runLocked(files));
    } finally {
      this.starting = false;
    }
  }

  private async runLocked(files: readonly PickedFile[]): Promise<ImportRunState> {
    // The matcher first: a run that cannot start (the data not ready) leaves no state and no journal behind.
    const matcher = await this.deps.matcher();
    const importId = this.newId();
    this.cancelRequested = false;
    this.dispatch({ type: 'start', importId, files: files.map((f) => f.name), now: this.now() });
    for (const file of files) {
      const state = this.state;
      if (state.phase !== 'reading') break;
      if (this.cancelRequested) {
        this.dispatch({ type: 'cancel', now: this.now() });
        break;
      }
      await this.importOne(file, matcher, state.run.importId, state.file);
    }
    await this.settled();
    return this.state;
  }

  private async importOne(file: PickedFile, matcher: Matcher, importId: string, index: number): Promise<void> {
    const report: FileReport = { file: file.name, added: 0, duplicates: 0, problems: [] };
    let bytes: Uint8Array;
    try {
      bytes = await file.bytes();
    } catch (e) {
      report.problems.push(at(file.name, problem('unreadable', { detail: errorDetail(e) })));
      this.dispatch({ type: 'fileDone', report, now: this.now() });
      return;
    }
    const docs = await this.documents(file.name, bytes, matcher, report);
    if (docs === undefined) {
      this.dispatch({ type: 'cancel', now: this.now() });
      return;
    }
    if (docs.length === 0) {
      this.dispatch({ type: 'fileDone', report, now: this.now() });
      return;
    }
    this.dispatch({ type: 'store', now: this.now() });
    const run = this.state.phase === 'storing' ? this.state.run : undefined;
    const ticking = setInterval(() => this.dispatch({ type: 'tick', now: this.now() }), STORE_TICK_MS);
    try {
      const { db } = this.deps;
      const results = await db.transaction('rw', libraryTables(db), async () => {
        const r: AddResult[] = [];
        for (let i = 0; i < docs.length; i += STORE_SLICE_ARTICLES) {
          // Same transaction: a slice's duplicates of an earlier slice are found as stored ones.
          r.push(...(await addToLibrary(db, docs.slice(i, i + STORE_SLICE_ARTICLES), { origin: 'imported', importId, now: this.now() })));
          if (r.length < docs.length) this.dispatch({ type: 'stored', articles: r.length, now: this.now() });
        }
        if (run) {
          const added = r.filter((x) => x.status === 'added').length;
          const journal: ImportJournal = {
            key: 'importRun', importId, files: run.files, done: index + 1,
            added: run.added + added, startedAt: run.startedAt, updatedAt: this.now(),
          };
          await db.userMeta.put(journal as never);
        }
        return r;
      });
      for (const r of results) report[r.status === 'added' ? 'added' : 'duplicates']++;
      this.dispatch({ type: 'fileDone', report, now: this.now() });
    } catch (e) {
      const reason = isQuotaFailure(e) ? 'quota' : 'error';
      const message = e instanceof Error ? e.message : String(e);
      this.dispatch({ type: 'storeFailed', report, reason, message, now: this.now() });
    } finally {
      clearInterval(ticking);
    }
    await this.pause();
  }

  /**
   * The file's documents, names found; problems into `report`; a pause every slice. Undefined
   * when the reader cancelled while it was read (nothing of it is written).
   */
  private async documents(name: string, bytes: Uint8Array, matcher: Matcher, report: FileReport): Promise<LibraryDocument[] | undefined> {
    const docs: LibraryDocument[] = [];
    let sliceStart = performance.now();
    const maybePause = async () => {
      if (performance.now() - sliceStart < this.sliceMs) return;
      this.dispatch({ type: 'read', articles: docs.length, now: this.now() });
      await this.pause();
      sliceStart = performance.now();
    };
    await this.pause();
    if (this.cancelRequested) return undefined;
    sliceStart = performance.now();
    const chunks = this.deps.read(name, bytes)[Symbol.iterator]();
    for (;;) {
      let step: IteratorResult<ReadChunk>;
      try {
        step = chunks.next();
      } catch (e) {
        report.problems.push(at(name, problem('unreadable', { detail: errorDetail(e) })));
        break;
      }
      if (step.done) break;
      report.problems.push(...step.value.problems);
      for (const input of step.value.inputs) {
        try {
          docs.push(libraryDocument(input, matcher));
        } catch (e) {
          // One article the detector trips on is that article's problem, never the run's end.
          report.problems.push(at(input.sourceFile ?? name, problem('namesFailed', { title: input.title.slice(0, 80), detail: errorDetail(e) })));
        }
        await maybePause();
        if (this.cancelRequested) return undefined;
      }
      await maybePause();
      if (this.cancelRequested) return undefined;
    }
    // A file that gave nothing and said nothing (a truncated archive) must not pass for a success.
    if (docs.length === 0 && report.problems.length === 0) report.problems.push(at(name, problem('nothingRead')));
    // A file of 100,000 bad lines: the first ones listed, the rest counted (the report crosses to the page).
    if (report.problems.length > MAX_FILE_PROBLEMS) {
      const more = report.problems.length - MAX_FILE_PROBLEMS;
      report.problems.length = MAX_FILE_PROBLEMS;
      report.problems.push(at(name, problem('moreProblems', { count: more })));
    }
    this.dispatch({ type: 'read', articles: docs.length, now: this.now() });
    return docs;
  }
}
