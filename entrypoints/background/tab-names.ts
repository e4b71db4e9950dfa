/**
 * What each tab's content scripts reported, and the action badge that shows it. Reports live in
 * storage.session (one key per frame, so frames never overwrite each other), not in service-worker
 * memory, so the badge and getTabNames survive the worker being stopped; the session area is
 * emptied when the browser closes, which is all the life a tab's names need.
 */
import { browser } from 'wxt/browser';
import type { PageNames } from '../../lib/messages.ts';
import { isPaused } from '../../lib/pause.ts';

const PREFIX = 'names:';
const keyOf = (tabId: number, frameId: number) => `${PREFIX}${tabId}:${frameId}`;
const tabPrefix = (tabId: number) => `${PREFIX}${tabId}:`;

/** MV3 has `action`; Firefox's MV2 build has `browserAction`. */
function action() {
  const b = browser as unknown as { action?: typeof browser.action; browserAction?: typeof browser.action };
  return b.action ?? b.browserAction!;
}

/** Reports of one tab are read and written one at a time (ordering only: the data is in storage). */
const queues = new Map<number, Promise<unknown>>();
function serial<T>(tabId: number, task: () => Promise<T>): Promise<T> {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(task, task);
  const settled = next.catch(() => {});
  queues.set(tabId, settled);
  void settled.then(() => {
    if (queues.get(tabId) === settled) queues.delete(tabId);
  });
  return next;
}

async function tabKeys(tabId: number): Promise<string[]> {
  const all = await browser.storage.session.get(null);
  return Object.keys(all).filter((k) => k.startsWith(tabPrefix(tabId)));
}

/** Every frame's report of a tab, summed. */
export async function namesOfTab(tabId: number): Promise<PageNames> {
  const all = (await browser.storage.session.get(null)) as Record<string, PageNames>;
  const sum: PageNames = {};
  for (const [key, names] of Object.entries(all)) {
    if (!key.startsWith(tabPrefix(tabId))) continue;
    for (const [id, n] of Object.entries(names)) if (n > 0) sum[id] = (sum[id] ?? 0) + n;
  }
  return sum;
}

/** Badge text for a number of distinct names: empty for none, capped to fit the badge. */
export function badgeText(distinct: number): string {
  if (distinct <= 0) return '';
  return distinct > 999 ? '999+' : String(distinct);
}

/** The badge while the reader has paused the extension (lib/pause.ts), on every tab. */
export const PAUSED_BADGE = 'off';

async function updateBadge(tabId: number): Promise<void> {
  const distinct = Object.keys(await namesOfTab(tabId)).length;
  const paused = await isPaused().catch(() => false);
  try {
    await action().setBadgeText({ tabId, text: paused ? PAUSED_BADGE : badgeText(distinct) });
    if (distinct > 0 || paused) await action().setBadgeBackgroundColor({ tabId, color: paused ? '#6b6b6b' : '#3c4b64' });
  } catch {
    // The tab closed meanwhile.
  }
}

/** A frame's report replaces its previous one. */
export function reportFrame(tabId: number, frameId: number, names: PageNames): Promise<void> {
  return serial(tabId, async () => {
    const kept: PageNames = {};
    for (const [id, n] of Object.entries(names)) if (n > 0) kept[id] = n;
    if (Object.keys(kept).length > 0) await browser.storage.session.set({ [keyOf(tabId, frameId)]: kept });
    else await browser.storage.session.remove(keyOf(tabId, frameId));
    await updateBadge(tabId);
  });
}

/**
 * Forget a tab's reports. Called when the tab starts loading: a new page, and also a
 * history.pushState navigation (Chrome reports both as status 'loading'), after which the
 * content script scans and reports again.
 */
export function clearTab(tabId: number, options: { badge: boolean }): Promise<void> {
  return serial(tabId, async () => {
    const keys = await tabKeys(tabId);
    if (keys.length === 0) return;
    await browser.storage.session.remove(keys);
    if (options.badge) await updateBadge(tabId);
  });
}

/** Every open tab's badge again (the pause was switched). */
export async function refreshBadges(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : serial(t.id, () => updateBadge(t.id!)))));
}
