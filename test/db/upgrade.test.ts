/**
 * Data safety across versions: a database of schema 1 (five bundled tables) holding the reader's
 * sites, opened by this build (schema 2: one row per entity and per article), keeps the sites and
 * gets the bundle imported again in the new shape; a database created at the shipped schema version
 * N opened by a build whose SCHEMA has a version N+1 (a test-only step that adds an index and a
 * table and migrates a field) keeps every row and migrates it; an older build never opens (and so
 * never wipes) a newer database; and the reader's interface settings, which live in
 * browser.storage.local (lib/settings.ts), not in IndexedDB, come through an extension update and
 * its import untouched.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDatabase, DB_NAME, LensDatabase, openDatabase, SCHEMA, type SchemaStep } from '../../db/database.ts';
import { entityBuckets } from '../../db/rows.ts';
import { importBundle, importStatus, isReady, readImportRecord } from '../../db/import.ts';
import { cardData, matcherPayload, siteEnabled } from '../../db/queries.ts';
import { addToLibrary, putUserEntity, userEntities } from '../../db/library.ts';
import { libraryDocument } from '../../core/library/document.ts';
import { loadMatcher } from '../../core/match/automaton.ts';
import { ensureData } from '../../entrypoints/background/data.ts';
import { loadSettings, saveSettings, SETTINGS_KEY } from '../../lib/settings.ts';
import { gazetteer, sources } from '../../lib/ui-data.ts';
import type { Bundle, Entity } from '../../core/types.ts';
import { bigBundle, fixtureBundle, freshName, storedCounts } from './fixture.ts';

const N = SCHEMA.at(-1)!.version;

/** The shipped list plus a version N+1, as the next release would append it. */
const NEXT: readonly SchemaStep[] = [
  ...SCHEMA,
  {
    version: N + 1,
    stores: {
      // A new index on a new field, and a new table for something the reader adds.
      sites: 'host, state',
      notes: '++id, entityId',
    },
    async upgrade(tx) {
      // Migrate a field: the boolean `enabled` becomes `state: 'on' | 'off'` (booleans cannot
      // be indexed in IndexedDB), `enabled` kept for readers of the old shape.
      await tx.table('sites').toCollection().modify((site: { enabled: boolean; state?: string }) => {
        site.state = site.enabled ? 'on' : 'off';
      });
    },
  },
];

const opened: LensDatabase[] = [];
function open(name: string, schema: readonly SchemaStep[] = SCHEMA): LensDatabase {
  const db = new LensDatabase(name, { schema });
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  vi.restoreAllMocks();
});

const SITES = [
  { host: 'www.aljazeera.net', enabled: false, updatedAt: 1_700_000_000_000 },
  { host: 'www.bbc.com', enabled: true, updatedAt: 1_700_000_000_001 },
  { host: 'news.example.com', enabled: false, updatedAt: 1_700_000_000_002 },
];
const byHost = (a: { host: string }, b: { host: string }) => (a.host < b.host ? -1 : 1);

/** Version N as a reader has it: the bundle imported, some sites switched. */
/** A full library: 120 of the reader's articles and a name of their own. */
const LIBRARY_SIZE = 120;
const OWN_NAME: Entity = {
  id: 'place:own-hit', kind: 'town', name: 'هيت', nameEn: 'Hit', aliases: [], weakAliases: [], translit: [],
  description: 'مدينة عراقية.', own: true,
};

async function installVersionN(name: string) {
  const db = open(name);
  const bundle = bigBundle(60);
  await importBundle(db, bundle, { extensionVersion: '0.1.0', batchSize: 25 });
  await db.sites.bulkPut(SITES);
  await putUserEntity(db, OWN_NAME);
  const matcher = loadMatcher((await matcherPayload(db))!.matcher);
  const docs = Array.from({ length: LIBRARY_SIZE }, (_, i) =>
    libraryDocument(
      { title: `خبر ${i}`, outlet: 'نشرة', url: `https://example.com/${i}`, date: '2024-01-02', dateEstimated: false, language: 'ar', text: `خبر ${i}: وصل الجيش السوري إلى البوكمال ثم إلى هيت.`, origin: 'imported' },
      matcher,
    ),
  );
  await addToLibrary(db, docs, { origin: 'imported', now: 1 });
  expect(db.verno).toBe(N);
  db.close();
  return bundle;
}

/** The library installVersionN made, whole: every article, its text, its coverage, and the name. */
async function expectLibrary(db: LensDatabase): Promise<void> {
  expect(await db.table('library').count()).toBe(LIBRARY_SIZE);
  expect(await db.table('libraryTexts').count()).toBe(LIBRARY_SIZE);
  expect((await userEntities(db)).map((e) => e.id)).toEqual([OWN_NAME.id]);
  const card = await cardData(db, OWN_NAME.id);
  expect(card?.library).toEqual({ articles: LIBRARY_SIZE, mentions: LIBRARY_SIZE });
  expect((await cardData(db, 'place:albukamal'))?.library?.articles).toBe(LIBRARY_SIZE);
}

const SCHEMA_1 = SCHEMA.filter((s) => s.version === 1);

/**
 * Schema 1 as its build stored a bundle (a table each for entities, names, articles, coverage and
 * article mentions; the matcher with a kind per entity), with the reader's sites. `state`: how far
 * its import had come.
 */
async function installSchema1(name: string, bundle: Bundle, state: 'ready' | 'importing' = 'ready') {
  const db = open(name, SCHEMA_1);
  const half = (rows: readonly unknown[]) => (state === 'ready' ? rows : rows.slice(0, rows.length >> 1));
  await db.table('entities').bulkPut(half(bundle.entities));
  await db.table('names').bulkPut(half(bundle.names));
  if (state === 'ready') {
    await db.table('articles').bulkPut(bundle.articles);
    await db.table('coverage').bulkPut(bundle.coverage);
    await db.table('articleMentions').bulkPut(bundle.articleMentions);
    const kinds = Object.fromEntries(bundle.entities.map((e) => [e.id, e.kind]));
    await db.table('meta').put({ key: 'matcher', version: bundle.version, matcher: bundle.matcher, kinds });
  }
  await db.table('meta').put(
    state === 'ready'
      ? { key: 'import', state, progress: 1, bundleVersion: bundle.version, done: {}, extensionVersion: '0.1.0', updatedAt: 1 }
      : { key: 'import', state, progress: 0.3, target: bundle.version, done: { entities: bundle.entities.length >> 1 }, updatedAt: 1 },
  );
  await db.sites.bulkPut(SITES);
  expect(db.verno).toBe(1);
  db.close();
}

describe('schema 1 → this build', () => {
  afterEach(async () => {
    closeDatabase(DB_NAME);
    await Dexie.delete(DB_NAME);
  });

  it('keeps the reader’s sites and drops the old bundled tables, so that the bundle is imported again', async () => {
    const name = freshName();
    const bundle = bigBundle(40);
    await installSchema1(name, bundle);
    const db = open(name);
    await db.open();
    expect(db.verno).toBe(N);
    expect([...db.backendDB().objectStoreNames].sort()).toEqual(['articles', 'entities', 'library', 'libraryCoverage', 'libraryTexts', 'libraryWords', 'meta', 'sites', 'userEntities', 'userMeta']);
    expect(await db.sites.toArray()).toEqual([...SITES].sort(byHost));
    expect(await siteEnabled(db, 'www.aljazeera.net')).toBe(false);
    // The old rows (entities of the old shape) are gone with their import record: nothing reads
    // them as the new shape, and the background sees an empty database to import into.
    expect(await db.entities.count()).toBe(0);
    expect(await db.articles.count()).toBe(0);
    expect(await importStatus(db)).toEqual({ state: 'empty', progress: 0 });
    expect(await matcherPayload(db)).toBeNull();
  });

  it.each(['ready', 'importing'] as const)(
    'an extension update over a schema 1 database (its import %s) keeps the reader’s data and imports the bundle',
    async (state) => {
      fakeBrowser.reset();
      closeDatabase(DB_NAME);
      await Dexie.delete(DB_NAME);
      const old = bigBundle(30);
      await installSchema1(DB_NAME, old, state);
      const saved = await saveSettings({ lang: 'en', hiddenKinds: ['village'], hoverDelayMs: 300, styles: { place: 'underline', group: 'off', person: 'both', outlet: 'background' } });
      const raw = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];

      // The new build's worker starts (the same bundle content: its rows must be stored anew all the same).
      vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'khabar-lens', version: '0.2.0' });
      const fetched = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify(old), { status: 200 }));
      await ensureData({ check: false });
      expect(fetched).toHaveBeenCalledTimes(1);

      const db = openDatabase(DB_NAME);
      expect(db.verno).toBe(N);
      // The reader's data: every site as it was, the settings untouched.
      expect(await db.sites.toArray()).toEqual([...SITES].sort(byHost));
      expect(await siteEnabled(db, 'news.example.com')).toBe(false);
      expect(await siteEnabled(db, 'www.bbc.com')).toBe(true);
      expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(raw);
      expect(await loadSettings()).toEqual(saved);
      // The bundle, complete in the new shape: cards, search, sources and the matcher.
      expect(await readImportRecord(db)).toMatchObject({ state: 'ready', bundleVersion: old.version, extensionVersion: '0.2.0' });
      expect(await storedCounts(db)).toEqual({ entities: old.entities.length, articles: old.articles.length });
      const card = await cardData(db, 'place:albukamal');
      expect(card?.parent?.id).toBe('place:syria');
      expect(card?.coverage).toEqual(old.coverage.find((c) => c.entityId === 'place:albukamal'));
      expect(Object.keys(card!.articles).sort()).toEqual(['a1', 'a2']);
      expect((await gazetteer(db)).index.search('village 7', 1)[0]?.entityId).toBe('place:village-7');
      expect((await sources(db)).map((r) => r.article.id)).toEqual(['a2', 'a1']);
      expect(await matcherPayload(db)).toEqual({ version: old.version, matcher: old.matcher });

      // The next start of this version reads nothing: the stored data is complete and its own.
      await ensureData({ check: false });
      expect(fetched).toHaveBeenCalledTimes(1);
    },
  );
});

describe('schema upgrade N → N+1', () => {
  it('keeps every row of the reader and of the bundle, and migrates them', async () => {
    const name = freshName();
    const bundle = await installVersionN(name);

    const next = open(name, NEXT);
    await next.open();
    expect(next.verno).toBe(N + 1);
    // The reader's sites: all there, migrated, reachable through the new index.
    const sites = await next.table('sites').toArray();
    expect(sites).toEqual([...SITES].sort(byHost).map((s) => ({ ...s, state: s.enabled ? 'on' : 'off' })));
    expect((await next.table('sites').where('state').equals('off').primaryKeys()).sort()).toEqual(['news.example.com', 'www.aljazeera.net']);
    expect(await siteEnabled(next, 'www.aljazeera.net')).toBe(false);
    expect(await siteEnabled(next, 'www.bbc.com')).toBe(true);
    // The new table exists and works.
    await next.table('notes').add({ entityId: 'place:albukamal', text: 'ملاحظة' });
    expect(await next.table('notes').where('entityId').equals('place:albukamal').count()).toBe(1);
    // The bundle: complete, still ready, the same version, nothing re-imported.
    expect(await isReady(next, bundle.version)).toBe(true);
    expect(await storedCounts(next)).toEqual({ entities: bundle.entities.length, articles: bundle.articles.length });
    expect((await matcherPayload(next))?.version.startsWith(`${bundle.version}+`)).toBe(true);
    // The reader's library and name: all there.
    await expectLibrary(next);
  });

  it('an older build (a rollback) opens a newer database as it is, and drops nothing', async () => {
    const name = freshName();
    await installVersionN(name);
    const next = open(name, NEXT);
    await next.table('notes').add({ entityId: 'place:albukamal', text: 'ملاحظة' });
    next.close();
    // Dexie 4 opens a database of a higher version than it declares, without upgrading or
    // deleting anything; the old build reads and writes the tables it knows.
    const old = open(name, SCHEMA);
    expect(await siteEnabled(old, 'www.aljazeera.net')).toBe(false);
    await old.sites.put({ host: 'rollback.example.com', enabled: false, updatedAt: 1 });
    old.close();
    const again = open(name, NEXT);
    await again.open();
    expect(again.verno).toBe(N + 1);
    expect(await again.table('sites').count()).toBe(SITES.length + 1);
    expect(await again.table('notes').count()).toBe(1);
    expect(await again.entities.count()).toBeGreaterThan(0);
  });

  it('an upgrade of a database whose import was interrupted keeps the partial rows, and the import resumes', async () => {
    const name = freshName();
    const db = open(name);
    const bundle = bigBundle(200);
    let batches = 0;
    await expect(
      importBundle(db, bundle, {
        batchSize: 20,
        onProgress: () => {
          if (++batches === 4) db.close();
        },
      }),
    ).rejects.toThrow();
    const reopened = open(name);
    await reopened.sites.bulkPut(SITES);
    const partial = await reopened.entities.count();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(entityBuckets(bundle).length);
    reopened.close();

    const next = open(name, NEXT);
    expect((await importStatus(next)).state).not.toBe('ready');
    expect(await next.entities.count()).toBe(partial);
    const result = await importBundle(next, bundle, { batchSize: 20 });
    expect(result).toMatchObject({ imported: true, resumed: true });
    expect((await storedCounts(next)).entities).toBe(bundle.entities.length);
    expect(await next.table('sites').count()).toBe(SITES.length);
  });
});

describe('the reader’s settings in browser.storage.local', () => {
  it('come through an extension update (a new bundle imported over the old one) untouched', async () => {
    fakeBrowser.reset();
    closeDatabase(DB_NAME);
    await Dexie.delete(DB_NAME);
    // Version N installed: its bundle imported, the reader's settings and a site switch stored.
    await importBundle(openDatabase(DB_NAME, { relaxed: true }), fixtureBundle(), { extensionVersion: '0.0.9' });
    await openDatabase(DB_NAME).sites.put(SITES[0]!);
    const saved = await saveSettings({ lang: 'en', hiddenKinds: ['village', 'town'], hoverDelayMs: 400, styles: { place: 'underline', group: 'off', person: 'both', outlet: 'background' } });
    const raw = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];

    // The update: the background reads the new packaged bundle and imports it (data.ts, as on
    // runtime.onInstalled with reason "update").
    const next = bigBundle(30);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'khabar-lens', version: '0.1.0' });
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify(next), { status: 200 }));
    await ensureData({ check: true });
    expect(await isReady(openDatabase(DB_NAME), next.version)).toBe(true);

    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(raw);
    expect(await loadSettings()).toEqual(saved);
    expect(await siteEnabled(openDatabase(DB_NAME), SITES[0]!.host)).toBe(false);
    closeDatabase(DB_NAME);
  });

  it('written by an older or a newer version, keep every value this version understands', async () => {
    fakeBrowser.reset();
    // An older version stored fewer fields; a newer one more, and a kind this version lacks.
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { lang: 'en', hiddenKinds: ['village', 'spaceport'], futureField: { x: 1 } } });
    const s = await loadSettings();
    expect(s.lang).toBe('en');
    expect(s.hiddenKinds).toEqual(['village']);
    // Reading never writes: what the newer version stored stays for it.
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toMatchObject({ futureField: { x: 1 } });
  });
});
