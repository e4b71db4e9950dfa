/**
 * The extension's context-menu items, one table (issue 13): each item's id, the contexts it shows
 * in, its title (a message of public/_locales) and what a click does with the tab it was made in.
 * Registered once per install or update (the browser keeps them); the click listener is added on
 * every start of the background, synchronously, so a click wakes it. To add an item, add a row.
 */
import { browser } from 'wxt/browser';
import { SAVE_BADGE_MS } from '../../lib/constants.ts';
import type { UiKey } from '../../lib/i18n.ts';
import type { SaveResult } from '../../lib/messages/page-copy.ts';
import { LIMITS } from '../../lib/messages.ts';
import { sendToTab } from '../../lib/messages/tab-messages.ts';
import { saveOutcomeText } from '../../lib/save-outcome.ts';
import { loadSettings } from '../../lib/settings.ts';
import { savePage } from './save-page.ts';
import { refreshBadges } from './tab-names.ts';

type MenuContext = 'page' | 'selection';
interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
}

export interface MenuItem {
  id: string;
  contexts: MenuContext[];
  title: UiKey;
  /** What the click does, for the tab it was made in (top frame). */
  run(tabId: number, click: MenuClick): Promise<void>;
}

/** The outcome on the toolbar badge for a moment: the menu has no window to answer in. */
async function showSaved(tabId: number, ok: boolean): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeText({ tabId, text: ok ? '✓' : '!' }).catch(() => undefined);
  await action.setBadgeBackgroundColor({ tabId, color: ok ? '#1e6b37' : '#a4262c' }).catch(() => undefined);
  setTimeout(() => void refreshBadges().catch(() => undefined), SAVE_BADGE_MS);
}

/**
 * The outcome in words in the page itself (entrypoints/content/save-notice.ts), in the reader's
 * language. A page without the content script (a browser page) has the badge alone.
 */
async function noticeInPage(tabId: number, result: SaveResult): Promise<void> {
  const { lang } = await loadSettings();
  const outcome = result.status === 'added' ? 'saved' : result.status;
  // Within the message's limit: a failure's detail is the browser's own and may be long.
  const text = saveOutcomeText(result, lang).slice(0, LIMITS.pageTitleLength + 500);
  await sendToTab(tabId, { type: 'saveNotice', outcome, text, lang }).catch(() => undefined);
}

export const MENU_ITEMS: readonly MenuItem[] = [
  {
    // Right-click anywhere on a page: "Save this page to my library".
    id: 'khabar-save-page',
    contexts: ['page'],
    title: 'menuSavePage',
    async run(tabId) {
      const result = await savePage(tabId);
      await showSaved(tabId, result.status !== 'failed');
      await noticeInPage(tabId, result);
    },
  },
];

/** Create the items (again): on install and update. */
export async function registerContextMenus(): Promise<void> {
  const menus = browser.contextMenus;
  if (!menus) return;
  for (const item of MENU_ITEMS) {
    // Only our own rows: the add-name item (name-menu.ts) is made on every start, in the reader's
    // language, and must survive this.
    await menus.remove(item.id).catch(() => undefined);
    const [first, ...rest] = item.contexts;
    menus.create({ id: item.id, contexts: [first!, ...rest], title: browser.i18n.getMessage(item.title as never) || item.title });
  }
}

/** Route clicks on our items; on every start of the background. */
export function listenForMenuClicks(): void {
  browser.contextMenus?.onClicked.addListener((click, tab) => {
    const item = MENU_ITEMS.find((i) => i.id === click.menuItemId);
    if (!item || tab?.id === undefined || tab.id < 0) return;
    item.run(tab.id, click).catch((e: unknown) => console.error('khabar-lens: menu item failed', item.id, e));
  });
}
