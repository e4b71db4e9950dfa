/**
 * The tab the popup or side panel is about, and the names found on it, kept current.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageNames } from '../lib/messages.ts';
import { describeTab, isOwnPage, namesOnTab, ownTabId, targetTab, watchTabNames, type TabInfo } from '../lib/tabs.ts';

export interface TabState {
  /** False until the first answer. */
  loaded: boolean;
  tab: TabInfo | null;
}

/**
 * The target tab (lib/tabs.ts `targetTab`). With `follow`, it follows the reader: the tab activated
 * in this page's window (the side panel's window), or, when this page is itself open as a tab (the
 * tests do that), in any window; and the followed tab's navigations and title changes.
 */
export function useTargetTab(follow: boolean): TabState {
  const [state, setState] = useState<TabState>({ loaded: false, tab: null });
  useEffect(() => {
    let current = true;
    let followed: number | null = null;
    const set = (tab: TabInfo | null) => {
      if (!current) return;
      followed = tab?.id ?? null;
      setState({ loaded: true, tab });
    };
    targetTab().then(set, () => set(null));

    // Activations in this window only, unless this page is a tab itself (then: in any window,
    // except of this page's own tab).
    const where: Promise<{ ownTab: number | null; ownWindow: number | null }> = (async () => {
      const ownTab = await ownTabId();
      if (ownTab !== null) return { ownTab, ownWindow: null };
      const w = await browser.windows.getCurrent().catch(() => undefined);
      return { ownTab: null, ownWindow: w?.id ?? null };
    })();

    let asked = 0;
    const show = async (raw: Parameters<typeof describeTab>[0]) => {
      const n = ++asked;
      const info = await describeTab(raw);
      if (n === asked) set(info);
    };
    const onActivated = async (info: { tabId: number; windowId: number }) => {
      if (!follow) return;
      const { ownTab, ownWindow } = await where;
      if (info.tabId === ownTab || (ownWindow !== null && info.windowId !== ownWindow)) return;
      const tab = await browser.tabs.get(info.tabId).catch(() => undefined);
      if (!tab || isOwnPage(tab.url)) return;
      await show(tab);
    };
    const onUpdated = (tabId: number, change: { url?: string; title?: string; status?: string }, tab: unknown) => {
      if (tabId !== followed) return;
      if (change.url === undefined && change.title === undefined && change.status !== 'complete') return;
      void show(tab as Parameters<typeof describeTab>[0]);
    };
    const onRemoved = (tabId: number) => {
      if (tabId === followed) set(null);
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    return () => {
      current = false;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
    };
  }, [follow]);
  return state;
}

export interface NamesState {
  loaded: boolean;
  names: PageNames;
}

/** The names the tab's content scripts reported, updated as they report again. */
export function useTabNames(tabId: number | null, url: string | undefined): NamesState {
  const [state, setState] = useState<NamesState>({ loaded: false, names: {} });
  useEffect(() => {
    if (tabId === null) {
      setState({ loaded: true, names: {} });
      return;
    }
    let current = true;
    let asked = 0;
    const refresh = () => {
      const n = ++asked;
      namesOnTab(tabId).then((names) => current && n === asked && setState({ loaded: true, names }));
    };
    setState({ loaded: false, names: {} });
    refresh();
    const stop = watchTabNames(refresh);
    return () => {
      current = false;
      stop();
    };
  }, [tabId, url]);
  return state;
}
