/**
 * The page session's one storage read (startup.ts parses it), started by the very first code the
 * content script evaluates: this module is the entrypoint's first import and imports nothing but
 * the storage keys, so the answer is on its way while the rest of the script (≈140 KB: the
 * matcher, the scanner, the card) is initialised — tens of milliseconds on a busy machine.
 *
 * Only on a page that declares itself Arabic, as boot() decides (page/language.ts
 * isArabicLangTag; not imported here, it would bring the character tables first): the rest of the
 * web reads nothing. WXT also imports the entrypoint in Node at build time: no document there.
 */
import { browser } from 'wxt/browser';
import { STARTUP_KEYS } from '../../lib/storage-keys.ts';

/** What storage holds under STARTUP_KEYS; undefined when extension storage failed (logged). */
export async function readStored(): Promise<Record<string, unknown> | undefined> {
  try {
    return await browser.storage.local.get([...STARTUP_KEYS]);
  } catch (error) {
    console.warn('[khabar] extension storage unavailable, using the defaults', error);
    return undefined;
  }
}

/** When the content script's evaluation began (performance.now()), for the benchmark. */
export const scriptStartAt = typeof performance === 'undefined' ? 0 : performance.now();

const DECLARED_ARABIC = /^ar(-|_|$)/i;

let pending: Promise<Record<string, unknown> | undefined> | undefined;
try {
  if (typeof document !== 'undefined' && DECLARED_ARABIC.test(document.documentElement?.getAttribute('lang')?.trim() ?? '')) {
    pending = readStored();
  }
} catch {
  // Nothing read early: boot() reads it itself.
}

/** The read started at evaluation, once (a restart reads afresh). */
export function takeEarlyRead(): Promise<Record<string, unknown> | undefined> | undefined {
  const p = pending;
  pending = undefined;
  return p;
}
