/**
 * What the component tests of the popup, side panel and options page share: the real corpus built
 * into a bundle and imported into a fake IndexedDB (the pages read the database directly), a fake
 * background answering the typed requests with the real handlers, and a fake content script.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildBundle } from '../../core/corpus/build.ts';
import type { Bundle } from '../../core/types.ts';
import { closeDatabase, DB_NAME, openDatabase } from '../../db/database.ts';
import { importBundle } from '../../db/import.ts';
import { handle } from '../../entrypoints/background/handlers.ts';
import type { PageNames, Reply, Request } from '../../lib/messages.ts';
import type { PageInfo, TabMessage } from '../../lib/tabs.ts';
import { readCorpus } from '../../scripts/corpus-files.ts';

let bundle: Bundle | undefined;
export function corpusBundle(): Bundle {
  bundle ??= buildBundle(readCorpus());
  return bundle;
}

/** A fresh database holding the corpus bundle. */
export async function seedDatabase(): Promise<void> {
  closeDatabase(DB_NAME);
  await Dexie.delete(DB_NAME);
  await importBundle(openDatabase(DB_NAME), corpusBundle());
}

/** Every request the fake background answered, in order. */
export const requests: Request[] = [];

/**
 * The background as the pages see it: runtime.sendMessage answered by the real request handlers
 * (entrypoints/background/handlers.ts) over the fake database and fake storage.
 */
export function installBackground(): void {
  requests.length = 0;
  fakeBrowser.runtime.onMessage.addListener(((message: unknown, _sender: unknown, sendResponse: (r: Reply<unknown>) => void) => {
    if (typeof message !== 'object' || message === null || !('type' in message)) return false;
    requests.push(message as Request);
    handle(message as Request, { kind: 'extension' }).then(
      (value) => sendResponse({ ok: true, value }),
      (e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
    return true;
  }) as never);
}

export interface FakePage {
  tabId: number;
  url: string;
  title: string;
  names: PageNames;
}

/** Messages the fake content scripts received. */
export const tabMessages: { tabId: number; message: TabMessage }[] = [];

/**
 * Tabs with a content script: their reported names stored where the background keeps them, and
 * tabs.sendMessage answered as the content script would (pageInfo, reveal). `active` becomes the
 * active tab of the current window. The browser gives no URL to an extension without the "tabs"
 * permission, so the fake tabs carry none either: the pages must ask the content script.
 */
export async function openPages(pages: FakePage[], active: number): Promise<void> {
  tabMessages.length = 0;
  await fakeBrowser.windows.create({ focused: true });
  for (const p of pages) {
    const tab = await fakeBrowser.tabs.create({ active: p.tabId === active });
    if (tab.id !== p.tabId) throw new Error(`fake tabs are numbered from 1 in order: got ${tab.id} for ${p.tabId}`);
    if (Object.keys(p.names).length > 0) await fakeBrowser.storage.session.set({ [`names:${p.tabId}:0`]: p.names });
  }
  vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValue(undefined as never);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: TabMessage) => {
    tabMessages.push({ tabId, message });
    const page = pages.find((p) => p.tabId === tabId);
    if (!page) throw new Error('Could not establish connection. Receiving end does not exist.');
    if (message.type === 'pageInfo') return { url: page.url, title: page.title } satisfies PageInfo;
    if (message.type === 'reveal') return { ok: (page.names[message.entityId] ?? 0) > 0 };
    return undefined;
  }) as never);
}

/** Everything a test changed in the fake browser, undone. */
export function resetBrowser(): void {
  vi.restoreAllMocks();
  fakeBrowser.reset();
}
