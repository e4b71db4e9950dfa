/**
 * What a page session needs before its first scan, in one storage.local.get: the reader's settings
 * and the background's page snapshot (lib/page-snapshot.ts: the matcher, the switched-off hosts).
 * Extension storage answers without the service worker, which may be asleep and would then have to
 * start and read IndexedDB first. Where the snapshot is missing or unreadable (right after
 * install, storage full, a copy overwritten with junk) the validated messages answer instead.
 */
import type { SerializedMatcher } from '../../core/match/automaton.ts';
import { sendRequest } from '../../lib/messages.ts';
import { hostKey, parseDisabledHosts, parseMatcherSnapshot } from '../../lib/page-snapshot.ts';
import { parseCorrections, type Correction } from '../../lib/corrections.ts';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../lib/settings.ts';
import { CORRECTIONS_KEY, PAUSED_KEY, SETTINGS_KEY, SNAPSHOT_DISABLED_HOSTS_KEY, SNAPSHOT_MATCHER_KEY } from '../../lib/storage-keys.ts';
import { parsePaused } from '../../lib/pause.ts';
import { readStored } from './early-read.ts';

export interface Startup {
  settings: Settings;
  /** True: the snapshot says the site is on; undefined: ask the background (siteEnabled()). */
  enabled: boolean | undefined;
  /** The unfiltered matcher from the snapshot; undefined: ask the background (matcher()). */
  matcher: SerializedMatcher | undefined;
  /** The snapshot matcher's version (the reader's names change it), when there is one. */
  matcherVersion?: string;
  /** The reader's corrections (lib/corrections.ts), read as untrusted. */
  corrections: Correction[];
  /** The reader paused the extension everywhere (lib/pause.ts). */
  paused: boolean;
}

/** Settings and snapshot from what storage holds (readStored); undefined: defaults and messages. */
export function parseStartup(stored: Record<string, unknown> | undefined, host: string): Startup {
  if (!stored) return { settings: DEFAULT_SETTINGS, enabled: undefined, matcher: undefined, corrections: [], paused: false };
  const disabled = parseDisabledHosts(stored[SNAPSHOT_DISABLED_HOSTS_KEY]);
  const snapshot = parseMatcherSnapshot(stored[SNAPSHOT_MATCHER_KEY]);
  return {
    settings: parseSettings(stored[SETTINGS_KEY]),
    // Listed: maybe switched off (the keys are a filter, lib/page-snapshot.ts), the background knows.
    enabled: disabled ? (disabled.has(hostKey(host)) ? undefined : true) : undefined,
    matcher: snapshot?.matcher,
    ...(snapshot ? { matcherVersion: snapshot.version } : {}),
    corrections: parseCorrections(stored[CORRECTIONS_KEY]),
    paused: parsePaused(stored[PAUSED_KEY]),
  };
}

/** Settings and snapshot for a page on `host`, read now; never rejects. */
export async function readStartup(host: string): Promise<Startup> {
  return parseStartup(await readStored(), host);
}

/** The site switch: the snapshot's, else the background's answer. */
export async function siteEnabled(startup: Startup, host: string): Promise<boolean> {
  return startup.enabled ?? (await sendRequest({ type: 'getSiteEnabled', host })).enabled;
}

/** The unfiltered matcher: the snapshot's, else the background's answer. */
export async function matcherOf(startup: Startup): Promise<SerializedMatcher> {
  return startup.matcher ?? (await sendRequest({ type: 'getMatcher' })).matcher;
}
