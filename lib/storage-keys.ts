/**
 * The keys of browser.storage.local, in a module of their own with nothing to import: the content
 * script's first code (entrypoints/content/early-read.ts) reads them before anything else of the
 * script is initialised. What each holds: lib/settings.ts (SETTINGS_KEY), lib/page-snapshot.ts
 * (the snapshot keys).
 */
export const SETTINGS_KEY = 'settings';
/** `{ version, matcher }`: the matcher as getMatcher answers it, with its bundle version. */
export const SNAPSHOT_MATCHER_KEY = 'snapshot.matcher';
/** `string[]`: the hostKey of every switched-off host (see lib/page-snapshot.ts). */
export const SNAPSHOT_DISABLED_HOSTS_KEY = 'snapshot.disabledHostKeys';
export const SNAPSHOT_KEYS = [SNAPSHOT_MATCHER_KEY, SNAPSHOT_DISABLED_HOSTS_KEY] as const;
/** `Correction[]`: the reader's "not this" corrections (lib/corrections.ts, lib/corrections-store.ts). */
export const CORRECTIONS_KEY = 'corrections';
/** `true` while the reader paused the extension everywhere (lib/pause.ts). */
export const PAUSED_KEY = 'paused';
/** Everything a page session reads before its first scan, in one storage.local.get. */
export const STARTUP_KEYS = [SETTINGS_KEY, ...SNAPSHOT_KEYS, CORRECTIONS_KEY, PAUSED_KEY] as const;
