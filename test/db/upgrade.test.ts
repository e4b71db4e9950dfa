/**
 * Data safety across versions: a database created at the shipped schema version N, holding the
 * reader's data next to the imported bundle, opened by a build whose SCHEMA has a version N+1 (a
 * test-only step that adds an index and a table and migrates a field) keeps every row and migrates
 * it; an older build never opens (and so never wipes) a newer database; and the reader's interface
 * settings, which live in browser.storage.local (lib/settings.ts), not in IndexedDB, come through
 * an extension update and its import untouched.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDatabase, DB_NAME, LensDatabase, openDatabase, SCHEMA, type SchemaStep } from '../../db/database.ts';
import { importBundle, importStatus, isReady } from '../../db/import.ts';
import { matcherPayload, siteEnabled } from '../../db/queries.ts';
import { ensureData } from '../../entrypoints/background/data.ts';
import { loadSettings, saveSettings, SETTINGS_KEY } from '../../lib/settings.ts';
import { bigBundle, fixtureBundle, freshName } from './fixture.ts';

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
      // A settings row renamed.
      const old = await tx.table('settings').get('uiLang');
      if (old) {
        await tx.table('settings').put({ key: 'interfaceLanguage', value: old.value });
        await tx.table('settings').delete('uiLang');
      }
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
const SETTINGS_ROWS = [
  { key: 'uiLang', value: 'en' },
  { key: 'recentSearches', value: ['البوكمال', 'القائم'] },
];

/** Version N as a reader has it: the bundle imported, some sites switched, some settings stored. */
async function installVersionN(name: string) {
  const db = open(name);
  const bundle = bigBundle(60);
  await importBundle(db, bundle, { extensionVersion: '0.1.0', batchSize: 25 });
  await db.sites.bulkPut(SITES);
  await db.settings.bulkPut(SETTINGS_ROWS);
  expect(db.verno).toBe(N);
  db.close();
  return bundle;
}

describe('schema upgrade N → N+1', () => {
  it('keeps every row of the reader and of the bundle, and migrates them', async () => {
    const name = freshName();
    const bundle = await installVersionN(name);

    const next = open(name, NEXT);
    await next.open();
    expect(next.verno).toBe(N + 1);
    // The reader's sites: all there, migrated, reachable through the new index.
    const sites = await next.table('sites').toArray();
    expect(sites).toEqual(
      [...SITES].sort((a, b) => (a.host < b.host ? -1 : 1)).map((s) => ({ ...s, state: s.enabled ? 'on' : 'off' })),
    );
    expect((await next.table('sites').where('state').equals('off').primaryKeys()).sort()).toEqual(['news.example.com', 'www.aljazeera.net']);
    expect(await siteEnabled(next, 'www.aljazeera.net')).toBe(false);
    expect(await siteEnabled(next, 'www.bbc.com')).toBe(true);
    // Settings rows: the renamed one under its new key, the others as they were.
    expect(await next.settings.toArray()).toEqual([
      { key: 'interfaceLanguage', value: 'en' },
      { key: 'recentSearches', value: ['البوكمال', 'القائم'] },
    ]);
    // The new table exists and works.
    await next.table('notes').add({ entityId: 'place:albukamal', text: 'ملاحظة' });
    expect(await next.table('notes').where('entityId').equals('place:albukamal').count()).toBe(1);
    // The bundle: complete, still ready, the same version, nothing re-imported.
    expect(await isReady(next, bundle.version)).toBe(true);
    expect(await next.entities.count()).toBe(bundle.entities.length);
    expect(await next.names.count()).toBe(bundle.names.length);
    expect((await matcherPayload(next))?.matcher).toEqual(bundle.matcher);
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
    expect(partial).toBeLessThan(bundle.entities.length);
    reopened.close();

    const next = open(name, NEXT);
    expect((await importStatus(next)).state).not.toBe('ready');
    expect(await next.entities.count()).toBe(partial);
    const result = await importBundle(next, bundle, { batchSize: 20 });
    expect(result).toMatchObject({ imported: true, resumed: true });
    expect(await next.entities.count()).toBe(bundle.entities.length);
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
