/**
 * The context menu item "أضف «%s» إلى الأسماء…" on a selection (issue 13 item 3): it opens the
 * add-name page (entrypoints/add-name) in a small window with the selection in its URL's hash.
 * The selection comes from the browser's menu, not from a page's message; it is cleaned and cut
 * to the name's limit (core/library/own-name.ts) before it goes into the URL, and the page cleans
 * it again, since a URL can be typed by anyone.
 */
import { browser } from 'wxt/browser';
import { nameFromSelection } from '../../core/library/own-name.ts';
import { t } from '../../lib/i18n.ts';
import { loadSettings, watchSettings, type Settings } from '../../lib/settings.ts';

export const ADD_NAME_MENU_ID = 'khabar-add-name';
/** The add-name page, relative to the extension's root. */
export const ADD_NAME_PAGE = 'add-name.html';
/** The add-name window's size: the form without scrolling on a laptop screen. */
const WINDOW_SIZE = { width: 560, height: 760 };

/** The part of the menu's click data the handler reads. */
export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
}

/** The add-name page's URL for a click on our item (`root` ends in '/'); null for another item or no text. */
export function addNameUrl(root: string, click: MenuClick): string | null {
  if (click.menuItemId !== ADD_NAME_MENU_ID) return null;
  const name = nameFromSelection(click.selectionText ?? '');
  if (name === '') return null;
  return `${root}${ADD_NAME_PAGE}#${new URLSearchParams({ name }).toString()}`;
}

/** What opening a window needs (replaceable in the unit tests). */
export interface WindowOpener {
  openWindow(url: string): Promise<unknown>;
  openTab(url: string): Promise<unknown>;
}

const browserOpener: WindowOpener = {
  openWindow: (url) => browser.windows.create({ url, type: 'popup', ...WINDOW_SIZE }),
  openTab: (url) => browser.tabs.create({ url }),
};

/** The menu click: the add-name window (a tab where the browser has no windows: Android). */
export async function openAddName(click: MenuClick, root = browser.runtime.getURL('/'), opener = browserOpener): Promise<boolean> {
  const url = addNameUrl(root, click);
  if (!url) return false;
  try {
    await opener.openWindow(url);
  } catch {
    await opener.openTab(url);
  }
  return true;
}

function menuTitle(settings: Settings): string {
  // %s: the browser puts the selection there (cut to a few dozen characters).
  return t('addNameMenu', settings.lang, { name: '%s' });
}

async function createMenu(settings: Settings): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: ADD_NAME_MENU_ID, title: menuTitle(settings), contexts: ['selection'] });
}

/**
 * On every start (listeners synchronously): the item, in the reader's interface language, made
 * again (menus need not survive a restart everywhere) and renamed when the language changes.
 */
export function listenForNameMenu(): void {
  if (!browser.contextMenus) return;
  browser.contextMenus.onClicked.addListener((info) => {
    void openAddName(info).catch((e: unknown) => console.warn('khabar-lens: add-name page not opened', e));
  });
  // One remake at a time: two interleaved would create the same id twice.
  let queue = Promise.resolve();
  const make = (s: Settings) => {
    queue = queue.then(() => createMenu(s)).catch((e: unknown) => console.warn('khabar-lens: context menu not made', e));
  };
  void loadSettings().then(make, () => undefined);
  let lang: string | undefined;
  watchSettings((s) => {
    if (s.lang !== lang) make(s);
    lang = s.lang;
  });
}
