/**
 * The reader's corrections (lib/corrections.ts) in browser.storage.local under CORRECTIONS_KEY,
 * beside the settings and for the same reasons (lib/settings.ts): content scripts can read and
 * write extension storage, and storage.onChanged reaches every context, so a correction made in
 * one tab's card applies at once in every open tab and in the options page. The background never
 * clears this key (a bundle import or an update replaces only the snapshot keys), so corrections
 * survive updates. What is stored is read through `parseCorrections`, as untrusted input.
 */
import { browser } from 'wxt/browser';
import { parseCorrections, withCorrection, withoutCorrection, type Correction } from './corrections.ts';
import { CORRECTIONS_KEY } from './storage-keys.ts';

export async function loadCorrections(): Promise<Correction[]> {
  const stored = await browser.storage.local.get(CORRECTIONS_KEY);
  return parseCorrections(stored[CORRECTIONS_KEY]);
}

/** The writes of this context, one after another, each reading what the one before stored. */
let writes: Promise<unknown> = Promise.resolve();

function update(change: (list: Correction[]) => Correction[]): Promise<Correction[]> {
  const write = async (): Promise<Correction[]> => {
    const next = change(await loadCorrections());
    await browser.storage.local.set({ [CORRECTIONS_KEY]: next });
    return next;
  };
  const done = writes.then(write, write);
  writes = done.catch(() => undefined);
  return done;
}

export function addCorrection(c: Correction): Promise<Correction[]> {
  return update((list) => withCorrection(list, c));
}

export function removeCorrection(c: Pick<Correction, 'surface' | 'entityId' | 'host'>): Promise<Correction[]> {
  return update((list) => withoutCorrection(list, c));
}

/** Calls `listener` with the corrections whenever any context stores them. Returns the unsubscribe. */
export function watchCorrections(listener: (list: Correction[]) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && CORRECTIONS_KEY in changes) listener(parseCorrections(changes[CORRECTIONS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
