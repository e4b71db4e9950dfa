/**
 * The popup's and side panel's view of the reader's tabs: which tab they are about, the names its
 * content scripts reported, and the messages that reach its content script.
 *
 * Which tab: the active tab of the window the page belongs to. A `?tab=ID` query parameter names
 * one instead; that is how the end-to-end tests open popup.html and sidepanel.html as ordinary
 * tabs about a fixture page. The side panel never follows one of the extension's own pages.
 */
import { browser } from 'wxt/browser';
import { sendRequest, type PageNames } from './messages.ts';
import { asTabMessage, sendToTab, type TabMessageOf } from './messages/tab-messages.ts';

export interface TabInfo {
  id: number;
  windowId: number;
  url: string;
  title: string;
  /** The host name for http(s) pages, where the extension runs; null elsewhere. */
  host: string | null;
}

/**
 * What the popup and side panel send to a tab's content script (top frame), and what it answers:
 * `reveal`, `pageInfo` and `pageText`, declared in lib/messages/tab-messages.ts.
 */
export type TabMessage = TabMessageOf<'reveal' | 'pageInfo' | 'pageText'>;

/**
 * pageText (the reader's "export annotations", issue 14): the page's text as annotations count it
 * (every Text node under <body> in tree order: `document.body.textContent`) and each name found in
 * it as [start, end) in UTF-16 units. Only on the reader's click, only to the extension's own page.
 */
export interface PageText {
  url: string;
  title: string;
  text: string;
  mentions: { start: number; end: number; entityId: string }[];
}

/** What `pageInfo` answers: the page's address and title. */
export interface PageInfo {
  url: string;
  title: string;
}

export function isTabMessage(message: unknown): message is TabMessage {
  return asTabMessage(message, 'reveal', 'pageInfo', 'pageText') !== undefined;
}

/** The host of a page the extension works on (http and https only). */
export function pageHost(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

type RawTab = { id?: number; windowId?: number; url?: string; title?: string };

/** A tab showing one of this extension's own pages (the popup or side panel opened as a tab). */
export function isOwnPage(url: string | undefined): boolean {
  return !!url && url.startsWith(browser.runtime.getURL('/'));
}

/** The tab's address and title: from the tab when the browser gives them, else its content script. */
export async function describeTab(tab: RawTab | undefined): Promise<TabInfo | null> {
  if (!tab || typeof tab.id !== 'number' || tab.id < 0) return null;
  let url = tab.url ?? '';
  let title = tab.title ?? '';
  if (!url) {
    try {
      const info = await sendToTab(tab.id, { type: 'pageInfo' });
      if (info && typeof info.url === 'string') {
        url = info.url;
        title = typeof info.title === 'string' ? info.title : '';
      }
    } catch {
      // No content script there: a browser page, a page not yet loaded, or a site the extension skips.
    }
  }
  return { id: tab.id, windowId: tab.windowId ?? -1, url, title: title || url, host: pageHost(url) };
}

/** The tab named by `?tab=ID` in this page's address, if any. */
export function requestedTabId(search = globalThis.location?.search ?? ''): number | null {
  const params = new URLSearchParams(search);
  const id = Number(params.get('tab'));
  return params.has('tab') && Number.isInteger(id) && id >= 0 ? id : null;
}

/** This page's own tab id, when it is open as a tab (not as a popup or side panel). */
export async function ownTabId(): Promise<number | null> {
  const self = await browser.tabs.getCurrent().catch(() => undefined);
  return self?.id ?? null;
}

/** The tab this page is about: `?tab=ID`, else the active tab of the current window. */
export async function targetTab(): Promise<TabInfo | null> {
  const requested = requestedTabId();
  if (requested !== null) return describeTab(await browser.tabs.get(requested).catch(() => undefined));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab || isOwnPage(tab.url) || tab.id === (await ownTabId())) return null;
  return describeTab(tab);
}

/** The names the tab's frames reported (entity id → mentions); empty when it reported none. */
export async function namesOnTab(tabId: number): Promise<PageNames> {
  try {
    return await sendRequest({ type: 'getTabNames', tabId });
  } catch {
    return {};
  }
}

/**
 * Calls `listener` when the names reported for any tab may have changed. The background keeps
 * reports in storage.session (entrypoints/background/tab-names.ts), which extension pages may watch.
 */
export function watchTabNames(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && Object.keys(changes).some((k) => k.startsWith('names:'))) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

/** Ask the tab's content script to scroll to the first mention of an entity and flash it. */
export async function revealInTab(tabId: number, entityId: string): Promise<boolean> {
  try {
    return (await sendToTab(tabId, { type: 'reveal', entityId }))?.ok === true;
  } catch {
    return false;
  }
}

/** The tab's text and names for an annotation export; null when its content script does not answer. */
export async function pageTextOfTab(tabId: number): Promise<PageText | null> {
  try {
    const answer = await sendToTab(tabId, { type: 'pageText' });
    return answer && typeof answer.text === 'string' && Array.isArray(answer.mentions) ? answer : null;
  } catch {
    return null;
  }
}

export async function setSiteEnabled(host: string, enabled: boolean): Promise<boolean> {
  return (await sendRequest({ type: 'setSiteEnabled', host, enabled })).enabled;
}

interface SidePanelApis {
  sidePanel?: { open(options: { windowId?: number; tabId?: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/** Whether this browser has a side panel (Chrome) or sidebar (Firefox) the popup can open. */
export function canOpenSidePanel(): boolean {
  const b = browser as unknown as SidePanelApis;
  return typeof b.sidePanel?.open === 'function' || typeof b.sidebarAction?.open === 'function';
}

/**
 * Open the side panel (Chrome) or sidebar (Firefox). Must run in a user gesture's handler, and
 * calls the browser before awaiting anything, so the gesture is not lost on the way.
 */
export function openSidePanel(tab: Pick<TabInfo, 'id' | 'windowId'> | null): Promise<void> {
  const b = browser as unknown as SidePanelApis;
  if (b.sidebarAction?.open) return b.sidebarAction.open();
  if (b.sidePanel?.open) {
    if (tab && tab.windowId >= 0) return b.sidePanel.open({ windowId: tab.windowId });
    if (tab) return b.sidePanel.open({ tabId: tab.id });
    return browser.windows.getCurrent().then((w) => b.sidePanel!.open({ windowId: w.id! }));
  }
  return Promise.reject(new Error('no side panel in this browser'));
}
