/**
 * Issue 13's three reader flows in real Firefox ESR (test/e2e-firefox/harness.ts), one launch:
 * 1. save a news article from the popup (popup.html?tab=ID opened as a moz-extension:// page):
 *    "saved", the page's DOM unchanged, another open page's card lists it as the reader's, and
 *    saving again says it is already in the library;
 * 2. the library page: the import fixture folder chosen on its file input → a result per file
 *    naming the bad line and the broken files, the good articles listed;
 * 3. add a name as the selection menu does (add-name.html#name=…), save → a tab open before,
 *    not reloaded, highlights the word.
 * The Chromium versions, with more detail: test/e2e/save-page.e2e.ts, library-import.e2e.ts,
 * add-name.e2e.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMatcher } from '../../core/match/automaton.ts';
import { detect } from '../../core/match/detect.ts';
import type { Bundle } from '../../core/types.ts';
import { HOST_ELEMENT_NAME } from '../../lib/constants.ts';
import { ADD_NAME_MENU_ID, addNameUrl } from '../../entrypoints/background/name-menu.ts';
import { escapeHtml, makePages, readArticles, ROOT, type PageMap } from '../e2e/fixtures/make-pages.ts';
import { waitFor } from '../e2e/harness.ts';
import { highlightedCount, openCard } from './card-helpers.ts';
import { FIREFOX_EXTENSION_DIR, FirefoxHarness } from './harness.ts';

const SAVE_TITLE = 'الجيش السوري يعلن السيطرة على البوكمال بعد معارك عنيفة';
/** A village no gazetteer has (checked against the built matcher below). */
const WORD = 'الزنبقية';
const KNOWN = 'البوكمال';
const IMPORT_DIR = join(ROOT, 'test', 'fixtures', 'import');
const IMPORT_FILES = readdirSync(IMPORT_DIR).filter((f) => !f.endsWith('.ts')).sort().map((f) => join(IMPORT_DIR, f));
const OTHER_ARTICLE = `/article/${encodeURIComponent(readArticles()[0]!.meta.id)}.html`;

function htmlPage(title: string, head: string, paragraphs: string[]): { type: string; body: string } {
  return {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${head}</head>
<body style="font: 20px/1.8 serif; max-width: 800px; margin: 2rem auto"><main><article><h1>${escapeHtml(title)}</h1>
${paragraphs.map((p, i) => `<p id="p${i}">${escapeHtml(p)}</p>`).join('\n')}</article></main></body></html>`,
  };
}

function pages(): PageMap {
  const map = makePages();
  // A dated news article, as the save flow reads one (Open Graph and article:published_time).
  map.set('/save/dated.html', htmlPage(SAVE_TITLE, `<meta property="og:site_name" content="عنب بلدي">
<meta property="og:title" content="${escapeHtml(SAVE_TITLE)}"><meta property="article:published_time" content="2017-11-19T14:20:00+03:00">`, [
    'أعلن الجيش السوري، اليوم الأحد، سيطرته الكاملة على مدينة البوكمال في ريف دير الزور الشرقي، بعد معارك عنيفة استمرت أياماً.',
    'وتعد البوكمال آخر مدينة كبيرة كان التنظيم يسيطر عليها في سوريا، وتقع على الضفة الغربية لنهر الفرات قرب الحدود العراقية.',
  ]));
  map.set('/names/a.html', htmlPage('خبر أول', '', [`وصلت القوات إلى قرية ${WORD} قرب ${KNOWN} صباح اليوم بعد معارك عنيفة.`]));
  map.set('/names/b.html', htmlPage('خبر ثان', '', [`قال سكان من ${WORD} إن الطريق إلى ${KNOWN} مقطوع منذ يومين.`]));
  return map;
}

let h: FirefoxHarness;

beforeAll(async () => {
  // The word must be new to the bundle the extension was built with, or flow 3 proves nothing.
  const bundle = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'data', 'bundle.json'), 'utf8')) as Bundle;
  const found = detect(loadMatcher(bundle.matcher), `قرية ${WORD} قرب ${KNOWN}`).map((m) => m.text);
  expect(found).not.toContain(WORD);
  expect(found).toContain(KNOWN);
  h = await FirefoxHarness.launch({ pages: pages() });
  await h.waitForReady();
});

afterAll(async () => {
  await h?.close();
});

/** Open a fixture page and wait until `name` on it is highlighted. */
async function openScanned(path: string, name = KNOWN): Promise<Page> {
  const page = await h.open(path);
  await waitFor(async () => ((await highlightedCount(page, name)) > 0 ? true : undefined), { what: `${path} scanned`, timeout: 30_000 });
  return page;
}

/** The popup for `page`'s tab, opened as a tab (a test cannot click the toolbar button). */
async function popupFor(page: Page): Promise<Page> {
  const popup = await h.openExtensionPage(`popup.html?tab=${await h.tabId(page)}`);
  await popup.waitForSelector('[data-testid="save-page"]');
  return popup;
}

/** Press the popup's save button and wait until it says `state`; what it says. */
async function saveFrom(popup: Page, state: string): Promise<string> {
  await popup.bringToFront();
  await popup.click('[data-testid="save-page"]');
  return waitFor(
    () =>
      popup.evaluate((wanted) => {
        const status = document.querySelector('[data-testid="save-status"]');
        const s = status?.getAttribute('data-state');
        if (s === 'failed' && wanted !== 'failed') throw new Error(`save failed: ${status?.textContent}`);
        return s === wanted ? (status?.textContent ?? '') : undefined;
      }, state),
    { what: `the popup to say ${state}`, timeout: 30_000 },
  );
}

/**
 * The page's own DOM: without the card's host, the one node the extension adds by design (mounted
 * by the card's prewarm in idle time, which a background Firefox tab may run only after the save).
 */
const outerHtml = (page: Page) =>
  page.evaluate((host) => {
    const copy = document.documentElement.cloneNode(true) as Element;
    for (const el of copy.querySelectorAll(host)) el.remove();
    return copy.outerHTML;
  }, HOST_ELEMENT_NAME);

describe('Firefox: save this page (issue 13 item 1)', () => {
  it('saved from the popup, the page untouched, in another open page’s card as the reader’s, never twice', async () => {
    const page = await openScanned('/save/dated.html');
    const other = await openScanned(OTHER_ARTICLE);
    const before = await outerHtml(page);

    const popup = await popupFor(page);
    const said = await saveFrom(popup, 'saved');
    expect(said).toContain('حُفظت ✓');
    expect(said).toContain(SAVE_TITLE);
    expect(await outerHtml(page)).toBe(before);

    await other.bringToFront();
    const card = await openCard(other, KNOWN, KNOWN, (c) => c.articles.some((a) => a.includes(SAVE_TITLE)));
    expect(card.articles[0]).toContain(SAVE_TITLE);
    expect(card.articles[0]).toContain('من مكتبتك');
    await other.keyboard.press('Escape');

    const again = await saveFrom(await popupFor(page), 'duplicate');
    expect(again).toContain('موجودة في مكتبتك من قبل');
    expect(await outerHtml(page)).toBe(before);
    for (const p of [popup, page, other]) await p.close();
  });
});

describe('Firefox: the library page imports a folder (issue 13 item 2)', () => {
  it('a result per file names the bad line and the broken files; the good articles are listed', async () => {
    const library = await h.openExtensionPage('library.html');
    const input = (await library.waitForSelector('[data-testid=import-files]')) as ElementHandle<HTMLInputElement>;
    // BiDi's input.setFiles takes paths on disk: the fixture folder's files as they are.
    await input.uploadFile(...IMPORT_FILES);
    await library.waitForSelector('[data-testid=import-report][data-phase=done]', { timeout: 60_000 });
    const results = await library.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('.file-result')].map((li) => [li.getAttribute('data-file') ?? '', { text: li.textContent ?? '', error: li.getAttribute('data-kind') === 'error' }]),
      ),
    );
    expect(Object.keys(results).sort()).toEqual(IMPORT_FILES.map((f) => f.split('/').at(-1)).sort());
    expect(results['al-mayadin.txt']!.text).toContain('أُضيف: 1');
    expect(results['archive.jsonl']!.text).toContain('أُضيف: 2');
    expect(results['archive.jsonl']!.text).toMatch(/السطر 2: ليس JSON صالحًا/);
    expect(results['bundle.zip']!.text).toContain('أُضيف: 2');
    expect(results['bundle.zip']!.text).toContain('bundle.zip/bundle/broken.txt');
    expect(results['corrupt.zip']!.error).toBe(true);
    expect(results['deir-page.html']!.text).toContain('أُضيف: 1');
    expect(results['husaybah-report.md']!.text).toContain('أُضيف: 1');

    // The 7 imported articles, plus the one saved in flow 1.
    const rows = await waitFor(async () => {
      const r = await library.evaluate(() => [...document.querySelectorAll('[data-testid=library-rows] > li')].map((li) => li.textContent ?? ''));
      return r.length === 8 ? r : undefined;
    }, { what: 'the library rows' });
    expect(rows.some((r) => r.includes('القوات الحكومية تتقدم نحو الميادين') && r.includes('مستوردة'))).toBe(true);
    expect(rows.some((r) => r.includes(SAVE_TITLE))).toBe(true);
    await library.close();
  });
});

describe('Firefox: add a name from the selection menu (issue 13 item 3)', () => {
  it('saving the form: a tab open before, not reloaded, highlights the word', async () => {
    const tabA = await openScanned('/names/a.html');
    const tabB = await openScanned('/names/b.html');
    for (const p of [tabA, tabB]) {
      expect(await highlightedCount(p, WORD)).toBe(0);
      await p.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
    }
    // The URL the menu's handler opens (name-menu.ts), with the selection as Firefox hands it.
    const url = addNameUrl(`${h.extensionOrigin}/`, { menuItemId: ADD_NAME_MENU_ID, selectionText: ` ${WORD}\n` });
    expect(url).not.toBeNull();
    const form = await h.openExtensionPage(url!.slice(h.extensionOrigin.length + 1));
    const name = await form.waitForSelector('.name-form input[data-field="name"]');
    await waitFor(async () => ((await name!.evaluate((i) => (i as HTMLInputElement).value)) === WORD ? true : undefined), { what: 'the name filled in' });
    const kind = await form.$('.name-form select');
    if (kind) await kind.select('village');
    await form.click('.name-form button[type="submit"]');
    await waitFor(
      () => form.evaluate(() => document.querySelector('[data-testid="name-status"]')?.textContent || undefined),
      { what: 'the form to say saved', timeout: 30_000 },
    ).then((s) => expect(s).toContain(`حُفظ «${WORD}»`));

    for (const p of [tabB, tabA]) {
      await waitFor(async () => ((await highlightedCount(p, WORD)) > 0 ? true : undefined), { what: `${WORD} highlighted on ${p.url()}`, timeout: 30_000 });
      expect(await p.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded === true)).toBe(true);
      expect(await highlightedCount(p, KNOWN)).toBeGreaterThan(0);
    }
    await tabB.bringToFront();
    const card = await openCard(tabB, WORD, WORD);
    expect(card.name).toBe(WORD);
    await form.close();
  });

  it('made no request outside the machine, and no extension page threw', () => {
    expect(h.foreignRequests()).toEqual([]);
    expect(h.leakedRequests).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
