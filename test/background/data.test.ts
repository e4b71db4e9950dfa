/**
 * The background's import on its starts (entrypoints/background/data.ts): the packaged bundle is
 * read on install and update, and at a worker start only when the stored data is not complete or
 * not this extension version's, so an update that ships the same bundle is not read again at every
 * start afterwards.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDatabase, DB_NAME, openDatabase } from '../../db/database.ts';
import { readImportRecord } from '../../db/import.ts';
import { ensureData } from '../../entrypoints/background/data.ts';
import { fixtureBundle } from '../db/fixture.ts';

function extensionVersion(version: string) {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'khabar-lens', version });
}

beforeEach(async () => {
  fakeBrowser.reset();
  closeDatabase(DB_NAME);
  await Dexie.delete(DB_NAME);
});
afterEach(async () => {
  vi.restoreAllMocks();
  closeDatabase(DB_NAME);
  await Dexie.delete(DB_NAME);
});

describe('ensureData', () => {
  it('after an update that ships the same bundle, reads the bundle on the update only, not at every start', async () => {
    const bundle = fixtureBundle();
    const fetched = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify(bundle), { status: 200 }));
    vi.spyOn(console, 'info').mockImplementation(() => {});
    extensionVersion('1.0.0');
    await ensureData({ check: true }); // install
    expect(fetched).toHaveBeenCalledTimes(1);

    extensionVersion('1.0.1');
    await ensureData({ check: true }); // update: the bundle is read, found unchanged
    expect(fetched).toHaveBeenCalledTimes(2);
    expect(await readImportRecord(openDatabase(DB_NAME))).toMatchObject({ state: 'ready', bundleVersion: bundle.version, extensionVersion: '1.0.1' });

    await ensureData({ check: false }); // the worker's next starts
    await ensureData({ check: false });
    expect(fetched).toHaveBeenCalledTimes(2);
  });

  it('at a start, reads the bundle when the stored data is another extension version’s', async () => {
    const bundle = fixtureBundle();
    const fetched = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify(bundle), { status: 200 }));
    vi.spyOn(console, 'info').mockImplementation(() => {});
    extensionVersion('1.0.0');
    await ensureData({ check: false });
    extensionVersion('1.1.0'); // an update whose onInstalled was missed
    await ensureData({ check: false });
    expect(fetched).toHaveBeenCalledTimes(2);
    expect((await readImportRecord(openDatabase(DB_NAME)))?.extensionVersion).toBe('1.1.0');
  });
});
