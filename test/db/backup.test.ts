/**
 * Export and restore: everything the reader made goes into one file and comes back whole in a
 * fresh profile (another database, empty storage), with the mentions found again by the restoring
 * version; a broken or newer file is refused in words and writes nothing; an older format version
 * is brought up to date step by step.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BACKUP_VERSION, BackupError, parseBackup, type BackupMigration } from '../../core/library/backup.ts';
import { backupProblemsText } from '../../lib/input-problem-text.ts';
import { libraryDocument } from '../../core/library/document.ts';
import { loadMatcher } from '../../core/match/automaton.ts';
import type { Entity } from '../../core/types.ts';
import { closeDatabase, openDatabase, type LensDatabase } from '../../db/database.ts';
import { importBundle } from '../../db/import.ts';
import { addToLibrary, libraryRows, putUserEntity, userEntities } from '../../db/library.ts';
import { cardData, matcherPayload, setSiteEnabled, siteEnabled } from '../../db/queries.ts';
import { backupFile, DISMISSED_KEY, dismissedSuggestions, makeBackup, restoreBackup } from '../../lib/backup.ts';
import { addCorrection, loadCorrections } from '../../lib/corrections-store.ts';
import { loadSettings, saveSettings } from '../../lib/settings.ts';
import { fixtureBundle, freshName } from './fixture.ts';

/** A refused file's problems as the English options page words them (lib/input-problem-text.ts). */
async function inEnglish<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw e instanceof BackupError ? new Error(backupProblemsText(e.problems, 'en')) : e;
  }
}

const HUSAYBAH: Entity = {
  id: 'place:own-husaybah', kind: 'town', name: 'حصيبة', nameEn: 'Husaybah', aliases: ['الحصيبة'], weakAliases: [],
  translit: [], parent: 'place:alqaim', description: 'بلدة عراقية على الحدود.', own: true,
};

const names: string[] = [];
async function profile(): Promise<LensDatabase> {
  const name = freshName();
  names.push(name);
  await importBundle(openDatabase(name, { relaxed: true }), fixtureBundle());
  return openDatabase(name);
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => names.splice(0).forEach((n) => closeDatabase(n)));

async function fill(db: LensDatabase): Promise<void> {
  await putUserEntity(db, HUSAYBAH);
  const m = loadMatcher((await matcherPayload(db))!.matcher);
  const doc = (title: string, text: string, url: string) =>
    libraryDocument({ title, outlet: 'عنب بلدي', url, date: '2017-11-09', dateEstimated: false, language: 'ar', text, origin: 'saved' }, m);
  await addToLibrary(db, [doc('قصف حصيبة', 'قصفت الطائرات حصيبة قرب القائم.', 'https://example.com/1')], { origin: 'saved', now: 5 });
  await addToLibrary(db, [doc('البوكمال', 'دخل الجيش السوري البوكمال.', 'https://example.com/2')], { origin: 'imported', now: 9 });
  await addCorrection({ surface: 'القايم', entityId: 'place:alqaim', host: null, text: 'القائم', entityName: 'القائم', at: 1 });
  await saveSettings({ lang: 'en', hoverDelayMs: 500 });
  await setSiteEnabled(db, 'news.example.com', false);
  await db.userMeta.put({ key: DISMISSED_KEY, list: ['مدينة الزهور'] });
}

describe('backup', () => {
  it('restores everything the reader made into a fresh profile', async () => {
    const source = await profile();
    await fill(source);
    const file = await backupFile(source, { now: new Date('2026-12-03T10:00:00Z'), extensionVersion: '0.1.0' });
    expect(file.name).toBe('khabar-lens-backup-2026-12-03.json');

    // Another machine: a new database and empty extension storage.
    fakeBrowser.reset();
    const target = await profile();
    const report = await restoreBackup(target, file.text);
    expect(report).toMatchObject({ names: 1, articlesAdded: 2, articlesDuplicate: 0, corrections: 1, sitesOff: 1 });
    expect((await userEntities(target)).map((e) => e.id)).toEqual([HUSAYBAH.id]);
    const rows = await libraryRows(target);
    expect(rows.map((r) => [r.headline, r.origin, r.addedAt])).toEqual([['البوكمال', 'imported', 9], ['قصف حصيبة', 'saved', 5]]);
    // The mentions are found again, the reader's name among them: the card has its article.
    expect((await cardData(target, HUSAYBAH.id))!.library).toEqual({ articles: 1, mentions: 1 });
    expect((await loadCorrections()).map((c) => c.text)).toEqual(['القائم']);
    expect(await loadSettings()).toMatchObject({ lang: 'en', hoverDelayMs: 500 });
    expect(await siteEnabled(target, 'news.example.com')).toBe(false);
    expect(await dismissedSuggestions(target)).toEqual(['مدينة الزهور']);

    // Restoring the same file again adds nothing twice.
    const again = await restoreBackup(target, file.text);
    expect(again).toMatchObject({ articlesAdded: 0, articlesDuplicate: 2 });
    expect(await libraryRows(target)).toHaveLength(2);
  });

  it('keeps articles as text, so a newer gazetteer finds more in an older file', async () => {
    const source = await profile();
    await fill(source);
    const backup = await makeBackup(source, { now: new Date(), extensionVersion: '0.1.0' });
    expect(backup.articles[0]).not.toHaveProperty('mentions');
    // The file's names are left out: the restoring version knows حصيبة by its own gazetteer.
    const withoutNames = JSON.stringify({ ...backup, names: [] });
    fakeBrowser.reset();
    const target = await profile();
    await putUserEntity(target, { ...HUSAYBAH, aliases: [] });
    await restoreBackup(target, withoutNames);
    expect((await cardData(target, HUSAYBAH.id))!.library?.articles).toBe(1);
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['another file', '{"format":"x"}', /not a Khabar Lens backup/],
    ['a newer version', JSON.stringify({ format: 'khabar-lens-backup', version: BACKUP_VERSION + 1 }), /newer version of the extension/],
    [
      'a bad article and a bad name',
      JSON.stringify({
        format: 'khabar-lens-backup', version: 1,
        articles: [{ title: 'x', outlet: '', date: '2017-13', dateEstimated: false, language: 'ar', text: 'نص', origin: 'saved', addedAt: 1 }],
        names: [{ id: 'Bad Id', kind: 'town', name: 'x', nameEn: '', aliases: [], weakAliases: [], translit: [], description: '' }],
      }),
      /articles\[0\]\.date: not a date[\s\S]*names\[0\]\.id: not an entity id/,
    ],
  ])('refuses %s in words, and writes nothing', async (_what, text, message) => {
    const db = await profile();
    await expect(inEnglish(() => restoreBackup(db, text))).rejects.toThrow(message);
    expect(await libraryRows(db)).toHaveLength(0);
    expect(await userEntities(db)).toHaveLength(0);
  });

  it('brings an older format version up to date step by step', async () => {
    // As if this build read format 2, whose step from 1 renames the list "entities" (as version 1
    // would have called it) to "names": a file of version 1 reads through the step, one of
    // version 2 as it is, and one with no step to it is refused in words.
    const steps: BackupMigration[] = [
      { from: 1, migrate: ({ entities, ...f }) => ({ ...f, version: 2, names: entities }) },
    ];
    const v1 = JSON.stringify({ format: 'khabar-lens-backup', version: 1, entities: [HUSAYBAH] });
    const v2 = JSON.stringify({ format: 'khabar-lens-backup', version: 2, names: [HUSAYBAH] });
    expect(parseBackup(v1, steps, 2).names.map((n) => n.id)).toEqual([HUSAYBAH.id]);
    expect(parseBackup(v2, steps, 2).names.map((n) => n.id)).toEqual([HUSAYBAH.id]);
    await expect(inEnglish(async () => parseBackup(v1, [], 2))).rejects.toThrow(/no way to read format 1 in this version/);
    expect(() => parseBackup(v1, [], 2)).toThrow(BackupError);
  });
});
