/**
 * Issue 14 in real Chromium with the built extension: a place's card shows the locator map with
 * the place marked inside its country; the side panel's map of the page's places links its dots
 * and its list both ways (pointer and keyboard); the names exported as W3C Web Annotations
 * re-anchor on the page they came from (every quote is found again at its position in the page's
 * text as docs/ANNOTATIONS.md defines it), as do a source article's over its text; the gazetteer's
 * places export as valid GeoJSON. axe finds no violations; screenshots in Arabic and English go to
 * docs/screenshots/ with SCREENSHOTS=1.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../core/types.ts';
import { HOST_ELEMENT_NAME } from '../../lib/constants.ts';
import { collectionProblems, geoJsonProblems, reanchorProblem } from '../core/export-validators.ts';
import { makePages, ROOT } from './fixtures/make-pages.ts';
import { Harness, waitFor } from './harness.ts';

declare const chrome: { storage: { local: { set(v: unknown): Promise<void> } } };

// The committed screenshots are retaken with SCREENSHOTS=1; a plain run writes them to a temporary
// folder, so that running the tests leaves the working tree as it was.
const SHOTS = process.env['SCREENSHOTS'] ? join(ROOT, 'docs', 'screenshots') : mkdtempSync(join(tmpdir(), 'khabar-shots-'));
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** A page laid out like an Arabic news site: navigation, the article, a footer; an emoji among the text. */
const PAGE = {
  type: 'text/html; charset=utf-8',
  body: `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>معارك على الحدود السورية العراقية</title>
<style>body{font:18px/1.7 sans-serif;max-width:760px;margin:0 auto;padding:16px}nav a{margin-inline-end:12px}</style></head>
<body><header><nav><a href="#">الرئيسية</a><a href="#">أخبار</a><a href="#">تقارير</a></nav></header>
<main><article><h1>معارك على الحدود السورية العراقية</h1>
<p class="byline">بيروت — خاص 📰</p>
<p>تقدمت القوات السورية نحو مدينة البوكمال في ريف دير الزور الشرقي، فيما تواصل القوات العراقية عملياتها في قضاء القائم غرب الأنبار.</p>
<p>وقال مصدر عسكري في بغداد إن السيطرة على البوكمال تعني إغلاق آخر معابر تنظيم داعش بين البلدين، بعد خسارته الموصل والرقة.</p>
<p>وأضاف أن المعارك تتركز على ضفاف الفرات قرب الميادين.</p>
</article></main>
<footer><p>© 2017 جميع الحقوق محفوظة</p></footer></body></html>`,
};

let h: Harness;
let bundle: Bundle;
let page: Page;
let tabId: number;
/** card-ui.tsx's timing lines (console, verbose level), in order. */
const cardLines: string[] = [];

async function axe(p: Page): Promise<string[]> {
  const present = () => p.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!(await present())) {
    await p.addScriptTag({ content: AXE_SOURCE }).catch(() => undefined);
    if (!(await present())) await p.evaluate(AXE_SOURCE);
  }
  return p.evaluate(async () => {
    const a = (globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const r = await a.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}

async function setLang(lang: 'ar' | 'en'): Promise<void> {
  const worker = await h.serviceWorker();
  await worker.evaluate(
    (l) => chrome.storage.local.set({ settings: { lang: l, hiddenKinds: [], styles: { place: 'both', group: 'both', person: 'both', outlet: 'both' }, hoverDelayMs: 300 } }),
    lang,
  );
}

/** Hover the first highlighted mention whose text is `text` and wait for its card. */
async function openCard(text: string): Promise<void> {
  const box = await waitFor(
    () =>
      page.evaluate((wanted) => {
        const hl = CSS.highlights.get('khabar-place');
        for (const r of (hl ?? []) as Iterable<AbstractRange>) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (range.toString() !== wanted) continue;
          const rect = range.getClientRects()[0];
          if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
        return undefined;
      }, text),
    { what: `the highlighted ${text}` },
  );
  await page.mouse.move(5, 5);
  await page.mouse.move(box.x + 40, box.y + 30);
  await page.mouse.move(box.x, box.y, { steps: 5 });
}

interface CardMap {
  name: string | null;
  label: string | null;
  dot: { cx: number; cy: number } | null;
  /** The dot lies inside the outline marked as the place's country (the browser's own hit test). */
  dotInCountry: boolean;
  labels: { text: string; anchor: string | null; direction: string | null }[];
  none: string | null;
}

function cardMap(): Promise<CardMap | null> {
  return page.evaluate((hostName) => {
    const card = document.querySelector(hostName)?.shadowRoot?.querySelector('.khabar-card');
    if (!card) return null;
    const svg = card.querySelector('svg.kc-map');
    const dot = svg?.querySelector('.kc-map-place') as SVGCircleElement | null;
    const home = svg?.querySelector('.kc-map-home') as SVGPathElement | null;
    const at = dot ? { cx: dot.cx.baseVal.value, cy: dot.cy.baseVal.value } : null;
    return {
      name: card.querySelector('h2')?.textContent ?? null,
      label: svg?.getAttribute('aria-label') ?? null,
      dot: at,
      dotInCountry: !!(at && home?.isPointInFill(new DOMPoint(at.cx, at.cy))),
      labels: [...(svg?.querySelectorAll('text') ?? [])].map((t) => ({ text: t.textContent ?? '', anchor: t.getAttribute('text-anchor'), direction: t.getAttribute('direction') })),
      none: card.querySelector('.kc-map-none')?.textContent ?? null,
    };
  }, HOST_ELEMENT_NAME);
}

async function closeCard(): Promise<void> {
  await page.mouse.move(5, 5);
  await waitFor(async () => ((await cardMap()) === null ? true : undefined), { what: 'the card to close' });
}

/** The card with its map scrolled into view, and the text around it. */
async function cardScreenshot(file: string): Promise<void> {
  await page.evaluate((hostName) => {
    document.querySelector(hostName)?.shadowRoot?.querySelector('.kc-map')?.scrollIntoView({ block: 'nearest' });
  }, HOST_ELEMENT_NAME);
  const box = await page.locator('.khabar-card').boundingBox();
  const clip = box ? { x: Math.max(0, box.x - 40), y: Math.max(0, box.y - 60), width: box.width + 80, height: box.height + 90 } : undefined;
  await page.screenshot({ path: join(SHOTS, file), ...(clip ? { clip } : {}) });
}

beforeAll(async () => {
  const pages = makePages();
  pages.set('/map/border.html', PAGE);
  h = await Harness.launch({ pages });
  await h.waitForReady();
  bundle = (await (await h.serviceWorker()).evaluate(async () => (await fetch('/data/bundle.json')).json())) as Bundle;
  page = await h.context.newPage();
  page.on('console', (m) => {
    if (m.text().startsWith('[khabar] card')) cardLines.push(m.text());
  });
  await page.goto(h.url('/map/border.html'), { waitUntil: 'load' });
  tabId = await h.tabId(page);
  await waitFor(async () => ((await h.send({ type: 'getTabNames', tabId }))['place:albukamal'] ? true : undefined), { what: 'the page names', timeout: 30_000 });
});

afterAll(async () => {
  await setLang('ar').catch(() => undefined);
  await h?.close();
});

describe("a place's card: the locator map", () => {
  it('the bundle carries a small base map', () => {
    expect(bundle.baseMap?.countries.length).toBeGreaterThan(4);
    expect(JSON.stringify(bundle.baseMap).length).toBeLessThan(6_000);
  });

  it('shows البوكمال on the map, inside Syria, labelled right to left', async () => {
    await page.bringToFront();
    await openCard('البوكمال');
    const map = await waitFor(async () => {
      const m = await cardMap();
      return m?.name === 'البوكمال' && m.dot ? m : undefined;
    }, { what: 'the card with its map' });
    expect(map.label).toBe('البوكمال على الخريطة، ضمن محافظة دير الزور');
    // The first place card also waits for the base map (one more message): how long from the
    // dwell's end to the painted card (card-ui.tsx's timing line), reported, not asserted (the
    // machine is shared; the 25 ms target is measured by npm run bench).
    const line = await waitFor(async () => cardLines[0], { what: 'the timing line' });
    const timing = JSON.parse(line.slice('[khabar] card'.length)) as { state: string; loading: boolean; frameMs: number };
    expect(timing.state).toBe('ready');
    console.log(`first place card (with the base map): ${timing.frameMs.toFixed(1)} ms from the dwell's end to its frame, data ${timing.loading ? 'not yet' : 'already'} there`);
    expect(map.dotInCountry).toBe(true);
    expect(map.labels).toEqual([{ text: 'البوكمال', anchor: expect.stringMatching(/^(start|end)$/), direction: 'rtl' }]);
    await cardScreenshot('map-card-ar.png');
  });

  it('says in words that a place without coordinates has none', async () => {
    await closeCard();
    await openCard('الفرات');
    const map = await waitFor(async () => {
      const m = await cardMap();
      return m?.name === 'الفرات' ? m : undefined;
    }, { what: 'the card of الفرات' });
    expect(map.dot).toBeNull();
    expect(map.none).toContain('لا إحداثيات');
  });
});

describe('the side panel: the map of the page, the exports', () => {
  let side: Page;

  it('draws a dot per place of the page with coordinates; hovering a dot marks its row, and a row its dot', async () => {
    side = await h.context.newPage();
    await side.setViewportSize({ width: 420, height: 900 });
    await side.goto(`${h.extensionOrigin}/sidepanel.html?tab=${tabId}`);
    const dot = side.locator('circle.places-dot[data-entity="place:albukamal"]');
    await dot.waitFor();
    const names = await h.send({ type: 'getTabNames', tabId });
    const withCoords = Object.keys(names).filter((id) => bundle.entities.find((e) => e.id === id)?.coords);
    expect(await side.locator('circle.places-dot').count()).toBe(withCoords.length);
    expect(await side.locator('.places-list li').count()).toBe(withCoords.length);
    const row = side.locator('.places-list li[data-entity="place:albukamal"]');
    expect(await row.getAttribute('data-active')).toBeNull();
    await dot.hover();
    await expect.poll(() => row.getAttribute('data-active')).toBe('true');
    await side.screenshot({ path: join(SHOTS, 'map-sidepanel-ar.png') });
    // And back: a row under the pointer marks its dot …
    const mosulRow = side.locator('.places-list li[data-entity="place:mosul"] button');
    await mosulRow.hover();
    await expect.poll(() => side.locator('circle[data-entity="place:mosul"]').getAttribute('data-active')).toBe('true');
    expect(await row.getAttribute('data-active')).toBeNull();
    // … and so does keyboard focus.
    await side.mouse.move(0, 0);
    await side.locator('.places-list li[data-entity="place:albukamal"] button').focus();
    await expect.poll(() => dot.getAttribute('data-active')).toBe('true');
    expect(await axe(side)).toEqual([]);
  });

  it('exports the names of the page as W3C Web Annotations that re-anchor on the page', async () => {
    const [download] = await Promise.all([side.waitForEvent('download'), side.getByTestId('export-page-annotations').click()]);
    expect(download.suggestedFilename()).toMatch(/^khabar-lens-127\.0\.0\.1-\d{4}-\d\d-\d\d\.jsonld$/);
    const doc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(collectionProblems(doc)).toEqual([]);
    const items = doc.first.items as { body: { entityId: string }; target: { source: string; selector: unknown[] } }[];
    // Every mention the page reported, one annotation each.
    const names = await h.send({ type: 'getTabNames', tabId });
    const counts: Record<string, number> = {};
    for (const a of items) counts[a.body.entityId] = (counts[a.body.entityId] ?? 0) + 1;
    expect(counts).toEqual(names);
    expect(items.every((a) => a.target.source === page.url())).toBe(true);
    // Re-anchor every quote in the page it came from: its text as the document defines it.
    const text = await page.evaluate(() => document.body.textContent ?? '');
    const problems = items.map((a) => reanchorProblem(text, a)).filter(Boolean);
    expect(problems).toEqual([]);
    // The button's own status line says what was saved (the panel has other status lines: the save button's).
    const said = side.locator('p.export', { has: side.getByTestId('export-page-annotations') }).getByRole('status');
    await expect.poll(() => said.textContent()).toMatch(/\.jsonld/);
  });

  it('exports the gazetteer places as GeoJSON', async () => {
    const [download] = await Promise.all([side.waitForEvent('download'), side.getByTestId('export-places').click()]);
    expect(download.suggestedFilename()).toBe('khabar-lens-places.geojson');
    const geo = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(geoJsonProblems(geo)).toEqual([]);
    const places = bundle.entities.filter((e) => e.id.startsWith('place:') && e.coords);
    expect(geo.features).toHaveLength(places.length);
    const bukamal = geo.features.find((f: { id: string }) => f.id === 'place:albukamal');
    const e = places.find((p) => p.id === 'place:albukamal')!;
    expect(bukamal.geometry.coordinates).toEqual([e.coords![1], e.coords![0]]);
  });

  it("exports a source article's names from the reader, re-anchoring on its text", async () => {
    await side.locator('.sources > li').first().waitFor();
    const articleId = await side.locator('.sources > li').first().getAttribute('data-article-row');
    await side.locator('.sources > li').first().locator('button, a').first().click();
    await side.locator('.reader-text').waitFor();
    expect(await side.locator('.places-map').count()).toBe(1);
    const [download] = await Promise.all([side.waitForEvent('download'), side.getByTestId('export-article-annotations').click()]);
    const doc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(collectionProblems(doc)).toEqual([]);
    const article = bundle.articles.find((a) => a.id === articleId)!;
    expect(doc.total).toBeGreaterThan(5);
    const problems = (doc.first.items as { target: { selector: unknown[] } }[]).map((a) => reanchorProblem(article.text, a)).filter(Boolean);
    expect(problems).toEqual([]);
    expect(await axe(side)).toEqual([]);
  });

  it('in English too: the card and the side panel (screenshots), no accessibility violations', async () => {
    await setLang('en');
    await side.goto(`${h.extensionOrigin}/sidepanel.html?tab=${tabId}`);
    await side.locator('circle.places-dot').first().waitFor();
    await expect.poll(() => side.locator('.places-map h2').textContent()).toBe('Places on this page');
    await side.locator('circle.places-dot[data-entity="place:albukamal"]').hover();
    await side.screenshot({ path: join(SHOTS, 'map-sidepanel-en.png') });
    expect(await axe(side)).toEqual([]);
    await page.bringToFront();
    await closeCard();
    await openCard('البوكمال');
    const map = await waitFor(async () => {
      const m = await cardMap();
      return m?.dot && m.label?.startsWith('al-Bukamal') ? m : undefined;
    }, { what: 'the English card with its map' });
    expect(map.labels[0]).toMatchObject({ text: 'al-Bukamal', direction: 'ltr' });
    expect(map.dotInCountry).toBe(true);
    await cardScreenshot('map-card-en.png');
    expect(await axe(page)).toEqual([]);
  });
});
