/**
 * Follows the page snapshot's matcher (lib/page-snapshot.ts) after the page's start: when the
 * reader adds, edits or deletes a name, the background writes a new matcher there, and every open
 * page scans again with it (page/session-state.ts, event 'matcher') without a reload.
 */
import { browser } from 'wxt/browser';
import { parseMatcherSnapshot, SNAPSHOT_MATCHER_KEY } from '../../lib/page-snapshot.ts';

/**
 * Calls `listener` with the version of each new matcher stored. A removed or malformed copy says
 * nothing: the running scan carries on with the matcher it has (a new start asks the background).
 */
export function watchMatcherSnapshot(listener: (version: string) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SNAPSHOT_MATCHER_KEY in changes)) return;
    const snapshot = parseMatcherSnapshot(changes[SNAPSHOT_MATCHER_KEY]?.newValue);
    if (snapshot) listener(snapshot.version);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
