/**
 * How outlets name an entity, and its coverage by date (issue 14, items 1 and 4), with the built
 * extension in Chromium: hovering a name on a news page opens the card with the outlet line, whose
 * disclosure lists every outlet with its names and recurring words, and the timeline when the
 * coverage has more than one date (none for a name covered on one date); the card opens in one
 * task of at most 25 ms of the content script's CPU (tasks.ts) with both sections; in English the
 * outlets go by their English names; the side panel shows the full section for the one name its
 * filter is set to; axe-core finds no violation in the card or the side panel.
 *
 * What the card must show comes from the bundle the extension was built with (its `profiles`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityProfile } from '../../core/analysis/outlet-naming.ts';
import type { Bundle } from '../../core/types.ts';
import { HOST_ELEMENT_NAME, LONG_TASK_MS } from '../../lib/constants.ts';
import { makePages, ROOT } from './fixtures/make-pages.ts';
import { EXTENSION_DIR, Harness, waitFor } from './harness.ts';
import { describeTask, TaskTracer, type TaskSummary } from './tasks.ts';

declare const chrome: typeof import('wxt/browser').Browser;

/** Issue 14's target: the card with its outlet section opens as fast as before (issue 11). */
const CARD_OPEN_TASK_MS = 25;

const bundle = JSON.parse(readFileSync(join(EXTENSION_DIR, 'data', 'bundle.json'), 'utf8')) as Bundle;
const profileOf = (id: string): EntityProfile => bundle.profiles!.find((p) => p.entityId === id)!;
const entityOf = (id: string) => bundle.entities.find((e) => e.id === id)!;

const ISIS = 'group:isis';
/** A place the coverage names on one date only: its card has no timeline. */
const ONE_DATE = bundle.profiles!.find(
  (p) => p.timeline.length === 1 && entityOf(p.entityId).kind === 'city' && entityOf(p.entityId).weakAliases.length === 0,
)!;

const PAGE = '/outlets/news.html';

/** A news page laid out like an Arabic site: masthead, navigation, the article, a footer. */
function pages() {
  const map = makePages();
  map.set(PAGE, {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>أخبار الحدود</title></head>
<body style="font: 18px/1.8 serif; max-width: 860px; margin: 1rem auto">
<header><p>صحيفة الحدود</p><nav><a href="#">الرئيسية</a> | <a href="#">سياسة</a> | <a href="#">اقتصاد</a></nav></header>
<main><article id="story">
<h1>تقدم نحو الحدود</h1>
<p>قال مراسلنا إن تنظيم داعش انسحب من مواقع عدة قرب الحدود السورية العراقية صباح اليوم.</p>
<p>وذكرت مصادر محلية أن الطرق المؤدية إلى ${entityOf(ONE_DATE.entityId).name} بقيت مغلقة طوال النهار.</p>
</article></main>
<footer><p>جميع الحقوق محفوظة</p></footer>
</body></html>`,
  });
  return map;
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core's violations on `page` (within `include`), as ui.e2e.ts runs it. */
async function axe(page: Page, include?: unknown): Promise<string[]> {
  const present = () => page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!(await present())) {
    await page.addScriptTag({ content: AXE_SOURCE }).catch(() => undefined);
    if (!(await present())) await page.evaluate(AXE_SOURCE);
  }
  const violations = (await page.evaluate(async (context) => {
    const a = (globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await a.run(context ?? document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} — ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  }, include ?? null)) as string[];
  return violations;
}

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await Harness.launch({ pages: pages() });
  await h.waitForReady();
  page = await h.open(PAGE);
  await waitFor(async () => ((await nameBox(page, 'تنظيم داعش')) ? true : undefined), { what: 'داعش highlighted', timeout: 30_000 });
});

afterAll(async () => {
  await h?.close();
});

/** The viewport box of the highlighted range whose text is `text`, scrolled into view. */
function nameBox(p: Page, text: string): Promise<{ x: number; y: number } | null> {
  return p.evaluate((wanted) => {
    for (const [key, hl] of CSS.highlights as unknown as Map<string, Iterable<AbstractRange>>) {
      if (!key.startsWith('khabar-') || key === 'khabar-current') continue;
      for (const r of hl) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() !== wanted) continue;
        r.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
        const b = range.getClientRects()[0];
        if (b && b.width > 0) return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
    }
    return null;
  }, text);
}

interface CardSections {
  name: string | null;
  outletsHeading: string | null;
  line: string | null;
  summary: string | null;
  outlets: { outlet: string; names: string[]; stance: string[] }[];
  timelineHeading: string | null;
  days: { date: string; estimated: boolean; said: string }[];
}

/** The open card's outlet section and timeline as the reader sees them, or null when no card is open. */
function card(p: Page): Promise<CardSections | null> {
  return p.evaluate((hostName) => {
    const el = document.querySelector(hostName)?.shadowRoot?.querySelector('.khabar-card');
    if (!el || !el.checkVisibility({ visibilityProperty: true })) return null;
    const text = (sel: string) => el.querySelector(sel)?.textContent ?? null;
    return {
      name: text('h2'),
      outletsHeading: text('.kc-outlets h3'),
      line: text('.kc-outlets-line'),
      summary: text('.kc-outlets-more summary'),
      outlets: [...el.querySelectorAll('.kc-outlet-list > li')].map((li) => ({
        outlet: li.querySelector('.kc-outlet-name')?.textContent ?? '',
        names: [...li.querySelectorAll('dd .kc-uses:not(.kc-stance) bdi')].map((b) => b.textContent ?? ''),
        stance: [...li.querySelectorAll('.kc-stance bdi')].map((b) => b.textContent ?? ''),
      })),
      timelineHeading: text('.kc-timeline h3'),
      days: [...el.querySelectorAll('.kc-day')].map((d) => ({
        date: d.getAttribute('data-date') ?? '',
        estimated: d.hasAttribute('data-estimated'),
        said: d.querySelector('.kc-sr')?.textContent ?? '',
      })),
    };
  }, HOST_ELEMENT_NAME);
}

async function hoverName(p: Page, text: string, cardName: string): Promise<CardSections> {
  // A card with the focus inside stays open when the pointer leaves: Escape closes it.
  if (await card(p)) await p.keyboard.press('Escape');
  await p.mouse.move(5, 5);
  await waitFor(async () => ((await card(p)) === null ? true : undefined), { what: 'no card open' });
  const box = await nameBox(p, text);
  expect(box, `${text} highlighted`).not.toBeNull();
  await p.mouse.move(box!.x + 60, box!.y + 45);
  await p.mouse.move(box!.x, box!.y, { steps: 6 });
  return waitFor(async () => {
    const c = await card(p);
    return c?.name === cardName ? c : undefined;
  }, { what: `the card of ${cardName}`, interval: 20 });
}

/** Open the card's full list by its disclosure, with the keyboard. */
async function openFullList(p: Page): Promise<CardSections> {
  const summary = p.locator(`${HOST_ELEMENT_NAME} .kc-outlets-more summary`);
  await summary.focus();
  await p.keyboard.press('Enter');
  return waitFor(async () => {
    const c = await card(p);
    return c && c.outlets.length > 0 ? c : undefined;
  }, { what: 'the full list of outlets' });
}

async function setLang(lang: 'ar' | 'en'): Promise<void> {
  const sw = await h.serviceWorker();
  await sw.evaluate(async (l) => {
    const { settings } = (await chrome.storage.local.get('settings')) as { settings?: Record<string, unknown> };
    await chrome.storage.local.set({ settings: { ...(settings ?? {}), lang: l } });
  }, lang);
}

describe('the hover card', () => {
  const isis = profileOf(ISIS);
  const name = entityOf(ISIS).name;

  it(`opens with the outlet section and the timeline in one task of at most ${CARD_OPEN_TASK_MS} ms`, async () => {
    await page.bringToFront();
    // The page's own start-up work (the scan's idle slices, the warm-up card made in idle time) is
    // measured elsewhere (interaction-scale.e2e.ts); let it finish, as that test does, so the trace
    // holds the card's opening only.
    await page.waitForTimeout(1500);
    const tracer = await TaskTracer.start(h.context, page, h.extensionId);
    let tasks: TaskSummary;
    try {
      await page.evaluate(() => 0);
      await page.waitForTimeout(100);
      await hoverName(page, 'تنظيم داعش', name);
      await page.waitForTimeout(300);
    } finally {
      tasks = await tracer.stop(LONG_TASK_MS);
    }
    const most = tasks.extensionTasks.reduce((m, t) => Math.max(m, t.ownCpuMs), 0);
    console.log(`card of ${name} opened: ${tasks.extensionTasks.length} extension tasks, most CPU in one ${most.toFixed(1)} ms` +
      `${tasks.sampled ? '' : ' (NO PROFILER SAMPLES)'}; ${tasks.extensionTasks.filter((t) => t.ownCpuMs > 5).map(describeTask).join('; ')}`);
    expect(most).toBeLessThanOrEqual(CARD_OPEN_TASK_MS);
  });

  it('says how the sources name it: the first outlets and their most written names, in a line', async () => {
    const c = await hoverName(page, 'تنظيم داعش', name);
    expect(c.outletsHeading).toBe('كيف تسميه المصادر');
    const first = isis.outlets[0]!;
    expect(c.line).toContain(`${first.outlet}: ${first.names[0]!.text}`);
    expect(c.summary).toBe('كل المصادر وأسماؤها وكلماتها');
    // Collapsed: the full list is not there until asked for.
    expect(c.outlets).toEqual([]);
  });

  it('lists every outlet with the names it writes and its recurring words when the reader opens it', async () => {
    const c = await openFullList(page);
    expect(c.outlets.map((o) => o.outlet)).toEqual(isis.outlets.map((o) => o.outlet));
    const reuters = c.outlets[isis.outlets.findIndex((o) => o.outletEn === 'Reuters')]!;
    expect(reuters.names).toContain('الدولة الإسلامية');
    // Alwaght writes الإرهابي (or its variants) next to داعش again and again; Reuters does not.
    const alwaght = c.outlets[isis.outlets.findIndex((o) => o.outletEn === 'Alwaght')]!;
    expect(alwaght.stance.some((w) => /إرهاب|ارهاب/.test(w))).toBe(true);
    expect(reuters.stance).toEqual([]);
  });

  it('shows the coverage by date, estimated dates marked, and axe finds nothing in the card', async () => {
    const c = (await card(page))!;
    expect(c.timelineHeading).toBe('التغطية حسب التاريخ');
    expect(c.days.map((d) => d.date)).toEqual(isis.timeline.map((d) => d.date));
    expect(c.days.map((d) => d.estimated)).toEqual(isis.timeline.map((d) => d.estimated > 0));
    const estimated = c.days.find((d) => d.estimated)!;
    expect(estimated.said).toContain('تاريخ تقديري');
    expect(await axe(page, { include: [[HOST_ELEMENT_NAME, '.khabar-card']] })).toEqual([]);
  });

  it('shows no timeline for a name the coverage has on one date only', async () => {
    const e = entityOf(ONE_DATE.entityId);
    const c = await hoverName(page, e.name, e.name);
    expect(c.outletsHeading).toBe('كيف تسميه المصادر');
    expect(c.timelineHeading).toBeNull();
  });

  it('in English: the outlets by their English names, the names as Arabic writes them; axe finds nothing', async () => {
    await setLang('en');
    try {
      await waitFor(async () => {
        const c = await hoverName(page, 'تنظيم داعش', name);
        return c.outletsHeading === 'How sources name it' ? c : undefined;
      }, { what: 'the card in English', timeout: 15_000 });
      const c = await openFullList(page);
      expect(c.outlets.map((o) => o.outlet)).toContain('Reuters');
      expect(c.outlets.find((o) => o.outlet === 'Reuters')!.names).toContain('الدولة الإسلامية');
      expect(c.timelineHeading).toBe('Coverage by date');
      expect(await axe(page, { include: [[HOST_ELEMENT_NAME, '.khabar-card']] })).toEqual([]);
    } finally {
      await setLang('ar');
    }
  });
});

describe('the side panel', () => {
  it('shows how every outlet names the one selected name, and when; axe finds nothing, in Arabic and English', async () => {
    const tabId = await h.tabId(page);
    const side = await h.context.newPage();
    await side.goto(`${h.extensionOrigin}/sidepanel.html?tab=${tabId}`);
    const chip = side.locator(`.chip[data-entity="${ISIS}"]`);
    await chip.waitFor({ timeout: 15_000 });
    await chip.click();
    const section = side.getByTestId('entity-outlets');
    await section.waitFor();
    const isis = profileOf(ISIS);
    expect(await section.getByRole('heading', { name: 'كيف تسميه المصادر' }).count()).toBe(1);
    const outlets = section.locator('.kc-outlet-list > li');
    expect(await outlets.locator('.kc-outlet-name').allTextContents()).toEqual(isis.outlets.map((o) => o.outlet));
    const reuters = outlets.nth(isis.outlets.findIndex((o) => o.outletEn === 'Reuters'));
    expect(await reuters.locator('bdi[lang="ar"]').allTextContents()).toContain('الدولة الإسلامية');
    expect(await section.locator('.kc-day').count()).toBe(isis.timeline.length);
    expect(await axe(side)).toEqual([]);

    // A second name selected: the filter no longer names one, the section goes.
    await side.locator('.chip[data-entity]:not([aria-pressed="true"])').first().click();
    await expect.poll(() => side.getByTestId('entity-outlets').count()).toBe(0);
    await chip.click();
    await expect.poll(() => side.getByTestId('entity-outlets').count()).toBe(1);

    await setLang('en');
    try {
      await expect.poll(() => section.getByRole('heading', { name: 'How sources name it' }).count(), { timeout: 10_000 }).toBe(1);
      expect(await section.locator('.kc-outlet-name').allTextContents()).toContain('Reuters');
      expect(await axe(side)).toEqual([]);
    } finally {
      await setLang('ar');
      await side.close();
    }
  });
});

it('made no request outside the machine, and nothing threw', () => {
  expect(h.foreignRequests().filter((r) => !r.url.startsWith('chrome-extension://'))).toEqual([]);
  expect(h.pageErrors).toEqual([]);
});
