/**
 * The import as the library page runs it: the worker's side (serveImport, with a real
 * fake-indexeddb database) and the page's (ImportClient) on the two ports of a real MessageChannel,
 * so every command and event is structured-cloned and validated as between the page and its
 * worker. The page's state must be the worker's, step for step; cancel stops between whole files;
 * and what crosses is checked on receipt.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryInput } from '../../core/library/input.ts';
import { loadMatcher } from '../../core/match/automaton.ts';
import { closeDatabase, openDatabase, type LensDatabase } from '../../db/database.ts';
import { importBundle } from '../../db/import.ts';
import { libraryRows } from '../../db/library.ts';
import { matcherPayload } from '../../db/queries.ts';
import { JOURNAL_KEY, notImported, type ImportRunEvent, type ImportRunState } from '../../lib/import-run.ts';
import { ImportClient, NoMatcherError, serveImport, type ImportPort } from '../../lib/import-worker.ts';
import type { ImportController, ReadChunk } from '../../lib/library-import.ts';
import { parseFromWorker, parseToWorker, Problem, type FileToImport } from '../../lib/messages/import-worker.ts';
import { fixtureBundle, freshName } from '../db/fixture.ts';

let name: string;
let db: LensDatabase;
let channels: MessageChannel[] = [];

beforeEach(async () => {
  name = freshName();
  db = openDatabase(name);
  await importBundle(openDatabase(name, { relaxed: true }), fixtureBundle());
});
afterEach(() => {
  for (const c of channels) c.port1.close();
  channels = [];
  closeDatabase(name);
});

const article = (n: number, file: string): LibraryInput => ({
  title: `خبر رقم ${n} عن البوكمال`, outlet: 'عنب بلدي', date: '2017-11-12', dateEstimated: false,
  language: 'ar', text: `دخل الجيش السوري مدينة البوكمال في اليوم ${n} من الشهر، وفق مصادر محلية عدة.`, origin: 'imported', sourceFile: file,
});

/** "N" lines are articles, "bad" lines problems (core/library/files.ts's shape, without its formats). */
function read(file: string, bytes: Uint8Array): Iterable<ReadChunk> {
  return new TextDecoder().decode(bytes).split('\n').map((line, i) =>
    line === 'bad'
      ? { file, inputs: [], problems: [{ file, line: i + 1, code: 'badJson', params: { detail: 'Unexpected end' } }] }
      : { file, inputs: [article(Number(line), file)], problems: [] },
  );
}

const file = (name: string, ...lines: (number | string)[]): FileToImport => ({ name, blob: new Blob([lines.join('\n')]) });

/** The worker's side on one port, the page's on the other, as in the browser. */
function connect(over: { matcher?: () => Promise<never>; pause?: () => Promise<void> } = {}) {
  const channel = new MessageChannel();
  channels.push(channel);
  const events: ImportRunEvent[] = [];
  channel.port2.addEventListener('message', (e) => events.push((e as MessageEvent).data.event));
  let id = 0;
  const worker: ImportController = serveImport(channel.port1 as unknown as ImportPort, {
    db,
    matcher: over.matcher ?? (async () => loadMatcher((await matcherPayload(db))!.matcher)),
    read,
    pause: over.pause ?? (() => new Promise((r) => setTimeout(r, 0))),
    newId: () => `imp-${++id}`,
  });
  const page = new ImportClient(channel.port2 as unknown as ImportPort);
  const failures: string[] = [];
  page.onFailure((reason, message) => failures.push(`${reason}: ${message}`));
  const until = (test: (s: ImportRunState) => boolean) =>
    new Promise<ImportRunState>((resolve) => {
      if (test(page.state)) return resolve(page.state);
      const stop = page.subscribe((s) => test(s) && (stop(), resolve(s)));
    });
  return { worker, page, failures, events, until, port: channel.port1 };
}

describe('the import through the worker', () => {
  it('the page sees the run the worker makes: progress, a result per file, done; the library and journal as without a worker', async () => {
    const { worker, page, until } = connect();
    const phases: string[] = [];
    page.subscribe((s) => phases.push(s.phase));
    page.run([file('a.jsonl', 1, 2, 'bad', 3), file('b.txt', 4)]);
    const end = await until((s) => s.phase === 'done');
    expect(phases).toContain('reading');
    expect(phases).toContain('storing');
    if (end.phase !== 'done') return;
    expect(end.run.reports.map((r) => [r.file, r.added, r.problems.map((p) => `${p.line}:${p.code}`)])).toEqual([
      ['a.jsonl', 3, ['3:badJson']],
      ['b.txt', 1, []],
    ]);
    // Step for step the same transition function: the page's state IS the worker's.
    await worker.settled();
    expect(page.state).toEqual(worker.state);
    expect(await libraryRows(db)).toHaveLength(4);
    expect(await db.userMeta.get(JOURNAL_KEY)).toBeUndefined();
  });

  it('cancel stops between whole files: the file being read is not written, the rest are listed as not imported', async () => {
    // The second file's reading waits at its pauses until the worker has taken the page's cancel.
    let gate!: () => void;
    const opened = new Promise<void>((r) => (gate = r));
    let worker: ImportController | undefined;
    const c = connect({
      pause: async () => {
        if (worker?.state.phase === 'reading' && worker.state.file === 1) await opened;
        else await new Promise((r) => setTimeout(r, 0));
      },
    });
    worker = c.worker;
    const { page, until } = c;
    page.run([file('one.txt', 1), file('two.jsonl', 2, 3, 4), file('three.txt', 5)]);
    await until((s) => s.phase === 'reading' && s.file === 1);
    page.cancel();
    await expect.poll(() => (worker as unknown as { cancelRequested: boolean }).cancelRequested).toBe(true);
    gate();
    const end = await until((s) => s.phase === 'cancelled');
    if (end.phase !== 'cancelled') return;
    expect(end.run.done).toBe(1);
    expect(notImported(end.run)).toEqual(['two.jsonl', 'three.txt']);
    await worker.settled();
    expect((await libraryRows(db)).map((r) => r.headline)).toEqual(['خبر رقم 1 عن البوكمال']);
    expect(await db.userMeta.get(JOURNAL_KEY)).toBeUndefined();
    page.dismiss();
    expect((await until((s) => s.phase === 'idle')).phase).toBe('idle');
  });

  it('a journal left behind is reported to the page on opening', async () => {
    await db.userMeta.put({ key: 'importRun', importId: 'old', files: ['x.txt', 'y.txt'], done: 1, added: 2, startedAt: 1, updatedAt: 2 } as never);
    const { page, until } = connect();
    page.checkInterrupted();
    const s = await until((s) => s.phase === 'interrupted');
    expect(s).toMatchObject({ phase: 'interrupted', journal: { files: ['x.txt', 'y.txt'], done: 1 } });
  });

  it('a run that cannot start (the data not ready) is told to the page as such', async () => {
    const { page, failures } = connect({ matcher: () => Promise.reject(new NoMatcherError()) });
    page.run([file('a.txt', 1)]);
    await new Promise((r) => setTimeout(r, 50));
    expect(failures).toEqual(['noMatcher: the bundled data is not ready']);
    // Nothing started: no run to show, no journal for the next opening to call interrupted.
    expect(page.state.phase).toBe('idle');
    expect(await db.userMeta.get(JOURNAL_KEY)).toBeUndefined();
  });

  it('a worker that dies mid-run (or sends what the page cannot take) ends the run on the page as failed, not stuck reading', async () => {
    const { page, failures, port } = connect();
    port.postMessage({ type: 'event', event: EXAMPLES.start });
    await new Promise((r) => setTimeout(r, 20));
    expect(page.state.phase).toBe('reading');
    page.fail('out of memory'); // what the page's worker `error` listener calls
    expect(page.state).toMatchObject({ phase: 'failed', reason: 'error', message: 'out of memory' });
    expect(failures).toEqual(['error: out of memory']);
  });

  it('the worker refuses a malformed command in words; the page refuses a message that is not a declared event', async () => {
    const { page, failures, port } = connect();
    // To the worker (as if from the page): a run whose file is no file.
    (page as unknown as { port: ImportPort }).port.postMessage({ type: 'run', files: [{ name: 'a.txt', blob: 'text' }] });
    await new Promise((r) => setTimeout(r, 20));
    // To the page (as if from the worker): a report with a negative count, an event no one declared.
    port.postMessage({ type: 'event', event: { type: 'fileDone', report: { file: 'a', added: -1, duplicates: 0, problems: [] }, now: 1 } });
    port.postMessage({ type: 'event', event: { type: 'explode' } });
    await new Promise((r) => setTimeout(r, 20));
    expect(page.state.phase).toBe('idle');
    expect(failures).toEqual(['error: files[0].blob: not a file', 'error: report.added: not a count', 'error: unknown event event type "explode"']);
    expect(await libraryRows(db)).toEqual([]);
  });
});

/** One example of every event the state machine takes: the compiler asks for a new one. */
const EXAMPLES: { [K in ImportRunEvent['type']]: Extract<ImportRunEvent, { type: K }> } = {
  start: { type: 'start', importId: 'imp-1', files: ['a.txt', 'مجلد/ب.zip'], now: 1 },
  read: { type: 'read', articles: 12, now: 2 },
  store: { type: 'store', now: 3 },
  stored: { type: 'stored', articles: 100, now: 4 },
  tick: { type: 'tick', now: 4 },
  fileDone: { type: 'fileDone', report: { file: 'a.jsonl', added: 2, duplicates: 1, problems: [{ file: 'a.jsonl', line: 3, code: 'badJson', params: { detail: 'Unexpected end' } }, { file: 'a.jsonl', code: 'nothingRead', params: {} }] }, now: 5 },
  storeFailed: { type: 'storeFailed', report: { file: 'a.txt', added: 0, duplicates: 0, problems: [], failed: 'quota' }, reason: 'quota', message: 'QuotaExceededError', now: 6 },
  cancel: { type: 'cancel', now: 7 },
  foundJournal: { type: 'foundJournal', journal: { key: 'importRun', importId: 'x', files: ['a'], done: 0, added: 0, startedAt: 1, updatedAt: 1 } },
  dismiss: { type: 'dismiss' },
};

describe('lib/messages/import-worker.ts: what crosses', () => {
  it.each(Object.values(EXAMPLES))('every declared event crosses as it is: $type', (event) => {
    expect(parseFromWorker(structuredClone({ type: 'event', event }))).toEqual({ type: 'event', event });
  });

  it.each<[string, unknown]>([
    ['an unknown event', { type: 'event', event: { type: 'finish' } }],
    ['an extra field', { type: 'event', event: { ...EXAMPLES.read, html: '<b>' } }],
    ['a negative count', { type: 'event', event: { ...EXAMPLES.read, articles: -1 } }],
    ['a report without its problems', { type: 'event', event: { type: 'fileDone', report: { file: 'a', added: 1, duplicates: 0 }, now: 1 } }],
    ['a problem with a line that is not a number', { type: 'event', event: { type: 'fileDone', report: { file: 'a', added: 1, duplicates: 0, problems: [{ file: 'a', line: '3', code: 'empty', params: {} }] }, now: 1 } }],
    ['a problem of an unknown code', { type: 'event', event: { type: 'fileDone', report: { file: 'a', added: 1, duplicates: 0, problems: [{ file: 'a', code: 'rm -rf', params: {} }] }, now: 1 } }],
    ['a problem with a parameter its code does not have', { type: 'event', event: { type: 'fileDone', report: { file: 'a', added: 1, duplicates: 0, problems: [{ file: 'a', code: 'badJson', params: { detail: 'x', html: '<b>' } }] }, now: 1 } }],
    ['a problem in the old shape (a sentence)', { type: 'event', event: { type: 'fileDone', report: { file: 'a', added: 1, duplicates: 0, problems: [{ file: 'a', problem: 'bad JSON' }] }, now: 1 } }],
    ['a journal that is not one', { type: 'event', event: { type: 'foundJournal', journal: { key: 'importRun' } } }],
    ['a failure of an unknown kind', { type: 'failed', reason: 'meltdown', message: 'x' }],
  ])('the page refuses %s', (_what, message) => {
    expect(parseFromWorker(message)).toBeInstanceOf(Problem);
  });

  it.each<[string, unknown]>([
    ['a file that is not a Blob', { type: 'run', files: [{ name: 'a.txt', blob: 'text' }] }],
    ['a run without files', { type: 'run' }],
    ['an unknown command', { type: 'format' }],
    ['a command with a stray field', { type: 'cancel', now: 1 }],
  ])('the worker refuses %s', (_what, message) => {
    expect(parseToWorker(message)).toBeInstanceOf(Problem);
  });

  it('the worker takes a run of picked files', () => {
    const blob = new Blob(['1']);
    expect(parseToWorker({ type: 'run', files: [{ name: 'a.txt', blob }] })).toEqual({ type: 'run', files: [{ name: 'a.txt', blob }] });
  });
});
