/**
 * "Save this page" (issue 13 item 1) in real Chromium with the built extension: a fixture article
 * laid out like an Arabic news site (og:site_name, article:published_time, JSON-LD) saved from the
 * popup → the popup says saved, with the headline and the names found; the side panel lists it,
 * tagged as the reader's; a name hovered on ANOTHER page, already open, shows it in its card at
 * once; saving it again says it is already in the library and adds nothing; a page without a date
 * is saved with its date marked as estimated; the saved page's DOM is unchanged; a page the
 * extension cannot read is refused in words; nothing leaves the machine. Also measures the
 * extension's own work per save (SaveResult.ms, BENCHMARKS.md "Save a typical article").
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_ELEMENT_NAME } from '../../lib/constants.ts';
import { escapeHtml, makePages, readArticles, type PageMap } from './fixtures/make-pages.ts';
import { Harness, waitFor } from './harness.ts';
import { axePage, highlightedCount, openCard } from './page-helpers.ts';

const TITLE = 'الجيش السوري يعلن السيطرة على البوكمال بعد معارك عنيفة';
const UNDATED_TITLE = 'نازحون من الميادين يعودون إلى بيوتهم المدمرة قرب دير الزور';
const PARAGRAPHS = [
  'أعلن الجيش السوري، اليوم الأحد، سيطرته الكاملة على مدينة البوكمال في ريف دير الزور الشرقي، بعد معارك عنيفة استمرت أياماً مع مقاتلي تنظيم الدولة.',
  'وقال مصدر عسكري إن وحدات الجيش تقدمت من محور المحطة الثانية، فيما تواصل القوات العراقية عملياتها في مدينة القائم المقابلة على الجانب الآخر من الحدود.',
  'وتعد البوكمال آخر مدينة كبيرة كان التنظيم يسيطر عليها في سوريا، وتقع على الضفة الغربية لنهر الفرات قرب الحدود العراقية.',
];
const UNDATED = [
  'عاد عشرات النازحين إلى مدينة الميادين في ريف دير الزور خلال الأيام الماضية، ليجدوا أحياءهم وقد تحولت إلى ركام بعد أشهر من المعارك.',
  'ويقول أحد العائدين إن الخدمات الأساسية ما زالت غائبة عن المدينة، وإن الأهالي يعتمدون على صهاريج المياه التي تصل من البوكمال مرة كل أسبوع.',
];

/** A news site's article page: menus, share bar, the article with JSON-LD and Open Graph, related links, a footer. */
function newsPage(title: string, paragraphs: string[], dated: boolean): string {
  const meta = dated
    ? `<meta property="og:site_name" content="عنب بلدي">
<meta property="og:type" content="article">
<meta property="og:title" content="${escapeHtml(title)}">
<meta property="article:published_time" content="2017-11-19T14:20:00+03:00">
<script type="application/ld+json">${JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: title,
        datePublished: '2017-11-19T14:20:00+03:00',
        author: { '@type': 'Person', name: 'مراسل عنب بلدي' },
        publisher: { '@type': 'Organization', name: 'عنب بلدي' },
      })}</script>`
    : `<meta property="og:title" content="${escapeHtml(title)}">`;
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${escapeHtml(title)} | عنب بلدي</title>
${meta}
<style>body{font:19px/1.8 serif;margin:0}header,footer{background:#123;color:#fff;padding:1rem}main{max-width:760px;margin:1rem auto}.share a{margin-inline-end:1rem}</style>
</head><body>
<header><a href="/">عنب بلدي</a><nav><ul><li><a href="/news">أخبار</a></li><li><a href="/reports">تقارير</a></li><li><a href="/economy">اقتصاد</a></li></ul></nav></header>
<main><article>
<h1>${escapeHtml(title)}</h1>
<div class="share"><a href="#">فيسبوك</a><a href="#">تويتر</a><a href="#">واتساب</a></div>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article>
<aside class="related"><h2>اقرأ أيضاً</h2><ul><li><a href="/1">أخبار أخرى عن الحدود</a></li><li><a href="/2">تقرير عن النازحين</a></li></ul></aside>
</main>
<footer>© عنب بلدي. جميع الحقوق محفوظة.</footer>
</body></html>`;
}

function withSavePages(pages: PageMap): PageMap {
  pages.set('/save/dated.html', { type: 'text/html; charset=utf-8', body: newsPage(TITLE, PARAGRAPHS, true) });
  pages.set('/save/undated.html', { type: 'text/html; charset=utf-8', body: newsPage(UNDATED_TITLE, UNDATED, false) });
  return pages;
}

let h: Harness;
beforeAll(async () => {
  h = await Harness.launch({ pages: withSavePages(makePages()) });
  await h.waitForReady();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

async function popupFor(page: Page): Promise<Page> {
  const popup = await h.context.newPage();
  await popup.goto(`${h.extensionOrigin}/popup.html?tab=${await h.tabId(page)}`);
  await popup.waitForSelector('[data-testid="save-page"]');
  return popup;
}

/** Press the popup's save button with the keyboard, as a reader may, and wait for what it says. */
async function saveFrom(popup: Page, state: string): Promise<string> {
  await popup.bringToFront();
  await popup.focus('[data-testid="save-page"]');
  await popup.keyboard.press('Enter');
  return waitFor(
    () =>
      popup.evaluate((wanted) => {
        const status = document.querySelector('[data-testid="save-status"]');
        const s = status?.getAttribute('data-state');
        if (s === 'failed' && wanted !== 'failed') throw new Error(`save failed: ${status?.textContent}`);
        return s === wanted ? (status?.textContent ?? '') : undefined;
      }, state),
    { what: `the popup to say ${state}` },
  );
}

const outerHtml = (page: Page) => page.evaluate(() => document.documentElement.outerHTML);

function firstCardArticle(page: Page): Promise<string> {
  return page.evaluate((host) => document.querySelector(host)!.shadowRoot!.querySelector('.khabar-card .kc-article')?.textContent ?? '', HOST_ELEMENT_NAME);
}

async function ownRows(side: Page, title: string): Promise<{ count: number; own: boolean; estimated: boolean }> {
  return side.evaluate((t) => {
    const rows = [...document.querySelectorAll('.source')].filter((r) => r.querySelector('h3')?.textContent === t);
    return { count: rows.length, own: rows.some((r) => r.querySelector('[data-testid="own-tag"]')), estimated: rows.some((r) => r.querySelector('.estimated')) };
  }, title);
}

describe('save this page', () => {
  it('from the popup: saved, listed as the reader\'s, in another page\'s card at once, and never twice', { timeout: 120_000 }, async () => {
    const page = await h.open('/save/dated.html');
    await waitFor(() => highlightedCount(page, 'البوكمال').then((n) => n > 0 || undefined), { what: 'the page scanned' });
    // Another page, open before the save, whose card will show it.
    const other = await h.open(`/article/${encodeURIComponent(readArticles()[0]!.meta.id)}.html`);
    await waitFor(() => highlightedCount(other, 'البوكمال').then((n) => n > 0 || undefined), { what: 'the other page scanned' });

    const before = await outerHtml(page);
    const popup = await popupFor(page);
    const clicked = Date.now();
    const said = await saveFrom(popup, 'saved');
    const savedAfter = Date.now() - clicked;
    const work = await popup.getAttribute('[data-testid="save-status"]', 'data-ms');

    // At once, hovering a name on the other page: the card lists the saved article first, marked as the reader's.
    const hovered = Date.now();
    await openCard(other, 'البوكمال', 'البوكمال');
    const first = await firstCardArticle(other);
    const cardAfter = Date.now() - hovered;
    expect(first).toContain(TITLE);
    expect(first).toContain('من مكتبتك');
    console.log(`[save-page] first save (cold worker caches): extension work ${work} ms; click → "saved" in the popup: ${savedAfter} ms; hover → card with the saved article: ${cardAfter} ms (Playwright's round trips included)`);
    // The 1 s target is measured and reported (BENCHMARKS.md); here only a bound no working build misses.
    expect(savedAfter + cardAfter).toBeLessThan(5000);

    expect(said).toContain('حُفظت ✓');
    expect(said).toContain(TITLE);
    expect(said).toMatch(/عُثر فيها على (\d+ )?(اسم|اسمين|أسماء|اسماً)/);
    expect(said).not.toContain('تقديري');
    expect(await outerHtml(page)).toBe(before);
    expect(await axePage(popup)).toEqual([]);

    // The side panel lists it, marked as the reader's own.
    const side = await h.context.newPage();
    await side.goto(`${h.extensionOrigin}/sidepanel.html?tab=${await h.tabId(page)}`);
    await waitFor(() => ownRows(side, TITLE).then((r) => (r.count === 1 ? r : undefined)), { what: 'the saved article in the side panel' });
    expect(await ownRows(side, TITLE)).toEqual({ count: 1, own: true, estimated: false });

    // Again: already in the library, nothing added.
    const again = await saveFrom(await popupFor(page), 'duplicate');
    expect(again).toContain('موجودة في مكتبتك من قبل');
    await side.bringToFront();
    await new Promise((r) => setTimeout(r, 300));
    expect((await ownRows(side, TITLE)).count).toBe(1);
    expect(await outerHtml(page)).toBe(before);
    expect(h.pageErrors).toEqual([]);
  });

  it('a page without a date is saved with the date marked as estimated; the side panel\'s button saves too', { timeout: 120_000 }, async () => {
    const page = await h.open('/save/undated.html');
    await waitFor(() => highlightedCount(page, 'الميادين').then((n) => n > 0 || undefined), { what: 'the page scanned' });
    const side = await h.context.newPage();
    await side.goto(`${h.extensionOrigin}/sidepanel.html?tab=${await h.tabId(page)}`);
    await side.waitForSelector('[data-testid="save-page"]');
    const said = await saveFrom(side, 'saved');
    expect(said).toContain(UNDATED_TITLE);
    expect(said).toContain('التاريخ تقديري');
    await waitFor(() => ownRows(side, UNDATED_TITLE).then((r) => (r.count === 1 ? r : undefined)), { what: 'the undated article in the list' });
    expect(await ownRows(side, UNDATED_TITLE)).toEqual({ count: 1, own: true, estimated: true });
  });

  it('a page the extension does not run on is refused in words', { timeout: 60_000 }, async () => {
    const blank = await h.context.newPage();
    await blank.goto('about:blank');
    const popup = await popupFor(blank);
    expect(await saveFrom(popup, 'failed')).toContain('لا يمكن حفظ هذه الصفحة');
  });

  it('the extension\'s work per save, as the background measures it (BENCHMARKS.md)', { timeout: 180_000 }, async () => {
    const totals: number[] = [];
    const parts: string[] = [];
    for (const a of readArticles()) {
      const page = await h.open(`/article/${encodeURIComponent(a.meta.id)}.html`);
      await waitFor(() => highlightedCount(page, 'البوكمال').then(() => true));
      const result = await h.send({ type: 'savePage', tabId: await h.tabId(page) });
      expect(result.status, JSON.stringify(result)).toBe('added');
      if (result.status === 'failed') continue;
      totals.push(result.ms.total);
      parts.push(Object.entries(result.ms).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
      await page.close();
    }
    console.log(`[save-page] extension work per save (ms):\n  ${parts.join('\n  ')}`);
    const sorted = [...totals].sort((x, y) => x - y);
    console.log(`[save-page] median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`);
    expect(h.foreignRequests()).toEqual([]);
  });
});
