/**
 * The global pause (Yomitan's "toggle text scanning", 10ten's toggle): one flag in
 * browser.storage.local that every page session follows live through storage.onChanged, as it
 * follows the settings. While paused no page is scanned, highlighted or hoverable, and the toolbar
 * badge says so on every tab. Set by the toggle-pause command (the background), the popup's button
 * and the card's. Kept apart from the settings: "restore the defaults" must not unpause, and a
 * pause is not a preference.
 */
import { browser } from 'wxt/browser';
import { PAUSED_KEY } from './storage-keys.ts';

export { PAUSED_KEY } from './storage-keys.ts';

/** Only a stored `true` pauses: anything else (missing, junk) is not paused. */
export function parsePaused(raw: unknown): boolean {
  return raw === true;
}

export async function isPaused(): Promise<boolean> {
  return parsePaused((await browser.storage.local.get(PAUSED_KEY))[PAUSED_KEY]);
}

export async function setPaused(paused: boolean): Promise<boolean> {
  await browser.storage.local.set({ [PAUSED_KEY]: paused });
  return paused;
}

export async function togglePaused(): Promise<boolean> {
  return setPaused(!(await isPaused()));
}

/** Calls `listener` whenever any context pauses or resumes. Returns the unsubscribe. */
export function watchPaused(listener: (paused: boolean) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && PAUSED_KEY in changes) listener(parsePaused(changes[PAUSED_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
