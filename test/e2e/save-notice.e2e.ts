/**
 * "Save this page" from the page's context menu (issue 13), in real Chromium with the built
 * extension: the menu's click is dispatched to the background as Chrome dispatches it
 * (contextMenus.onClicked, the item's id and the tab), and the page shows the outcome in the
 * extension's own shadow root — Arabic, RTL, role=status, the headline and the names found; again:
 * already in your library; a page without an article: why, in words — without taking the focus,
 * without changing the page's DOM outside the extension's host, without highlighting the notice's
 * own words; it goes by itself, and its button opens the library. English when the interface is.
 */
import type { Page } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_ELEMENT_NAME, SAVE_NOTICE_MS } from '../../lib/constants.ts';
import { makePages, readArticles } from './fixtures/make-pages.ts';
import { Harness, waitFor } from './harness.ts';
import { highlightedCount } from './page-helpers.ts';

/** The extension API inside the browser (code passed to worker.evaluate runs there). */
declare const chrome: typeof Browser;

const NOTICE = `${HOST_ELEMENT_NAME} .khabar-notice`;

let h: Harness;
beforeAll(async () => {
  h = await Harness.launch({ pages: makePages() });
  await h.waitForReady();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

/** The menu's click, as Chrome hands it to the background's onClicked listener. */
async function clickSaveInMenu(page: Page): Promise<void> {
  const tabId = await h.tabId(page);
  const sw = await h.serviceWorker();
  await sw.evaluate(
    ({ tabId, url }) => {
      const onClicked = chrome.contextMenus.onClicked as unknown as { dispatch(info: object, tab: object): void };
      onClicked.dispatch({ menuItemId: 'khabar-save-page', editable: false, pageUrl: url }, { id: tabId, url, active: true, index: 0, windowId: 1 });
    },
    { tabId, url: page.url() },
  );
}

/** The notice's text, attributes and where the focus is, once it says what `wanted` matches. */
function noticeSaying(page: Page, wanted: RegExp): Promise<{ text: string; role: string; dir: string; lang: string; outcome: string }> {
  return waitFor(
    () =>
      page.evaluate(
        ({ host, wanted }) => {
          for (const el of document.querySelectorAll(host)) {
            const n = el.shadowRoot?.querySelector('.khabar-notice');
            const text = n?.querySelector('.kn-text')?.textContent ?? '';
            if (n && new RegExp(wanted).test(text)) {
              return { text, role: n.getAttribute('role') ?? '', dir: n.getAttribute('dir') ?? '', lang: n.getAttribute('lang') ?? '', outcome: n.getAttribute('data-outcome') ?? '' };
            }
          }
          return undefined;
        },
        { host: HOST_ELEMENT_NAME, wanted: wanted.source },
      ),
    { what: `a notice saying ${wanted}`, timeout: 30_000 },
  );
}

/** The page's DOM without the extension's hosts: what the notice must leave as it was. */
const pageDom = (page: Page) =>
  page.evaluate((host) => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    for (const el of copy.querySelectorAll(host)) el.remove();
    return copy.outerHTML;
  }, HOST_ELEMENT_NAME);

const activeElement = (page: Page) => page.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.textContent?.slice(0, 40)}`);

/** Highlighted ranges inside the extension's hosts (the notice's headline must have none). */
const highlightsInHosts = (page: Page) =>
  page.evaluate((host) => {
    let n = 0;
    for (const [, highlight] of CSS.highlights) {
      for (const range of highlight as unknown as Iterable<Range>) {
        const root = range.startContainer.getRootNode() as ShadowRoot;
        if (root.host?.tagName.toLowerCase() === host) n++;
      }
    }
    return n;
  }, HOST_ELEMENT_NAME);

describe('save from the context menu: a notice in the page', () => {
  it('saved: the headline and the names, in Arabic; then already in the library; the page untouched, the focus kept', { timeout: 120_000 }, async () => {
    const article = readArticles()[1]!;
    const page = await h.open(`/article/${encodeURIComponent(article.meta.id)}.html`);
    await waitFor(() => highlightedCount(page, 'البوكمال').then((n) => n > 0 || undefined), { what: 'the page scanned' });
    // The reader's focus is on a link of the page.
    await page.evaluate(() => document.querySelector<HTMLElement>('a[href]')?.focus());
    const focus = await activeElement(page);
    const dom = await pageDom(page);

    await clickSaveInMenu(page);
    const saved = await noticeSaying(page, /حُفظت ✓/);
    expect(saved).toMatchObject({ role: 'status', dir: 'rtl', lang: 'ar', outcome: 'saved' });
    expect(saved.text).toContain(article.meta.headline);
    expect(saved.text).toMatch(/عُثر فيها على (\d+ )?(اسم|اسمين|أسماء|اسماً)/);
    expect(await activeElement(page)).toBe(focus);
    expect(await pageDom(page)).toBe(dom);
    // The notice's headline names places: the scanner leaves the extension's host alone.
    await new Promise((r) => setTimeout(r, 500));
    expect(await highlightsInHosts(page)).toBe(0);
    expect(await h.badgeText(page)).toBe('✓');

    await clickSaveInMenu(page);
    const again = await noticeSaying(page, /موجودة في مكتبتك من قبل/);
    expect(again).toMatchObject({ role: 'status', outcome: 'duplicate' });
    expect(again.text).toContain(article.meta.headline);
    // One notice at a time: the new outcome took the old one's place.
    expect(await page.locator(NOTICE).count()).toBe(1);
    expect(await pageDom(page)).toBe(dom);
    expect(h.pageErrors).toEqual([]);
  });

  it('goes by itself, leaving no node behind; held while the pointer is on it', { timeout: 60_000 }, async () => {
    const page = await h.open(`/article/${encodeURIComponent(readArticles()[2]!.meta.id)}.html`);
    await page.mouse.move(5, 600);
    const dom = await pageDom(page);
    await clickSaveInMenu(page);
    await noticeSaying(page, /حُفظت ✓/);
    // The notice's own host (the card's, if the page made one, is another).
    const noticeHost = await page.evaluateHandle((host) => [...document.querySelectorAll(host)].find((el) => el.shadowRoot?.querySelector('.khabar-notice'))!, HOST_ELEMENT_NAME);
    // The pointer on it holds it past its time…
    await page.locator(NOTICE).hover();
    await new Promise((r) => setTimeout(r, SAVE_NOTICE_MS + 500));
    expect(await page.locator(NOTICE).count()).toBe(1);
    // …and once it leaves, the notice goes, and its host with it.
    await page.mouse.move(5, 600);
    await waitFor(async () => ((await page.locator(NOTICE).count()) === 0 ? true : undefined), { what: 'the notice gone', timeout: 10_000 });
    expect(await noticeHost.evaluate((el) => el.isConnected)).toBe(false);
    expect(await pageDom(page)).toBe(dom);
  });

  it('its button opens the library; a page without an article says why; English when the interface is English', { timeout: 90_000 }, async () => {
    const home = await h.open('/');
    await clickSaveInMenu(home);
    const failed = await noticeSaying(home, /لم يُعثر على مقال/);
    expect(failed.outcome).toBe('failed');
    const [library] = await Promise.all([h.context.waitForEvent('page'), home.locator(`${NOTICE} .kn-open`).click()]);
    await library.waitForLoadState();
    expect(library.url()).toBe(`${h.extensionOrigin}/library.html`);

    const sw = await h.serviceWorker();
    await sw.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), lang: 'en' } });
    });
    const page = await h.open(`/article/${encodeURIComponent(readArticles()[1]!.meta.id)}.html`);
    await clickSaveInMenu(page);
    const english = await noticeSaying(page, /^Already in your library/);
    expect(english).toMatchObject({ dir: 'ltr', lang: 'en', outcome: 'duplicate' });
  });
});
