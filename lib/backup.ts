/**
 * Export and restore of everything the reader made (core/library/backup.ts is the file's format):
 * their library, names, corrections, settings, switched-off sites and dismissed suggestions. Runs
 * in an extension page (the library or options page), which opens the database directly.
 *
 * Restore adds, never wipes: names are put (the file's version of a name wins), articles go through
 * the library's duplicate check, corrections are merged, sites switched off are switched off; the
 * settings are the file's. Names go first, so the articles' mentions are found with them. Each
 * article keeps its origin (saved, imported) and when it was added.
 */
import { browser } from 'wxt/browser';
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup, type Backup, type BackupArticle } from '../core/library/backup.ts';
import { libraryDocument } from '../core/library/document.ts';
import type { LibraryInput } from '../core/library/input.ts';
import { loadMatcher } from '../core/match/automaton.ts';
import type { LensDatabase } from '../db/database.ts';
import { addToLibrary, libraryRows, libraryText, putUserEntities, userEntities } from '../db/library.ts';
import { disabledHosts, matcherPayload, setSiteEnabled } from '../db/queries.ts';
import { loadCorrections } from './corrections-store.ts';
import { parseCorrections, withCorrection } from './corrections.ts';
import { loadSettings, parseSettings, SETTINGS_KEY } from './settings.ts';
import { CORRECTIONS_KEY } from './storage-keys.ts';

/** Key of the dismissed name suggestions in userMeta (a list of normalised names). */
export const DISMISSED_KEY = 'dismissed';

export async function dismissedSuggestions(db: LensDatabase): Promise<string[]> {
  const row = await db.userMeta.get(DISMISSED_KEY);
  const list = row?.['list'];
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}

/** What the file says of where it came from. */
export interface BackupStamp {
  now: Date;
  /** The extension's version (browser.runtime.getManifest().version). */
  extensionVersion: string;
}

/** Everything the reader made, as the backup file's object. */
export async function makeBackup(db: LensDatabase, stamp: BackupStamp): Promise<Backup> {
  const rows = await libraryRows(db);
  const articles: BackupArticle[] = [];
  for (const row of rows) {
    const text = await libraryText(db, row.id);
    if (!text) continue;
    const a: BackupArticle = {
      title: row.headline, outlet: row.outlet, date: row.date, dateEstimated: row.dateEstimated, language: row.language,
      text: text.text, origin: row.origin, addedAt: row.addedAt,
    };
    if (row.url) a.url = row.url;
    if (row.dateNote) a.dateNote = row.dateNote;
    if (row.byline) a.byline = row.byline;
    articles.push(a);
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: stamp.now.toISOString(),
    extensionVersion: stamp.extensionVersion,
    articles,
    names: await userEntities(db),
    corrections: await loadCorrections(),
    settings: await loadSettings(),
    sitesOff: await disabledHosts(db),
    dismissed: await dismissedSuggestions(db),
  };
}

/** The backup as the file the reader downloads: its name and its text. */
export async function backupFile(db: LensDatabase, stamp: BackupStamp): Promise<{ name: string; text: string }> {
  const backup = await makeBackup(db, stamp);
  return { name: `khabar-lens-backup-${stamp.now.toISOString().slice(0, 10)}.json`, text: JSON.stringify(backup) };
}

export interface RestoreReport {
  names: number;
  articlesAdded: number;
  articlesDuplicate: number;
  corrections: number;
  sitesOff: number;
}

/** Articles stored per transaction while restoring. */
const RESTORE_BATCH = 50;

function inputOf(a: BackupArticle): LibraryInput {
  const input: LibraryInput = {
    title: a.title, outlet: a.outlet, dateEstimated: a.dateEstimated, language: a.language, text: a.text, origin: a.origin,
  };
  if (a.url) input.url = a.url;
  if (a.date) input.date = a.date;
  if (a.dateNote) input.dateNote = a.dateNote;
  if (a.byline) input.byline = a.byline;
  return input;
}

/**
 * Restore a backup file's text (parseBackup: a BackupError names every problem, and nothing is
 * written then). `onProgress(done, total)` after each batch of articles.
 */
export async function restoreBackup(db: LensDatabase, text: string, onProgress?: (done: number, total: number) => void): Promise<RestoreReport> {
  const backup = parseBackup(text);
  // In one transaction with one new version of the names (db/library.ts NamesVersion).
  await putUserEntities(db, backup.names);
  const payload = await matcherPayload(db);
  if (!payload) throw new Error('the gazetteer is not ready yet; try again in a moment');
  const matcher = loadMatcher(payload.matcher);
  let added = 0;
  let duplicate = 0;
  for (let i = 0; i < backup.articles.length; i += RESTORE_BATCH) {
    const batch = backup.articles.slice(i, i + RESTORE_BATCH);
    const docs = batch.map((a) => libraryDocument(inputOf(a), matcher));
    const results = await addToLibrary(db, docs, { origin: 'restored', each: batch });
    for (const r of results) if (r.status === 'added') added++;
    else duplicate++;
    onProgress?.(Math.min(i + RESTORE_BATCH, backup.articles.length), backup.articles.length);
  }
  let corrections = await loadCorrections();
  for (const c of parseCorrections(backup.corrections)) corrections = withCorrection(corrections, c);
  await browser.storage.local.set({ [CORRECTIONS_KEY]: corrections, [SETTINGS_KEY]: parseSettings(backup.settings) });
  for (const host of backup.sitesOff) await setSiteEnabled(db, host, false);
  const dismissed = [...new Set([...(await dismissedSuggestions(db)), ...backup.dismissed])];
  await db.userMeta.put({ key: DISMISSED_KEY, list: dismissed });
  // The caller then tells the background (namesChanged): it refreshes the pages' snapshot, so open
  // tabs highlight the restored names and skip the switched-off sites, and rescans the library.
  return {
    names: backup.names.length,
    articlesAdded: added,
    articlesDuplicate: duplicate,
    corrections: parseCorrections(backup.corrections).length,
    sitesOff: backup.sitesOff.length,
  };
}
