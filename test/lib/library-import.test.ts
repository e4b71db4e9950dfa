/**
 * The import run against a real (fake-indexeddb) database: each file is stored whole with the
 * journal's count, bad files and lines are reported by name and line while good ones go in, an
 * interrupted run leaves whole files and a journal that the next opening reports, and a full disk
 * is reported with the database consistent.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryInput } from '../../core/library/input.ts';
import { closeDatabase, type LensDatabase } from '../../db/database.ts';
import { libraryRows, libraryTotals } from '../../db/library.ts';
import { asJournal, JOURNAL_KEY } from '../../lib/import-run.ts';
import { ImportController, type PickedFile, type ReadChunk } from '../../lib/library-import.ts';
import { openBundleDatabase, storedMatcher } from '../db/bundle-db.ts';

let name: string;
let db: LensDatabase;

beforeEach(async () => ({ name, db } = await openBundleDatabase()));
afterEach(() => closeDatabase(name));

const article = (n: number, file: string): LibraryInput => ({
  title: `خبر رقم ${n} عن البوكمال`, outlet: 'عنب بلدي', date: `2017-11-${String(10 + (n % 9)).padStart(2, '0')}`, dateEstimated: false,
  language: 'ar', text: `دخل الجيش السوري مدينة البوكمال في اليوم ${n} من الشهر، وفق مصادر محلية عدة.`, origin: 'imported', sourceFile: file,
});

/** A tiny stand-in for core/library/files.ts: "N articles" per line, "bad" lines are problems. */
function read(name: string, bytes: Uint8Array): Iterable<ReadChunk> {
  const lines = new TextDecoder().decode(bytes).split('\n');
  if (lines[0] === 'corrupt') return [{ file: name, inputs: [], problems: [{ file: name, code: 'notZip', params: {} }] }];
  return lines.map((line, i) =>
    line === 'bad'
      ? { file: name, inputs: [], problems: [{ file: name, line: i + 1, code: 'badJson', params: { detail: 'x' } }] }
      : { file: name, inputs: [article(Number(line), name)], problems: [] },
  );
}

const file = (name: string, ...lines: (number | string)[]): PickedFile => ({
  name,
  bytes: async () => new TextEncoder().encode(lines.join('\n')),
});

function controller(over: Partial<ConstructorParameters<typeof ImportController>[0]> = {}) {
  let id = 0;
  return new ImportController({
    db,
    matcher: () => storedMatcher(db),
    read,
    pause: () => Promise.resolve(),
    newId: () => `imp-${++id}`,
    ...over,
  });
}

describe('ImportController', () => {
  it('imports the good files and lines, reports the bad ones by file and line, and leaves no journal', async () => {
    const c = controller();
    const end = await c.run([file('a.jsonl', 1, 2, 'bad', 3), file('broken.zip', 'corrupt'), file('b.txt', 4)]);
    expect(end.phase).toBe('done');
    if (end.phase !== 'done') return;
    expect(end.run.reports.map((r) => [r.file, r.added, r.duplicates, r.problems.map((p) => `${p.line ?? ''}:${p.code}`)])).toEqual([
      ['a.jsonl', 3, 0, ['3:badJson']],
      ['broken.zip', 0, 0, [':notZip']],
      ['b.txt', 1, 0, []],
    ]);
    const rows = await libraryRows(db);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.origin === 'imported' && r.importId === 'imp-1')).toBe(true);
    expect((await libraryTotals(db))['place:albukamal']?.articles).toBe(4);
    expect(await db.userMeta.get(JOURNAL_KEY)).toBeUndefined();
  });

  it('importing the same files again adds nothing: every article is a duplicate', async () => {
    await controller().run([file('a.jsonl', 1, 2)]);
    const again = await controller().run([file('a.jsonl', 1, 2)]);
    expect(again.phase === 'done' && again.run.reports[0]).toMatchObject({ added: 0, duplicates: 2 });
    expect(await libraryRows(db)).toHaveLength(2);
  });

  it('a run stopped mid-way (the page closed) leaves whole files and a journal the next opening reports', async () => {
    const c = controller();
    // The third file never arrives: the page is closed while it is read.
    const stuck: PickedFile = { name: 'big.zip', bytes: () => new Promise(() => undefined) };
    void c.run([file('a.txt', 1, 2), file('b.txt', 3), stuck, file('d.txt', 4)]);
    await expect.poll(() => c.state.phase === 'reading' && c.state.file === 2).toBe(true);
    await c.settled();

    const journal = asJournal(await db.userMeta.get(JOURNAL_KEY));
    expect(journal).toMatchObject({ files: ['a.txt', 'b.txt', 'big.zip', 'd.txt'], done: 2, added: 3 });
    expect((await libraryRows(db)).map((r) => r.file).sort()).toEqual(['a.txt', 'a.txt', 'b.txt']);

    const reopened = controller();
    await reopened.checkInterrupted();
    expect(reopened.state).toMatchObject({ phase: 'interrupted', journal: { done: 2, files: ['a.txt', 'b.txt', 'big.zip', 'd.txt'] } });
    // Picking the files again is safe: what was stored is skipped, the rest goes in.
    const again = await reopened.run([file('a.txt', 1, 2), file('b.txt', 3), file('big.zip', 5), file('d.txt', 4)]);
    expect(again.phase === 'done' && again.run.reports.map((r) => [r.added, r.duplicates])).toEqual([[0, 2], [0, 1], [1, 0], [1, 0]]);
    expect(await libraryRows(db)).toHaveLength(5);
    expect(await db.userMeta.get(JOURNAL_KEY)).toBeUndefined();
  });

  it('dismissing the interrupted report removes the journal', async () => {
    await db.userMeta.put({ key: 'importRun', importId: 'x', files: ['a', 'b'], done: 1, added: 1, startedAt: 1, updatedAt: 1 });
    const c = controller();
    await c.checkInterrupted();
    expect(c.state.phase).toBe('interrupted');
    c.dispatch({ type: 'dismiss' });
    await c.settled();
    expect(c.state.phase).toBe('idle');
    expect(await db.userMeta.get(JOURNAL_KEY)).toBeUndefined();
  });

  it('a full disk stops the run, says so, and keeps the files stored before it whole', async () => {
    const c = controller();
    const realBulkPut = db.libraryTexts.bulkPut.bind(db.libraryTexts);
    let calls = 0;
    db.libraryTexts.bulkPut = ((...args: Parameters<typeof realBulkPut>) => {
      if (++calls === 2) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      return realBulkPut(...args);
    }) as typeof db.libraryTexts.bulkPut;
    const end = await c.run([file('a.txt', 1, 2), file('b.txt', 3, 4), file('c.txt', 5)]);
    expect(end).toMatchObject({ phase: 'failed', reason: 'quota', run: { done: 1, added: 2 } });
    if (end.phase === 'failed') expect(end.run.reports.map((r) => [r.file, r.failed])).toEqual([['a.txt', undefined], ['b.txt', 'quota']]);
    const rows = await libraryRows(db);
    expect(rows.map((r) => r.headline).sort()).toEqual(['خبر رقم 1 عن البوكمال', 'خبر رقم 2 عن البوكمال']);
    // No half-stored article of b.txt: rows, texts, coverage and totals agree.
    expect(await db.libraryTexts.count()).toBe(2);
    expect(new Set((await db.libraryCoverage.toArray()).map((c) => c.articleId)).size).toBe(2);
    expect((await libraryTotals(db))['place:albukamal']?.articles).toBe(2);
    expect(await db.userMeta.get(JOURNAL_KEY)).toBeUndefined();
  });

  it('pauses between slices and tells how many articles of the file are read', async () => {
    let pauses = 0;
    const seen: number[] = [];
    let t = 0;
    const perf = globalThis.performance.now;
    globalThis.performance.now = () => (t += 5); // every article "takes" 5 ms: a pause every few
    try {
      const c = controller({ pause: async () => void pauses++ });
      c.subscribe((s) => s.phase === 'reading' && s.articles > 0 && seen.push(s.articles));
      await c.run([file('a.jsonl', ...Array.from({ length: 20 }, (_, i) => i + 1))]);
    } finally {
      globalThis.performance.now = perf;
    }
    expect(pauses).toBeGreaterThan(5);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(20);
  });

  it('a large file is written in slices within its one transaction: the page counts them; duplicates across slices are found', async () => {
    const c = controller();
    const stored: number[] = [];
    c.subscribe((s) => s.phase === 'storing' && s.stored !== undefined && stored.push(s.stored));
    // 250 lines: 1..240, then 10 repeats of articles from the first slice.
    const lines = [...Array.from({ length: 240 }, (_, i) => i + 1), ...Array.from({ length: 10 }, (_, i) => i + 1)];
    const end = await c.run([file('big.jsonl', ...lines)]);
    expect(stored).toEqual([100, 200]);
    expect(end.phase === 'done' && end.run.reports[0]).toMatchObject({ added: 240, duplicates: 10 });
    expect(await libraryRows(db)).toHaveLength(240);
    expect(await db.libraryTexts.count()).toBe(240);
    expect((await libraryTotals(db))['place:albukamal']?.articles).toBe(240);
  });

  it('a large file that fails in its last slice leaves nothing of it: the slices are one transaction', async () => {
    const c = controller();
    const realBulkPut = db.libraryTexts.bulkPut.bind(db.libraryTexts);
    let calls = 0;
    db.libraryTexts.bulkPut = ((...args: Parameters<typeof realBulkPut>) => {
      // addToLibrary writes 50 a request: the 5th request is the third slice's.
      if (++calls === 5) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      return realBulkPut(...args);
    }) as typeof db.libraryTexts.bulkPut;
    const end = await c.run([file('big.jsonl', ...Array.from({ length: 250 }, (_, i) => i + 1))]);
    expect(end).toMatchObject({ phase: 'failed', reason: 'quota', run: { done: 0, added: 0 } });
    expect(await libraryRows(db)).toHaveLength(0);
    expect(await db.libraryTexts.count()).toBe(0);
    expect(await libraryTotals(db)).toEqual({});
  });

  it('an article the detector trips on is that file\'s problem; the file\'s other articles and the next files go in', async () => {
    const real = await storedMatcher(db);
    const tripping = Object.create(real, {
      scan: { value: (text: string) => (text.includes('اليوم 2 ') ? (() => { throw new Error('boom'); })() : real.scan(text)) },
    }) as typeof real;
    const end = await controller({ matcher: async () => tripping }).run([file('a.jsonl', 1, 2, 3), file('b.txt', 4)]);
    expect(end.phase).toBe('done');
    if (end.phase !== 'done') return;
    expect(end.run.reports.map((r) => [r.file, r.added, r.problems.map((p) => [p.code, p.params])])).toEqual([
      ['a.jsonl', 2, [['namesFailed', { title: 'خبر رقم 2 عن البوكمال', detail: 'boom' }]]],
      ['b.txt', 1, []],
    ]);
    expect(await libraryRows(db)).toHaveLength(3);
  });
});
