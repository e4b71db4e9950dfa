/**
 * Issues 13 and 14 in real Firefox ESR (test/e2e-firefox/harness.ts), with the Firefox build: a
 * backup file restored in the options page (a broken one refused in words, restoring nothing;
 * then a good one: the reader's name highlighted on a page, their article in its card marked as
 * theirs); a place's card with the locator map and the place's dot inside its country; the card of
 * a name several outlets cover, with how they name it and the coverage by date; the side panel's
 * map of the page's places; axe-core finds nothing in the cards or the side panel. The Chromium
 * versions: test/e2e/backup.e2e.ts, map.e2e.ts, outlets.e2e.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../core/types.ts';
import { HOST_ELEMENT_NAME } from '../../lib/constants.ts';
import { escapeHtml, makePages } from '../e2e/fixtures/make-pages.ts';
import { waitFor } from '../e2e/harness.ts';
import { axeViolations, highlightedCount, openCard } from './card-helpers.ts';
import { FIREFOX_EXTENSION_DIR, FirefoxHarness } from './harness.ts';
import { ARTICLE_TITLE, BACKUP, OWN_NAME, SITE_OFF } from '../e2e/fixtures/backup-file.ts';

const bundle = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'data', 'bundle.json'), 'utf8')) as Bundle;
const entityOf = (id: string) => bundle.entities.find((e) => e.id === id)!;


const ISIS = 'group:isis';
/** A place the coverage names on one date only: its card has no timeline (as outlets.e2e.ts picks it). */
const ONE_DATE = bundle.profiles!.find(
  (p) => p.timeline.length === 1 && entityOf(p.entityId).kind === 'city' && entityOf(p.entityId).weakAliases.length === 0,
)!;
const PAGE = '/ff/border.html';

/** A news page with the reader's name, a bundled place and a group many outlets cover. */
function pages() {
  const map = makePages();
  map.set(PAGE, {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر</title></head>
<body style="font: 20px/1.8 serif; max-width: 800px; margin: 2rem auto"><main><article><h1>غارات على الحدود</h1>
<p>${escapeHtml('استهدفت غارة جوية بلدة حصيبة على الحدود، فيما تواصلت المعارك في البوكمال.')}</p>
<p>${escapeHtml('وقال مراسلنا إن تنظيم داعش انسحب من مواقع عدة قرب الحدود السورية العراقية.')}</p>
<p>${escapeHtml('وقال مصدر عسكري في بغداد إن المعارك تتركز قرب الموصل وعلى ضفاف الفرات.')}</p>
<p>${escapeHtml(`وذكرت مصادر محلية أن الطرق المؤدية إلى ${entityOf(ONE_DATE.entityId).name} بقيت مغلقة.`)}</p></article></main></body></html>`,
  });
  return map;
}

let h: FirefoxHarness;
let fileDir: string;

beforeAll(async () => {
  fileDir = mkdtempSync(join(tmpdir(), 'khabar-ff-files-'));
  h = await FirefoxHarness.launch({ pages: pages() });
  await h.waitForReady();
});

afterAll(async () => {
  await h?.close();
  if (fileDir) rmSync(fileDir, { recursive: true, force: true });
});

/**
 * Choose `text` as the backup file in the options page, as a reader does with the file picker
 * (puppeteer's uploadFile is BiDi's input.setFiles: it takes a path, so the text goes to a file
 * first), and wait for the page to say how it went.
 */
async function restore(options: Page, name: string, text: string): Promise<string> {
  const path = join(fileDir, name);
  writeFileSync(path, text);
  const input = (await options.waitForSelector('[data-testid="backup-restore"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
  return waitFor(
    () =>
      options.evaluate(() => {
        const error = document.querySelector('[data-testid="backup-error"]')?.textContent;
        if (error) return `error: ${error}`;
        const status = document.querySelector('[data-testid="backup-status"]')?.textContent ?? '';
        return status.includes('تم الاسترجاع') ? status : undefined;
      }),
    { what: 'the restore to finish', timeout: 30_000 },
  );
}

/** Open the fixture page and wait until the bundled names on it are highlighted. */
async function openScanned(): Promise<Page> {
  const page = await h.open(PAGE);
  await waitFor(async () => ((await highlightedCount(page, 'البوكمال')) > 0 ? true : undefined), { what: 'the page scanned', timeout: 30_000 });
  return page;
}

describe('Firefox: the reader’s library restored from a backup file', () => {
  it('refuses a broken file in words and restores nothing', async () => {
    const options = await h.openExtensionPage('options.html');
    const broken = JSON.stringify({ ...BACKUP, articles: [{ ...BACKUP.articles[0], date: '10/11/2017' }] });
    // In the page's language (Arabic by default), naming the field that is wrong.
    expect(await restore(options, 'broken.json', broken)).toMatch(/error: لم يُسترجع شيء[\s\S]*articles\[0\]\.date: ليس تاريخًا/);
    await options.close();
    const page = await openScanned();
    expect(await highlightedCount(page, OWN_NAME)).toBe(0);
    await page.close();
  });

  it('restores a good file: the reader’s name is highlighted, and its card lists their article as theirs', async () => {
    const options = await h.openExtensionPage('options.html');
    expect(await restore(options, 'backup.json', JSON.stringify(BACKUP))).toMatch(/تم الاسترجاع: 1 مقالات جديدة/);
    await options.close();
    const page = await openScanned();
    await waitFor(async () => ((await highlightedCount(page, OWN_NAME)) === 1 ? true : undefined), { what: `${OWN_NAME} highlighted` });
    const card = await openCard(page, OWN_NAME, OWN_NAME, (c) => c.articles.length > 0);
    expect(card.articles[0]).toContain(ARTICLE_TITLE);
    expect(card.articles[0]).toContain('من مكتبتك');
    expect((await h.send({ type: 'getSiteEnabled', host: SITE_OFF })).enabled).toBe(false);
    await page.close();
  });
});

describe('Firefox: the cards of issue 14, and the side panel’s map', () => {
  let page: Page;
  let tabId: number;

  it('shows a place’s locator map with its dot inside its country', async () => {
    page = await openScanned();
    tabId = await h.tabId(page);
    const card = await openCard(page, 'البوكمال', 'البوكمال', (c) => c.map.dot);
    expect(card.map.label).toBe('البوكمال على الخريطة، ضمن محافظة دير الزور');
    expect(card.map.dotInCountry).toBe(true);
    expect(card.map.none).toBeNull();
    expect(await axeViolations(page, HOST_ELEMENT_NAME)).toEqual([]);
  });

  it('says in words that a place without coordinates has none', async () => {
    const card = await openCard(page, 'الفرات', 'الفرات', (c) => c.map.none !== null);
    expect(card.map.dot).toBe(false);
    expect(card.map.none).toContain('لا إحداثيات');
  });

  it('shows how the outlets name a group several cover, and its coverage by date', async () => {
    const profile = bundle.profiles!.find((p) => p.entityId === ISIS)!;
    expect(profile.outlets.length).toBeGreaterThan(1);
    expect(new Set(profile.timeline.map((d) => d.date)).size).toBeGreaterThan(1);
    const card = await openCard(page, 'تنظيم داعش', entityOf(ISIS).name, (c) => c.outletsHeading !== null);
    expect(card.outletsHeading).toBe('كيف تسميه المصادر');
    const first = profile.outlets[0]!;
    expect(card.outletsLine).toContain(`${first.outlet}: ${first.names[0]!.text}`);
    expect(card.timelineHeading).toBe('التغطية حسب التاريخ');
    expect(card.days).toEqual(profile.timeline.map((d) => d.date));
    expect(await axeViolations(page, HOST_ELEMENT_NAME)).toEqual([]);
  });

  it('shows the outlet section but no timeline for a name covered on one date only', async () => {
    const e = entityOf(ONE_DATE.entityId);
    const card = await openCard(page, e.name, e.name, (c) => c.outletsHeading !== null);
    expect(card.timelineHeading).toBeNull();
    expect(card.days).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('draws the page’s places with coordinates on the side panel’s map', async () => {
    const names = await h.send({ type: 'getTabNames', tabId });
    const withCoords = Object.keys(names).filter((id) => entityOf(id)?.coords);
    expect(withCoords).toContain('place:albukamal');
    // Firefox has a sidebar, not Chrome's side panel: the same page, opened for the tab.
    const side = await h.openExtensionPage(`sidepanel.html?tab=${tabId}`);
    const dots = () => side.evaluate(() => [...document.querySelectorAll('circle.places-dot')].map((c) => c.getAttribute('data-entity') ?? ''));
    const drawn = await waitFor(async () => {
      const d = await dots();
      return d.length === withCoords.length ? d : undefined;
    }, { what: 'the places map' });
    expect(drawn.sort()).toEqual([...withCoords].sort());
    const rows = await side.evaluate(() => document.querySelectorAll('.places-list li').length);
    expect(rows).toBe(withCoords.length);
    expect(await axeViolations(side, null)).toEqual([]);
    await side.close();
  });

  it('made no request outside the machine, and no extension page threw', () => {
    expect(h.foreignRequests()).toEqual([]);
    expect(h.leakedRequests).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
