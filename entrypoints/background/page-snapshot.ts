/**
 * Keeps the page snapshot (lib/page-snapshot.ts) in browser.storage.local in step with the
 * database: after every import attempt (data.ts ensureData), every switch of a site and at every
 * service-worker start, each compared whole with what is stored, so a copy a content script
 * overwrote is repaired by the next of these. Each refresh
 * derives both from the database afresh, and refreshes run one after another, so the last one
 * always reflects the last change. The database stays the authority; nothing here is read back.
 */
import { browser } from 'wxt/browser';
import { DB_NAME, openDatabase, type LensDatabase } from '../../db/database.ts';
import { disabledHosts, matcherPayload } from '../../db/queries.ts';
import {
  hostKey,
  parseDisabledHosts,
  SNAPSHOT_DISABLED_HOSTS_KEY,
  SNAPSHOT_KEYS,
  SNAPSHOT_MATCHER_KEY,
  SNAPSHOT_MATCHER_MAX_CHARS,
  type MatcherSnapshot,
} from '../../lib/page-snapshot.ts';

/** Where the snapshot comes from: the database's answers (replaceable in tests). */
export interface SnapshotSources {
  /** The stored matcher (null before the first import completes). */
  matcher: () => Promise<MatcherSnapshot | null>;
  /** Every host the reader switched off. */
  disabledHosts: () => Promise<string[]>;
}

export const databaseSources = (db: () => LensDatabase = () => openDatabase(DB_NAME)): SnapshotSources => ({
  matcher: () => matcherPayload(db()),
  disabledHosts: () => disabledHosts(db()),
});

const sameVersion = (stored: unknown, version: string) =>
  typeof stored === 'object' && stored !== null && (stored as { version?: unknown }).version === version;

const sameKeys = (a: ReadonlySet<string>, b: readonly string[]) => a.size === b.length && b.every((k) => a.has(k));

async function write(sources: SnapshotSources): Promise<void> {
  const [matcher, hosts, stored] = await Promise.all([
    sources.matcher(),
    sources.disabledHosts(),
    browser.storage.local.get([...SNAPSHOT_KEYS]),
  ]);
  const changes: Record<string, unknown> = {};
  let dropMatcher = false;
  const keys = [...new Set(hosts.map(hostKey))].sort();
  const storedKeys = parseDisabledHosts(stored[SNAPSHOT_DISABLED_HOSTS_KEY]);
  if (!storedKeys || !sameKeys(storedKeys, keys)) changes[SNAPSHOT_DISABLED_HOSTS_KEY] = keys;
  // No matcher stored (an import under way after a schema upgrade): the last copy still scans
  // until the import's own refresh replaces it.
  // Compared whole, not by version: a content script may have written a copy with the right
  // version and emptied patterns, which would switch highlighting off everywhere until the next
  // bundle. (The real matcher's JSON is ≈ 8 KB.)
  if (matcher) {
    const copy: MatcherSnapshot = { version: matcher.version, matcher: matcher.matcher };
    const json = JSON.stringify(copy);
    if (json.length > SNAPSHOT_MATCHER_MAX_CHARS) {
      dropMatcher = stored[SNAPSHOT_MATCHER_KEY] !== undefined;
    } else if (!sameVersion(stored[SNAPSHOT_MATCHER_KEY], copy.version) || JSON.stringify(stored[SNAPSHOT_MATCHER_KEY]) !== json) {
      // Another version (a name added): changed, without serialising the old copy (0.3 MB with
      // 5,000 of the reader's names) to find out.
      changes[SNAPSHOT_MATCHER_KEY] = copy;
    }
  }
  if (dropMatcher) await browser.storage.local.remove(SNAPSHOT_MATCHER_KEY);
  if (Object.keys(changes).length > 0) await browser.storage.local.set(changes);
}

let queue: Promise<void> = Promise.resolve();

/**
 * Bring the snapshot in line with the database. Never rejects: when it cannot be written (storage
 * full), it is removed, since a stale list of switched-off hosts would light up a site the reader
 * just switched off; content scripts then ask by message.
 */
export function refreshPageSnapshot(sources: SnapshotSources = databaseSources()): Promise<void> {
  const run = () =>
    write(sources).catch(async (error: unknown) => {
      console.warn('khabar-lens: page snapshot not written, removed', error);
      await browser.storage.local.remove([...SNAPSHOT_KEYS]).catch(() => undefined);
    });
  queue = queue.then(run, run);
  return queue;
}
