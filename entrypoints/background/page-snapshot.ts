/**
 * Keeps the page snapshot (lib/page-snapshot.ts) in browser.storage.local in step with the
 * database: the matcher after every import, the switched-off hosts after every switch and at every
 * service-worker start (which also repairs a snapshot a content script overwrote). Each refresh
 * derives both from the database afresh, and refreshes run one after another, so the last one
 * always reflects the last change. The database stays the authority; nothing here is read back.
 */
import { browser } from 'wxt/browser';
import { DB_NAME, openDatabase, type LensDatabase } from '../../db/database.ts';
import { matcherPayload } from '../../db/queries.ts';
import {
  hostKey,
  parseDisabledHosts,
  parseMatcherSnapshot,
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

async function disabledHosts(db: LensDatabase): Promise<string[]> {
  const sites = await db.sites.toArray();
  return sites.filter((s) => !s.enabled).map((s) => s.host);
}

export const databaseSources = (db: () => LensDatabase = () => openDatabase(DB_NAME)): SnapshotSources => ({
  matcher: async () => {
    const payload = await matcherPayload(db());
    return payload ? { version: payload.version, matcher: payload.matcher } : null;
  },
  disabledHosts: () => disabledHosts(db()),
});

const sameKeys = (a: ReadonlySet<string>, b: readonly string[]) => a.size === b.length && b.every((k) => a.has(k));

async function write(sources: SnapshotSources): Promise<void> {
  const [matcher, hosts, stored] = await Promise.all([
    sources.matcher(),
    sources.disabledHosts(),
    browser.storage.local.get([...SNAPSHOT_KEYS]),
  ]);
  const changes: Record<string, unknown> = {};
  const stale: string[] = [];
  const keys = [...new Set(hosts.map(hostKey))].sort();
  const storedKeys = parseDisabledHosts(stored[SNAPSHOT_DISABLED_HOSTS_KEY]);
  if (!storedKeys || !sameKeys(storedKeys, keys)) changes[SNAPSHOT_DISABLED_HOSTS_KEY] = keys;
  // No matcher stored (an import under way after a schema upgrade): the last copy still scans
  // until the import's own refresh replaces it.
  if (matcher && parseMatcherSnapshot(stored[SNAPSHOT_MATCHER_KEY])?.version !== matcher.version) {
    const copy: MatcherSnapshot = { version: matcher.version, matcher: matcher.matcher };
    if (JSON.stringify(copy).length <= SNAPSHOT_MATCHER_MAX_CHARS) changes[SNAPSHOT_MATCHER_KEY] = copy;
    else if (stored[SNAPSHOT_MATCHER_KEY] !== undefined) stale.push(SNAPSHOT_MATCHER_KEY);
  }
  if (stale.length > 0) await browser.storage.local.remove(stale);
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
