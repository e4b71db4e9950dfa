/**
 * After the reader added, edited or deleted a name (the extension page wrote it with
 * db/library.ts putUserEntity / deleteUserEntity, then sent `namesChanged`): the page snapshot
 * gets the matcher with the reader's names at once (open tabs follow it: entrypoints/content/
 * matcher-watch.ts), and the library is rescanned in the background, batch by batch, its progress
 * in userMeta 'rescan' for the pages to show (RescanProgress). Changes that come during a rescan
 * are taken by one more rescan after it, not by many.
 */
import { browser } from 'wxt/browser';
import { loadMatcher } from '../../core/match/automaton.ts';
import type { LensDatabase } from '../../db/database.ts';
import { rescanLibrary } from '../../db/library.ts';
import { matcherPayload } from '../../db/queries.ts';
import { RESCAN_KEY, type RescanRecord } from '../../lib/rescan-record.ts';
import { refreshPageSnapshot } from './page-snapshot.ts';

let rescanning: Promise<void> | undefined;
let again = false;

async function record(db: LensDatabase, r: Omit<RescanRecord, 'key' | 'at'>): Promise<void> {
  await db.userMeta.put({ key: RESCAN_KEY, ...r, at: Date.now() });
}

async function rescanOnce(db: LensDatabase): Promise<void> {
  const payload = await matcherPayload(db);
  if (!payload) return;
  const matcher = loadMatcher(payload.matcher);
  const total = await db.library.count();
  await record(db, { state: 'running', done: 0, total, version: payload.version });
  const done = await rescanLibrary(db, matcher, (n, of) => {
    void record(db, { state: 'running', done: n, total: of, version: payload.version }).catch(() => undefined);
    // An extension API call per batch: Chrome keeps a worker that makes them alive past its
    // 30 s idle limit (IndexedDB work alone does not count).
    void browser.runtime.getPlatformInfo().catch(() => undefined);
  });
  await record(db, { state: 'done', done, total: done, version: payload.version });
}

/** Rescan the library with the matcher of now; resolves when no rescan is wanted any more. */
export function scheduleRescan(db: LensDatabase): Promise<void> {
  if (rescanning) {
    again = true;
    return rescanning;
  }
  const run = async () => {
    do {
      again = false;
      await rescanOnce(db);
    } while (again);
  };
  rescanning = run()
    .catch(async (e: unknown) => {
      console.warn('khabar-lens: library rescan failed', e);
      await record(db, { state: 'error', done: 0, total: 0, version: '', error: e instanceof Error ? e.message : String(e) }).catch(() => undefined);
    })
    .finally(() => {
      rescanning = undefined;
    });
  return rescanning;
}

/**
 * At a worker's start: a rescan the last worker did not finish (stopped by the browser, or the
 * browser closed) runs again from the start; each batch it did is consistent already.
 */
export async function resumeRescan(db: LensDatabase): Promise<void> {
  const row = await db.userMeta.get(RESCAN_KEY);
  if ((row as RescanRecord | undefined)?.state === 'running') await scheduleRescan(db);
}

/** The `namesChanged` request: snapshot now (answered after it), rescan after. */
export async function namesChanged(db: LensDatabase): Promise<void> {
  await refreshPageSnapshot();
  void scheduleRescan(db);
}
