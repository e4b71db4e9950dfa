/**
 * The matcher pages scan with follows every change of the reader's names and of the bundle: an
 * add, an edit, a delete, an undo, a backup restore and a bundle update each give a new version
 * (db/library.ts NamesVersion, stored with the names) and a matcher that finds what the reader
 * now has and not what they removed. Kept in memory (db/matcher-cache.ts) or read cold, it is
 * the matcher compiled afresh from the bundle and the names; with nothing changed it reads no name.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { matcherFor } from '../../core/corpus/build.ts';
import { loadMatcher } from '../../core/match/automaton.ts';
import { detect } from '../../core/match/detect.ts';
import type { Entity } from '../../core/types.ts';
import { closeDatabase, openDatabase, type LensDatabase } from '../../db/database.ts';
import { importBundle } from '../../db/import.ts';
import { deleteUserEntity, NAMES_VERSION_KEY, putUserEntities, putUserEntity, readNamesVersion } from '../../db/library.ts';
import { forgetMatcherCache, READER_GROUPS_KEY } from '../../db/matcher-cache.ts';
import { allEntities, matcherPayload } from '../../db/queries.ts';
import { backupFile, restoreBackup } from '../../lib/backup.ts';
import { fixtureBundle, freshName } from './fixture.ts';

const HUSAYBAH: Entity = {
  id: 'place:own-husaybah', kind: 'town', name: 'حصيبة', nameEn: 'Husaybah', aliases: [], weakAliases: [],
  translit: [], parent: 'place:alqaim', description: 'بلدة عراقية على الحدود.',
};
const RAWA: Entity = { ...HUSAYBAH, id: 'place:own-rawa', name: 'راوة', nameEn: 'Rawa' };

const opened: string[] = [];
async function database(): Promise<LensDatabase> {
  const name = freshName();
  opened.push(name);
  await importBundle(openDatabase(name, { relaxed: true }), fixtureBundle());
  return openDatabase(name);
}

let db: LensDatabase;
beforeEach(async () => {
  fakeBrowser.reset();
  forgetMatcherCache();
  db = await database();
});
afterEach(() => opened.splice(0).forEach((n) => closeDatabase(n)));

/** The entity ids the pages' matcher highlights in `text`. */
async function highlighted(text: string, on = db): Promise<string[]> {
  return detect(loadMatcher((await matcherPayload(on))!.matcher), text).map((m) => m.entityId);
}

const version = async (on = db) => (await matcherPayload(on))!.version;

/** The payload equals the matcher compiled afresh from the stored bundle and names, warm and cold. */
async function expectFresh(on = db): Promise<void> {
  const reference = matcherFor(await allEntities(on));
  const warm = (await matcherPayload(on))!;
  expect(warm.matcher).toEqual(reference);
  forgetMatcherCache();
  const cold = (await matcherPayload(on))!;
  expect(cold).toEqual(warm);
}

describe('the reader\'s names and the pages\' matcher', () => {
  it('an added name: a new version, found, and the same matcher as a fresh compile', async () => {
    const before = await version();
    expect(await highlighted('قصفت الطائرات حصيبة أمس')).toEqual([]);
    await putUserEntity(db, HUSAYBAH);
    const after = await version();
    expect(after).not.toBe(before);
    expect(after.startsWith(`${before}+`)).toBe(true);
    expect(await highlighted('قصفت الطائرات حصيبة أمس')).toEqual([HUSAYBAH.id]);
    await expectFresh();
  });

  it('an edit: a new version; the new spelling is found, the old one no more', async () => {
    await putUserEntity(db, HUSAYBAH);
    const first = await version();
    await putUserEntity(db, { ...HUSAYBAH, name: 'الحصيبة الشرقية' });
    expect(await version()).not.toBe(first);
    expect(await highlighted('في الحصيبة الشرقية')).toEqual([HUSAYBAH.id]);
    expect(await highlighted('قصفت الطائرات حصيبة أمس')).toEqual([]);
    await expectFresh();
  });

  it('an edit of a bundled entity wins over the bundle\'s', async () => {
    await putUserEntity(db, { id: 'place:alqaim', kind: 'town', name: 'قائم العراق', nameEn: 'Al-Qaim', aliases: [], weakAliases: [], translit: [], description: '' });
    expect(await highlighted('دخلوا قائم العراق')).toEqual(['place:alqaim']);
    expect(await highlighted('اشتدت المعارك قرب القائم.')).toEqual([]);
    await expectFresh();
  });

  it('a delete: a new version, the name no more found; the last one deleted gives the bundle\'s matcher back', async () => {
    const bundleVersion = await version();
    await putUserEntities(db, [HUSAYBAH, RAWA]);
    const both = await version();
    expect(await deleteUserEntity(db, RAWA.id)).toMatchObject({ id: RAWA.id });
    const one = await version();
    expect(one).not.toBe(both);
    expect(await highlighted('بين راوة و حصيبة')).toEqual([HUSAYBAH.id]);
    await expectFresh();
    await deleteUserEntity(db, HUSAYBAH.id);
    expect(await version()).toBe(bundleVersion);
    expect(await highlighted('بين راوة و حصيبة')).toEqual([]);
  });

  it('an undo (the deleted name put back): a version not seen before, found again', async () => {
    await putUserEntity(db, HUSAYBAH);
    const added = await version();
    const removed = (await deleteUserEntity(db, HUSAYBAH.id))!;
    const deleted = await version();
    await putUserEntity(db, removed);
    const back = await version();
    expect(new Set([added, deleted, back]).size).toBe(3);
    expect(await highlighted('قصفت الطائرات حصيبة أمس')).toEqual([HUSAYBAH.id]);
    await expectFresh();
  });

  it('deleting a name that is not there changes nothing', async () => {
    await putUserEntity(db, HUSAYBAH);
    const v = await version();
    expect(await deleteUserEntity(db, 'place:own-nothing')).toBeUndefined();
    expect(await version()).toBe(v);
  });

  it('a backup restored: one new version, its names found', async () => {
    const source = await database();
    await putUserEntities(source, [HUSAYBAH, RAWA]);
    const file = await backupFile(source, { now: new Date('2026-12-03T10:00:00Z'), extensionVersion: '0.1.0' });
    const before = await readNamesVersion(db);
    const v = await version();
    await restoreBackup(db, file.text);
    const after = await readNamesVersion(db);
    expect(after.rev).toBe(before.rev + 1);
    expect(after.count).toBe(2);
    expect(await version()).not.toBe(v);
    expect(await highlighted('بين راوة و حصيبة')).toEqual([RAWA.id, HUSAYBAH.id]);
    await expectFresh();
  });

  it('a bundle update: a new version; the new bundle\'s names are found with the reader\'s', async () => {
    await putUserEntity(db, HUSAYBAH);
    expect(await highlighted('في الميادين')).toEqual([]);
    const old = await version();
    const mayadin: Entity = { id: 'place:mayadin', kind: 'city', name: 'الميادين', nameEn: 'Mayadin', aliases: [], weakAliases: [], translit: [], country: 'SY', description: 'مدينة على الفرات.' };
    const base = fixtureBundle();
    const next = fixtureBundle([...base.entities, mayadin]);
    await importBundle(openDatabase(db.name, { relaxed: true }), next);
    const now = await version();
    expect(now).not.toBe(old);
    expect(now.startsWith(`${next.version}+`)).toBe(true);
    expect(await highlighted('في الميادين قرب حصيبة')).toEqual([mayadin.id, HUSAYBAH.id]);
    await expectFresh();
  });

  it('written elsewhere (another page, another worker): the names written since are read, more than the log keeps too', async () => {
    await putUserEntity(db, HUSAYBAH);
    await matcherPayload(db);
    // Another context writes through its own connection; this one keeps its caches.
    const other = new (db.constructor as typeof LensDatabase)(db.name);
    await putUserEntity(other, RAWA);
    expect(await highlighted('بين راوة و حصيبة')).toEqual([RAWA.id, HUSAYBAH.id]);
    await putUserEntities(other, [
      { ...RAWA, id: 'place:own-anah', name: 'عانة' },
      { ...RAWA, id: 'place:own-hit', name: 'هيت' },
    ]);
    expect(await highlighted('من عانة إلى هيت')).toEqual(['place:own-anah', 'place:own-hit']);
    for (let i = 0; i < 40; i++) await putUserEntity(other, { ...RAWA, id: `place:own-${i}`, name: `قرية${i}` });
    await deleteUserEntity(other, HUSAYBAH.id);
    expect(await highlighted('بين راوة و حصيبة')).toEqual([RAWA.id]);
    await expectFresh();
    // A write of more names than a change lists: read whole.
    await putUserEntities(other, Array.from({ length: 300 }, (_, i) => ({ ...RAWA, id: `place:bulk-${i}`, name: `بلدة${i}` })));
    await putUserEntity(other, HUSAYBAH);
    expect(await highlighted('في بلدة299 و حصيبة')).toEqual(['place:bulk-299', HUSAYBAH.id]);
    await expectFresh();
    other.close();
  });

  it('a worker woken by a change (nothing in memory) builds from the stored groups and reads only the names written since', async () => {
    // A weak spelling, a country and another kind: all of them must come back from the stored copy.
    const anah: Entity = { ...RAWA, id: 'place:own-anah', kind: 'militia', name: 'عانة', weakAliases: ['عانه القديمة'], country: 'IQ' };
    await putUserEntities(db, [HUSAYBAH, RAWA, anah]);
    await matcherPayload(db);
    forgetMatcherCache();
    await putUserEntity(db, { ...HUSAYBAH, name: 'الحصيبة الشرقية' });
    await deleteUserEntity(db, RAWA.id);
    const toArray = vi.spyOn(db.userEntities, 'toArray');
    expect(await highlighted('بين راوة و الحصيبة الشرقية و حصيبة')).toEqual([HUSAYBAH.id]);
    expect(toArray).not.toHaveBeenCalled();
    toArray.mockRestore();
    await expectFresh();
  });

  it('a stored copy of the groups that is broken or too old is read around', async () => {
    await putUserEntities(db, [HUSAYBAH, RAWA]);
    await matcherPayload(db);
    const stored = (await db.userMeta.get(READER_GROUPS_KEY))!;
    expect(stored).toMatchObject({ rev: 1 });
    await db.userMeta.put({ ...stored, json: '[["place:own-rawa", "village", "", [["not rawa", 0]]' });
    forgetMatcherCache();
    await putUserEntity(db, { ...HUSAYBAH, name: 'حصيبة' });
    expect(await highlighted('بين راوة و حصيبة')).toEqual([RAWA.id, HUSAYBAH.id]);
    await expectFresh();
    // 40 writes since the copy: more than the version's log lists.
    await db.userMeta.put(stored);
    forgetMatcherCache();
    for (let i = 0; i < 40; i++) await putUserEntity(db, { ...RAWA, id: `place:own-${i}`, name: `قرية${i}` });
    await deleteUserEntity(db, RAWA.id);
    expect(await highlighted('بين راوة و حصيبة و قرية0 و قرية39')).toEqual([HUSAYBAH.id, 'place:own-0', 'place:own-39']);
    await expectFresh();
  });

  it('a stored copy in the format before parents (no format field) is read around, so a place keeps its region', async () => {
    await putUserEntities(db, [HUSAYBAH, RAWA]);
    await matcherPayload(db);
    const stored = (await db.userMeta.get(READER_GROUPS_KEY))!;
    expect(stored).toMatchObject({ format: 2 });
    // The same groups as format 1 wrote them: four fields, no parent.
    const old = (JSON.parse((stored as unknown as { json: string }).json) as unknown[][]).map((g) => g.slice(0, 4));
    const { format: _, ...rest } = stored as unknown as Record<string, unknown>;
    await db.userMeta.put({ ...rest, json: JSON.stringify(old) } as never);
    forgetMatcherCache();
    await putUserEntity(db, { ...HUSAYBAH, name: 'حصيبة' });
    await expectFresh();
  });

  it('names stored without a version (before there were versions) are in the matcher, and the next write versions them', async () => {
    await db.userEntities.put({ ...HUSAYBAH, own: true });
    expect(await db.userMeta.get(NAMES_VERSION_KEY)).toBeUndefined();
    expect(await highlighted('قصفت الطائرات حصيبة أمس')).toEqual([HUSAYBAH.id]);
    await expectFresh();
    await putUserEntity(db, RAWA);
    expect(await readNamesVersion(db)).toMatchObject({ rev: 1, count: 2 });
    expect(await highlighted('بين راوة و حصيبة')).toEqual([RAWA.id, HUSAYBAH.id]);
  });

  it.each<[string, () => Promise<unknown>]>([
    ['the bundle alone', async () => undefined],
    ['with the reader\'s names', () => putUserEntities(db, [HUSAYBAH, RAWA])],
    ['after the reader deleted their last name', async () => {
      await putUserEntity(db, HUSAYBAH);
      await deleteUserEntity(db, HUSAYBAH.id);
    }],
  ])('%s: the matcher record (with its JSON) is read by the first call only, and a new bundle is still picked up', async (_what, names) => {
    await names();
    const get = vi.spyOn(db.meta, 'get');
    const matcherReads = () => get.mock.calls.filter(([key]) => (key as unknown) === 'matcher').length;
    const first = (await matcherPayload(db))!;
    expect(matcherReads()).toBe(1);
    expect(await matcherPayload(db)).toBe(first);
    expect(await matcherPayload(db)).toBe(first);
    expect(matcherReads()).toBe(1);
    const mayadin: Entity = { id: 'place:mayadin', kind: 'city', name: 'الميادين', nameEn: 'Mayadin', aliases: [], weakAliases: [], translit: [], country: 'SY', description: 'مدينة على الفرات.' };
    const next = fixtureBundle([...fixtureBundle().entities, mayadin]);
    await importBundle(openDatabase(db.name, { relaxed: true }), next);
    expect(await highlighted('قصفت الطائرات الميادين أمس')).toEqual([mayadin.id]);
    expect((await matcherPayload(db))!.version.startsWith(next.version)).toBe(true);
    expect(matcherReads()).toBe(2);
    get.mockRestore();
  });

  it('with nothing changed, a call reads no name and hands the same matcher', async () => {
    await putUserEntities(db, [HUSAYBAH, RAWA]);
    const first = (await matcherPayload(db))!;
    const toArray = vi.spyOn(db.userEntities, 'toArray');
    const bulkGet = vi.spyOn(db.userEntities, 'bulkGet');
    const second = (await matcherPayload(db))!;
    expect(second).toEqual(first);
    expect(toArray).not.toHaveBeenCalled();
    expect(bulkGet).not.toHaveBeenCalled();
  });
});
