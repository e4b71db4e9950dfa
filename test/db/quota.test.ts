/**
 * A full disk during the import: the browser refuses a write with QuotaExceededError (bare, as
 * IndexedDB raises it, or wrapped by Dexie). The import stops, the database stays consistent (the
 * refused batch rolls back, the import record says 'error' with a readable message and the kind
 * 'quota'), the reader's data is untouched, getStatus reports it, and once space is free the import
 * resumes where it stopped. When not even the error can be written, the background still reports
 * it (entrypoints/background/data.ts), it is never swallowed.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDatabase, DB_NAME, openDatabase, type LensDatabase } from '../../db/database.ts';
import { entityBuckets } from '../../db/rows.ts';
import { ImportFailure, importBundle, importStatus, isQuotaError, QUOTA_MESSAGE, readImportRecord } from '../../db/import.ts';
import { ensureData } from '../../entrypoints/background/data.ts';
import { handle } from '../../entrypoints/background/handlers.ts';
import { bigBundle, freshName, storedCounts } from './fixture.ts';
import { libraryDocument } from '../../core/library/document.ts';
import { loadMatcher } from '../../core/match/automaton.ts';
import { addToLibrary, libraryRows } from '../../db/library.ts';
import { cardData, matcherPayload } from '../../db/queries.ts';
import { errorText } from '../../lib/errors.ts';
import { t } from '../../lib/i18n.ts';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Make bulkPut into `table` refuse with `error` from its `after`-th call on (0: at once). */
function refuseBulkPut(db: LensDatabase, table: string, error: () => unknown, after = 0) {
  const proto = Object.getPrototypeOf(db.table(table)) as { bulkPut: (...args: unknown[]) => Promise<unknown> };
  const original = proto.bulkPut;
  let calls = 0;
  return vi.spyOn(proto, 'bulkPut').mockImplementation(function (this: { name: string }, ...args: unknown[]) {
    if (this.name === table && calls++ >= after) return Promise.reject(error());
    return original.apply(this, args);
  });
}

const names: string[] = [];
afterEach(() => {
  for (const n of names.splice(0)) closeDatabase(n);
  vi.restoreAllMocks();
});
function fresh(): LensDatabase {
  const name = freshName();
  names.push(name);
  return openDatabase(name, { relaxed: true });
}

describe('isQuotaError', () => {
  it('sees the quota error bare and inside Dexie’s wrappers', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
    expect(isQuotaError(new Dexie.BulkError('1 of 3 failed', [quota()]))).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError(new Dexie.ConstraintError('key exists'))).toBe(false);
  });
});

describe('a quota error during the import', () => {
  it.each([
    ['bare, as IndexedDB raises it', quota],
    ['wrapped by Dexie', () => new Dexie.AbortError('Transaction aborted', quota())],
  ])('(%s) stops it with a readable error, keeps the database consistent, and it resumes', async (_what, error) => {
    const db = fresh();
    const bundle = bigBundle(120);
    await db.sites.put({ host: 'www.aljazeera.net', enabled: false, updatedAt: 1 });
    const spy = refuseBulkPut(db, 'entities', error, 3);
    const failure = await importBundle(db, bundle, { batchSize: 20 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(ImportFailure);
    expect((failure as ImportFailure).kind).toBe('quota');
    const status = await importStatus(db);
    expect(status).toMatchObject({ state: 'error', errorKind: 'quota', error: QUOTA_MESSAGE });
    expect(status.progress).toBeGreaterThan(0);
    expect(status.progress).toBeLessThan(1);
    // Consistent: the refused batch rolled back, the record counts what is stored.
    const record = await readImportRecord(db);
    expect(record?.done.entities).toBe(await db.entities.count());
    // Three batches of 20 rows (buckets of entities) committed, no article.
    const committed = entityBuckets(bundle).slice(0, 3 * 20).reduce((n, b) => n + b.items.length, 0);
    expect(await storedCounts(db)).toEqual({ entities: committed, articles: 0 });
    expect(await db.sites.get('www.aljazeera.net')).toEqual({ host: 'www.aljazeera.net', enabled: false, updatedAt: 1 });

    // Space freed: the same bundle resumes where it stopped.
    spy.mockRestore();
    const result = await importBundle(db, bundle, { batchSize: 20 });
    expect(result).toMatchObject({ imported: true, resumed: true });
    expect(await storedCounts(db)).toEqual({ entities: bundle.entities.length, articles: bundle.articles.length });
    expect(await importStatus(db)).toEqual({ state: 'ready', progress: 1, bundleVersion: bundle.version });
  });
});

describe('the background, when storage is too full to record the error', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    closeDatabase(DB_NAME);
    await Dexie.delete(DB_NAME);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'khabar-lens', version: '0.1.0' });
  });
  afterEach(async () => {
    closeDatabase(DB_NAME);
    await Dexie.delete(DB_NAME);
  });

  it('reports the failure through getStatus instead of "preparing…" for ever', async () => {
    const bundle = bigBundle(20);
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify(bundle), { status: 200 }));
    const db = openDatabase(DB_NAME, { relaxed: true });
    refuseBulkPut(db, 'entities', quota);
    // The meta table refuses too once the import has started: the error record cannot be written.
    const metaProto = Object.getPrototypeOf(db.meta) as { put: (...args: unknown[]) => Promise<unknown> };
    const put = metaProto.put;
    vi.spyOn(metaProto, 'put').mockImplementation(function (this: { name: string }, ...args: unknown[]) {
      const row = args[0] as { key?: string; state?: string };
      if (this.name === 'meta' && row.key === 'import' && row.state === 'error') return Promise.reject(quota());
      return put.apply(this, args);
    });
    await expect(ensureData({ check: true })).rejects.toBeInstanceOf(ImportFailure);
    // The database still says 'importing' (it could not be told otherwise)…
    expect((await importStatus(openDatabase(DB_NAME))).state).toBe('importing');
    // …but the answer to getStatus is the error, in words.
    expect(await handle({ type: 'getStatus' }, { kind: 'extension' })).toMatchObject({
      state: 'error',
      errorKind: 'quota',
      error: QUOTA_MESSAGE,
    });
  });

  it('reports an unreadable bundle the same way', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('not json', { status: 200 }));
    await expect(ensureData({ check: true })).rejects.toThrow();
    const status = await handle({ type: 'getStatus' }, { kind: 'extension' });
    expect(status.state).toBe('error');
    expect(status.error).toMatch(/JSON/);
  });
});

describe('a quota error while the reader saves to their library', () => {
  it('stores none of that save, keeps the earlier library whole, and is told in words', async () => {
    const db = fresh();
    await importBundle(db, bigBundle(5));
    const matcher = loadMatcher((await matcherPayload(db))!.matcher);
    const doc = (i: number) =>
      libraryDocument(
        { title: `خبر ${i}`, outlet: 'نشرة', url: `https://example.com/${i}`, date: '2024-01-0' + i, dateEstimated: false, language: 'ar', text: `خبر ${i} عن البوكمال.`, origin: 'saved' },
        matcher,
      );
    await addToLibrary(db, [doc(1)], { origin: 'saved' });
    // The disk fills up at the next save's coverage rows (its third write).
    refuseBulkPut(db, 'libraryCoverage', quota);
    const failure = await addToLibrary(db, [doc(2), doc(3)], { origin: 'saved' }).catch((e: unknown) => e);
    expect(isQuotaError(failure)).toBe(true);
    expect(errorText(failure, 'ar')).toBe(t('storageFull', 'ar'));
    vi.restoreAllMocks();
    // Nothing of the refused save: no row, no text, no count; the first article whole.
    expect((await libraryRows(db)).map((r) => r.headline)).toEqual(['خبر 1']);
    expect(await db.libraryTexts.count()).toBe(1);
    expect((await cardData(db, 'place:albukamal'))!.library).toEqual({ articles: 1, mentions: 1 });
    // And the next save, with room again, works.
    expect((await addToLibrary(db, [doc(2)], { origin: 'saved' }))[0]!.status).toBe('added');
  });
});
