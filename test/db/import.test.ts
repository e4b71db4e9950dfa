import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase, LensDatabase, openDatabase, SCHEMA } from '../../db/database.ts';
import { importBundle, importStatus, isReady, parseBundle, throttleProgress } from '../../db/import.ts';
import { matcherPayload } from '../../db/queries.ts';
import type { Bundle } from '../../core/types.ts';
import { bigBundle, fixtureBundle, freshName } from './fixture.ts';

const names: string[] = [];
function fresh(): { name: string; db: LensDatabase; bulk: LensDatabase } {
  const name = freshName();
  names.push(name);
  return { name, db: openDatabase(name), bulk: openDatabase(name, { relaxed: true }) };
}
afterEach(() => {
  for (const n of names.splice(0)) closeDatabase(n);
  vi.restoreAllMocks();
});

/** Rows written by bulkPut into `table` (through any connection) while the spy is on. */
function spyBulkPut(db: LensDatabase, table: string) {
  const spy = vi.spyOn(Object.getPrototypeOf(db.table(table)) as { bulkPut: (rows: unknown[]) => Promise<unknown> }, 'bulkPut');
  const calls = () =>
    spy.mock.calls.filter((_, i) => (spy.mock.contexts[i] as { name: string }).name === table).map(([rows]) => rows.length);
  return { calls, rows: () => calls().reduce((a, b) => a + b, 0) };
}

async function counts(db: LensDatabase) {
  return {
    entities: await db.entities.count(),
    names: await db.names.count(),
    articles: await db.articles.count(),
    coverage: await db.coverage.count(),
    articleMentions: await db.articleMentions.count(),
  };
}
const expected = (b: Bundle) => ({
  entities: b.entities.length,
  names: b.names.length,
  articles: b.articles.length,
  coverage: b.coverage.length,
  articleMentions: b.articleMentions.length,
});

describe('schema', () => {
  it('lists versions in increasing order and opens at the newest', async () => {
    const versions = SCHEMA.map((s) => s.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    const { db } = fresh();
    await db.open();
    expect(db.verno).toBe(versions.at(-1));
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      ['articleMentions', 'articles', 'coverage', 'entities', 'meta', 'names', 'settings', 'sites'],
    );
  });

  it('indexes names by key and by entity, entities by kind and name', async () => {
    const { db, bulk } = fresh();
    const bundle = fixtureBundle();
    await importBundle(bulk, bundle);
    const key = bundle.names.find((n) => n.entityId === 'place:albukamal')!.key;
    expect((await db.names.where('key').equals(key).toArray()).map((n) => n.entityId)).toEqual(['place:albukamal']);
    expect(await db.names.where('entityId').equals('place:syria').count()).toBe(2);
    expect((await db.entities.where('kind').equals('army').toArray()).map((e) => e.id)).toEqual(['group:syrian-army']);
    expect((await db.entities.where('name').equals('القائم').first())?.id).toBe('place:alqaim');
  });
});

describe('importBundle', () => {
  it('stores every table of the bundle and marks the database ready with its version', async () => {
    const { db, bulk } = fresh();
    const bundle = fixtureBundle();
    expect(await importStatus(db)).toEqual({ state: 'empty', progress: 0 });
    const result = await importBundle(bulk, bundle, { extensionVersion: '1.2.3' });
    expect(result).toEqual({ imported: true, resumed: false, version: bundle.version });
    expect(await counts(db)).toEqual(expected(bundle));
    expect(await importStatus(db)).toEqual({ state: 'ready', progress: 1, bundleVersion: bundle.version });
    expect(await isReady(db, bundle.version)).toBe(true);
    expect(await db.entities.get('place:albukamal')).toEqual(bundle.entities.find((e) => e.id === 'place:albukamal'));
    expect(await db.articles.get('a1')).toEqual(bundle.articles[0]);
    const payload = await matcherPayload(db);
    expect(payload?.version).toBe(bundle.version);
    expect(payload?.matcher).toEqual(bundle.matcher);
    expect(payload?.kinds).toEqual({
      'place:syria': 'country', 'place:albukamal': 'city', 'place:alqaim': 'town', 'group:syrian-army': 'army',
    });
  });

  it('does nothing when the same bundle version is already stored', async () => {
    const { db, bulk } = fresh();
    const bundle = fixtureBundle();
    await importBundle(bulk, bundle);
    await db.entities.update('place:syria', { description: 'edited after import' });
    const put = spyBulkPut(bulk, 'entities');
    const result = await importBundle(bulk, bundle);
    expect(result.imported).toBe(false);
    expect(put.calls()).toEqual([]);
    expect((await db.entities.get('place:syria'))?.description).toBe('edited after import');
  });

  it('replaces the bundled tables on a new version and leaves settings and sites alone', async () => {
    const { db, bulk } = fresh();
    const old = bigBundle(40);
    await importBundle(bulk, old);
    await db.settings.put({ key: 'uiLang', value: 'en' });
    await db.sites.put({ host: 'example.com', enabled: false, updatedAt: 1 });
    const next = fixtureBundle();
    expect(next.version).not.toBe(old.version);
    await importBundle(bulk, next);
    expect(await counts(db)).toEqual(expected(next));
    expect(await db.entities.get('place:village-3')).toBeUndefined();
    expect(await db.settings.get('uiLang')).toEqual({ key: 'uiLang', value: 'en' });
    expect(await db.sites.get('example.com')).toEqual({ host: 'example.com', enabled: false, updatedAt: 1 });
    expect((await importStatus(db)).bundleVersion).toBe(next.version);
  });

  it('writes in batches and reports progress at most once per percent, ending at 1', async () => {
    const { bulk } = fresh();
    const bundle = bigBundle(400);
    const put = spyBulkPut(bulk, 'names');
    const seen: number[] = [];
    await importBundle(bulk, bundle, { batchSize: 3, onProgress: (p) => seen.push(p) });
    expect(put.calls().length).toBe(Math.ceil(bundle.names.length / 3));
    expect(put.calls().every((n) => n <= 3)).toBe(true);
    expect(put.rows()).toBe(bundle.names.length);
    expect(seen.length).toBeGreaterThan(50);
    expect(seen.length).toBeLessThanOrEqual(101);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThan(seen[i - 1]!);
    for (const p of seen) expect(Math.round(p * 100)).toBeCloseTo(p * 100, 9);
  });

  it('uses relaxed durability on the import connection and the default on the other', async () => {
    // Dexie binds IDBDatabase.transaction when it opens: watch the prototype before that.
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const { db, bulk } = fresh();
    await db.open();
    await bulk.open();
    const writes = () =>
      spy.mock.calls.flatMap(([stores, mode, options], i) =>
        mode === 'readwrite'
          ? [{ conn: spy.mock.contexts[i] === bulk.backendDB() ? 'bulk' : 'db', stores: [stores].flat(), durability: options?.durability }]
          : [],
      );
    await importBundle(bulk, fixtureBundle());
    const importWrites = writes();
    spy.mockClear();
    expect(importWrites.every((w) => w.conn === 'bulk')).toBe(true);
    expect(importWrites.length).toBeGreaterThan(3);
    expect(importWrites.every((w) => w.durability === 'relaxed')).toBe(true);
    await db.sites.put({ host: 'example.com', enabled: false, updatedAt: 1 });
    // No durability option: the browser's default for the reader's own data.
    expect(writes()).toEqual([{ conn: 'db', stores: ['sites'], durability: undefined }]);
  });

  it('after an import that stopped half-way, reports not ready and resumes where it stopped', async () => {
    const { name, db, bulk } = fresh();
    const bundle = bigBundle(300);
    // The worker "dies" after a few batches: its connection closes under the import.
    let batches = 0;
    await expect(
      importBundle(bulk, bundle, {
        batchSize: 20,
        onProgress: () => {
          if (++batches === 6) bulk.close();
        },
      }),
    ).rejects.toThrow();
    closeDatabase(name);

    const reader = openDatabase(name);
    const status = await importStatus(reader);
    expect(status.state).not.toBe('ready');
    expect(status.progress).toBeGreaterThan(0);
    expect(status.progress).toBeLessThan(1);
    expect(await isReady(reader)).toBe(false);
    expect(await matcherPayload(reader)).toBeNull();
    const partial = await reader.entities.count();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(bundle.entities.length);

    // Restart: the same bundle resumes, writing only what was missing.
    const again = openDatabase(name, { relaxed: true });
    const put = spyBulkPut(again, 'entities');
    const result = await importBundle(again, bundle, { batchSize: 20 });
    expect(result).toEqual({ imported: true, resumed: true, version: bundle.version });
    expect(put.rows()).toBe(bundle.entities.length - partial);
    expect(await counts(reader)).toEqual(expected(bundle));
    expect(await reader.entities.toArray()).toEqual([...bundle.entities].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(await importStatus(reader)).toEqual({ state: 'ready', progress: 1, bundleVersion: bundle.version });
    void db;
  });

  it('starts over when the interrupted import was of another version', async () => {
    const { db, bulk } = fresh();
    const first = bigBundle(100);
    let n = 0;
    const broken = { ...first, articles: [...first.articles, { id: undefined } as never] };
    await expect(importBundle(bulk, broken, { batchSize: 10, onProgress: () => void n++ })).rejects.toThrow();
    expect((await importStatus(db)).state).toBe('error');
    expect((await importStatus(db)).error).toMatch(/\S/);
    const next = fixtureBundle();
    const result = await importBundle(bulk, next);
    expect(result.resumed).toBe(false);
    expect(await counts(db)).toEqual(expected(next));
    expect(await db.entities.get('place:village-1')).toBeUndefined();
  });

  it('resumes after a failed batch once the bundle of that version is readable again', async () => {
    const { db, bulk } = fresh();
    const good = fixtureBundle();
    const broken: Bundle = { ...good, coverage: [...good.coverage, { entityId: undefined } as never] };
    await expect(importBundle(bulk, broken, { batchSize: 2 })).rejects.toThrow();
    const status = await importStatus(db);
    expect(status.state).toBe('error');
    expect(await db.entities.count()).toBe(good.entities.length);
    const result = await importBundle(bulk, good, { batchSize: 2 });
    expect(result.resumed).toBe(true);
    expect(await counts(db)).toEqual(expected(good));
    expect(await db.coverage.toArray()).toEqual([...good.coverage].sort((a, b) => (a.entityId < b.entityId ? -1 : 1)));
  });
});

describe('throttleProgress', () => {
  it('passes each whole percent once and clamps', () => {
    const seen: number[] = [];
    const p = throttleProgress((f) => seen.push(f));
    for (const f of [0, 0.001, 0.009, 0.01, 0.015, 0.5, 0.2, 1.5, 1]) p(f);
    expect(seen).toEqual([0, 0.01, 0.5, 1]);
  });
});

describe('parseBundle', () => {
  it('accepts a built bundle', () => {
    const b = fixtureBundle();
    expect(parseBundle(JSON.parse(JSON.stringify(b)))).toEqual(b);
  });
  it.each([
    ['null', null],
    ['an array', []],
    ['no version', { ...fixtureBundle(), version: '' }],
    ['entities not a list', { ...fixtureBundle(), entities: {} }],
    ['no matcher', { ...fixtureBundle(), matcher: null }],
    ['an entity without id', { ...fixtureBundle(), entities: [{ name: 'x' }] }],
    ['a name without key', { ...fixtureBundle(), names: [{ entityId: 'place:x' }] }],
  ])('rejects %s', (_what, data) => {
    expect(() => parseBundle(data)).toThrow(/bundle\.json/);
  });
});
