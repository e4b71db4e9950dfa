/**
 * The page snapshot: what a content script needs before its first scan besides the reader's
 * settings — the compiled matcher and the hosts the reader switched off — copied by the background
 * into browser.storage.local (entrypoints/background/page-snapshot.ts), so that a page reads
 * settings and snapshot in one storage.local.get at document_end instead of waiting for the
 * service worker (woken, then reading IndexedDB) to answer getMatcher and getSiteEnabled.
 *
 * Derived data only: the per-site switch stays authoritative in the database's `sites` table and
 * the matcher in its `meta` table; the background rewrites the snapshot from them whenever they
 * change and never reads it back. Content scripts can write storage.local too, so whatever is read
 * here is untrusted: it is parsed, and a missing or malformed snapshot sends the content script
 * back to the validated messages (getMatcher, getSiteEnabled), as right after install.
 */
import type { SerializedMatcher } from '../core/match/automaton.ts';
import { hashString } from '../core/util/hash.ts';
import { isRecord } from './settings.ts';

/*
 * The switched-off hosts are stored as 16-bit keys (hostKey), a filter that says "maybe switched
 * off", not names: any content script can read storage.local, and a compromised page must not be
 * able to list the sites the reader switched off, even by hashing a list of known domains (each key
 * stands for thousands of them). A page whose key is not listed is on, the answer for nearly every
 * page; one whose key is listed asks the background, which knows.
 */
export { SNAPSHOT_DISABLED_HOSTS_KEY, SNAPSHOT_KEYS, SNAPSHOT_MATCHER_KEY } from './storage-keys.ts';

/**
 * A matcher bigger than this (JSON characters) is not copied: storage.local holds 10 MB in all
 * without the unlimitedStorage permission, and every Arabic page would read the copy. Such a
 * gazetteer (tens of thousands of names) is asked for by message, as before.
 */
export const SNAPSHOT_MATCHER_MAX_CHARS = 2_000_000;

export interface MatcherSnapshot {
  version: string;
  matcher: SerializedMatcher;
}

/** The stored matcher copy if it has the shape of one (loadMatcher still checks on building). */
export function parseMatcherSnapshot(raw: unknown): MatcherSnapshot | undefined {
  if (!isRecord(raw) || typeof raw['version'] !== 'string') return undefined;
  const m = raw['matcher'];
  if (!isRecord(m) || m['format'] !== 1) return undefined;
  if (!Array.isArray(m['entityIds']) || !Array.isArray(m['kinds']) || !Array.isArray(m['patterns'])) return undefined;
  return { version: raw['version'], matcher: m as unknown as SerializedMatcher };
}

/** A host name's key in the switched-off filter: 16 bits of its hash (core/util/hash.ts), hex. */
export function hostKey(host: string): string {
  return hashString(host).slice(-4);
}

/** The switched-off hosts' keys (hostKey), or undefined when no (valid) list is stored. */
export function parseDisabledHosts(raw: unknown): Set<string> | undefined {
  if (!Array.isArray(raw) || !raw.every((h) => typeof h === 'string')) return undefined;
  return new Set(raw as string[]);
}
