import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase, LensDatabase, openDatabase, SCHEMA } from '../../db/database.ts';
import { importBundle, importStatus, isReady, parseBundle, readImportRecord, throttleProgress } from '../../db/import.ts';
import { articleRow, cardData, entityRow, matcherPayload, readGazetteerRecord } from '../../db/queries.ts';
import type { Bundle } from '../../core/types.ts';
import { ENTITY_BUCKETS, type GazetteerData } from '../../db/database.ts';
import { bucketOf, coverageOf, entityBuckets, entityOf, mentionsOf } from '../../db/rows.ts';
import { bigBundle, fixtureBundle, freshName, storedCounts } from './fixture.ts';

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

/** Make the next `times` bulkPuts into `table` fail, as a write the browser refuses. */
function failBulkPut(db: LensDatabase, table: string, times = 1) {
  const proto = Object.getPrototypeOf(db.table(table)) as { bulkPut: (...args: unknown[]) => Promise<unknown> };
  const original = proto.bulkPut;
  let left = times;
  return vi.spyOn(proto, 'bulkPut').mockImplementation(function (this: { name: string }, ...args: unknown[]) {
    if (this.name === table && left-- > 0) return Promise.reject(new Error('the write failed'));
    return original.apply(this, args);
  });
}

/** Rows written by bulkPut into `table` (through any connection) while the spy is on. */
function spyBulkPut(db: LensDatabase, table: string) {
  const spy = vi.spyOn(Object.getPrototypeOf(db.table(table)) as { bulkPut: (rows: unknown[]) => Promise<unknown> }, 'bulkPut');
  const calls = () =>
    spy.mock.calls.filter((_, i) => (spy.mock.contexts[i] as { name: string }).name === table).map(([rows]) => rows.length);
  return { calls, rows: () => calls().reduce((a, b) => a + b, 0) };
}

async function counts(db: LensDatabase) {
  return storedCounts(db);
}
/** One row per entity and one per article: the bundle's names, coverage and mentions share them. */
const expected = (b: Bundle) => ({ entities: b.entities.length, articles: b.articles.length });

describe('schema', () => {
  it('lists versions in increasing order and opens at the newest', async () => {
    const versions = SCHEMA.map((s) => s.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    const { db } = fresh();
    await db.open();
    expect(db.verno).toBe(versions.at(-1));
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'articles', 'entities', 'library', 'libraryCoverage', 'libraryTexts', 'libraryWords', 'meta', 'sites', 'userEntities', 'userMeta',
    ]);
    // No secondary index on the bundled tables: no query reads them by anything but the primary
    // key, and each costs every write. The library's indexes answer its duplicates and deletes.
    for (const t of [db.entities, db.articles, db.meta]) expect(t.schema.indexes).toEqual([]);
  });

  it('keeps an entity’s coverage in its row and an article’s mentions in its row, as offsets into the article’s text', async () => {
    const { db, bulk } = fresh();
    const bundle = fixtureBundle();
    await importBundle(bulk, bundle);
    const row = (await entityRow(db, 'place:albukamal'))!;
    expect(entityOf(row)).toEqual(bundle.entities.find((e) => e.id === 'place:albukamal'));
    const coverage = bundle.coverage.find((c) => c.entityId === 'place:albukamal')!;
    const stored = coverageOf(row)!;
    expect(stored).toMatchObject({ entityId: coverage.entityId, mentions: coverage.mentions, related: coverage.related });
    // No snippet repeats the article's text: each is where it lies in it.
    for (const a of stored.articles) for (const s of a.snippets) expect(Array.isArray(s)).toBe(true);
    const a1 = (await articleRow(db, 'a1'))!;
    const mentions = bundle.articleMentions.find((m) => m.articleId === 'a1')!.mentions;
    expect(mentionsOf(a1)).toEqual(mentions.map((m) => [m.start, m.end, m.entityId, m.confidence]));
    expect(mentionsOf(a1).map(([start, end]) => a1.text.slice(start, end))).toContain('البوكمال');
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
    expect(entityOf((await entityRow(db, 'place:albukamal'))!)).toEqual(bundle.entities.find((e) => e.id === 'place:albukamal'));
    expect(await articleRow(db, 'a1')).toMatchObject(bundle.articles[0]!);
    // Each entity in the row of its bucket.
    for (const bucket of await db.entities.toArray()) {
      for (const e of bucket.items) expect(bucketOf(e.id, ENTITY_BUCKETS)).toBe(bucket.id);
    }
    expect((await counts(db)).entities).toBe(bundle.entities.length);
    expect(await entityRow(db, 'place:nowhere')).toBeUndefined();
    expect(await matcherPayload(db)).toEqual({ version: bundle.version, matcher: bundle.matcher });
    // The search's record: every entity and its mentions, of this version.
    const record = await readGazetteerRecord(db);
    expect(record?.version).toBe(bundle.version);
    const gazetteer = JSON.parse(record!.json) as GazetteerData;
    expect(gazetteer.entities).toEqual(bundle.entities);
    expect(gazetteer.mentions['place:albukamal']).toBe(bundle.coverage.find((c) => c.entityId === 'place:albukamal')!.mentions);
  });

  it('does nothing when the same bundle version is already stored', async () => {
    const { db, bulk } = fresh();
    const bundle = fixtureBundle();
    await importBundle(bulk, bundle);
    await db.entities.toCollection().modify((c) => {
      for (const e of c.items) if (e.id === 'place:syria') e.entity = JSON.stringify({ ...entityOf(e), description: 'edited after import' });
    });
    const put = spyBulkPut(bulk, 'entities');
    const result = await importBundle(bulk, bundle);
    expect(result.imported).toBe(false);
    expect(put.calls()).toEqual([]);
    expect(entityOf((await entityRow(db, 'place:syria'))!).description).toBe('edited after import');
  });

  it('records a new extension version over the same bundle, so the next start does not read the bundle again', async () => {
    const { db, bulk } = fresh();
    const bundle = fixtureBundle();
    await importBundle(bulk, bundle, { extensionVersion: '1.0.0' });
    const put = spyBulkPut(bulk, 'entities');
    const result = await importBundle(bulk, bundle, { extensionVersion: '1.0.1' });
    expect(result.imported).toBe(false);
    expect(put.calls()).toEqual([]);
    expect(await readImportRecord(db)).toMatchObject({ state: 'ready', bundleVersion: bundle.version, extensionVersion: '1.0.1' });
    expect(await importStatus(db)).toEqual({ state: 'ready', progress: 1, bundleVersion: bundle.version });
  });

  it('replaces the bundled tables on a new version and leaves the sites alone', async () => {
    const { db, bulk } = fresh();
    const old = bigBundle(40);
    await importBundle(bulk, old);
    await db.sites.put({ host: 'example.com', enabled: false, updatedAt: 1 });
    const next = fixtureBundle();
    expect(next.version).not.toBe(old.version);
    await importBundle(bulk, next);
    expect(await counts(db)).toEqual(expected(next));
    expect(await entityRow(db, 'place:village-3')).toBeUndefined();
    expect((JSON.parse((await readGazetteerRecord(db))!.json) as GazetteerData).entities.map((e) => e.id)).not.toContain('place:village-3');
    expect(await db.sites.get('example.com')).toEqual({ host: 'example.com', enabled: false, updatedAt: 1 });
    expect((await importStatus(db)).bundleVersion).toBe(next.version);
  });

  it('writes in batches and reports progress at most once per percent, ending at 1', async () => {
    const { bulk } = fresh();
    const bundle = bigBundle(400);
    const put = spyBulkPut(bulk, 'entities');
    const seen: number[] = [];
    await importBundle(bulk, bundle, { batchSize: 3, onProgress: (p) => seen.push(p) });
    const rows = entityBuckets(bundle).length;
    expect(rows).toBeGreaterThan(300);
    expect(put.calls().length).toBe(Math.ceil(rows / 3));
    expect(put.calls().every((n) => n <= 3)).toBe(true);
    expect(put.rows()).toBe(rows);
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
    expect(partial).toBeLessThan(entityBuckets(bundle).length);

    // Restart: the same bundle resumes, writing only what was missing.
    const again = openDatabase(name, { relaxed: true });
    const put = spyBulkPut(again, 'entities');
    const result = await importBundle(again, bundle, { batchSize: 20 });
    expect(result).toEqual({ imported: true, resumed: true, version: bundle.version });
    expect(put.rows()).toBe(entityBuckets(bundle).length - partial);
    expect(await counts(reader)).toEqual(expected(bundle));
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect((await reader.entities.toArray()).flatMap((c) => c.items.map(entityOf)).sort(byId)).toEqual([...bundle.entities].sort(byId));
    expect(await importStatus(reader)).toEqual({ state: 'ready', progress: 1, bundleVersion: bundle.version });
    void db;
  });

  it('starts over when the interrupted import was of another version', async () => {
    const { db, bulk } = fresh();
    const first = bigBundle(100);
    const failing = failBulkPut(bulk, 'articles');
    await expect(importBundle(bulk, first, { batchSize: 2 })).rejects.toThrow();
    failing.mockRestore();
    expect((await importStatus(db)).state).toBe('error');
    expect((await importStatus(db)).error).toBe('Error: the write failed');
    const next = fixtureBundle();
    const result = await importBundle(bulk, next);
    expect(result.resumed).toBe(false);
    expect(await counts(db)).toEqual(expected(next));
    expect(await entityRow(db, 'place:village-1')).toBeUndefined();
  });

  it('a failed last batch of one table stops the next table’s batch in flight behind it: the resumed import is complete', async () => {
    const { db, bulk } = fresh();
    const bundle = bigBundle(60);
    // Three batches of entity buckets; the third (the last) is refused once, while the first
    // batch of articles, already in flight behind it, would otherwise commit a record claiming it.
    const buckets = entityBuckets(bundle).length;
    const batchSize = Math.ceil(buckets / 3);
    const proto = Object.getPrototypeOf(bulk.table('entities')) as { bulkPut: (...args: unknown[]) => Promise<unknown> };
    const original = proto.bulkPut;
    let entityWrites = 0;
    vi.spyOn(proto, 'bulkPut').mockImplementation(function (this: { name: string }, ...args: unknown[]) {
      if (this.name === 'entities' && ++entityWrites === 3) return Promise.reject(new Error('the write failed'));
      return original.apply(this, args);
    });
    await expect(importBundle(bulk, bundle, { batchSize })).rejects.toThrow();
    vi.restoreAllMocks();
    const record = await readImportRecord(db);
    expect(record?.done.entities ?? 0).toBe((await counts(db)).entities);
    expect(record?.done.articles ?? 0).toBe((await counts(db)).articles);

    await importBundle(bulk, bundle, { batchSize });
    expect(await counts(db)).toEqual({ entities: buckets, articles: expected(bundle).articles });
    for (const e of bundle.entities) expect(await cardData(db, e.id), e.id).not.toBeNull();
  });

  it('resumes after a failed batch once the bundle of that version is readable again', async () => {
    const { db, bulk } = fresh();
    const good = fixtureBundle();
    const failing = failBulkPut(bulk, 'articles');
    await expect(importBundle(bulk, good, { batchSize: 2 })).rejects.toThrow();
    failing.mockRestore();
    const status = await importStatus(db);
    expect(status.state).toBe('error');
    expect((await counts(db)).entities).toBe(good.entities.length);
    const result = await importBundle(bulk, good, { batchSize: 2 });
    expect(result.resumed).toBe(true);
    expect(await counts(db)).toEqual(expected(good));
    expect((await db.articles.toArray()).flatMap((c) => c.items.map((a) => a.id))).toEqual(['a1', 'a2']);
    expect((await cardData(db, 'place:albukamal'))?.coverage).toEqual(good.coverage.find((c) => c.entityId === 'place:albukamal'));
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
    ['profiles not a list', { ...fixtureBundle(), profiles: {} }],
  ])('rejects %s', (_what, data) => {
    expect(() => parseBundle(data)).toThrow(/bundle\.json/);
  });
});
