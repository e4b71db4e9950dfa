/**
 * The popup, the side panel and the options page in real Chromium, with the built extension
 * (test/e2e/harness.ts). They are opened as ordinary tabs (chrome-extension://ID/popup.html…):
 * `?tab=ID` tells the popup which tab it is about, and the side panel, opened as a tab, follows
 * the web page activated last. axe-core checks each view, in Arabic and English, light and dark.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relatedArticles } from '../../core/search/related.ts';
import type { Bundle } from '../../core/types.ts';
import type { PageNames } from '../../lib/messages.ts';
import { makePages, ROOT, type PageMap } from './fixtures/make-pages.ts';
import { Harness, waitFor } from './harness.ts';

/** The extension API inside the browser (code passed to page.evaluate runs there). */
declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

const html = (title: string, paragraphs: string[]) => ({
  type: 'text/html; charset=utf-8',
  body: `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></main></body></html>`,
});

/** Two short pages naming what only some sources name, so that "related" narrows the list. */
const RABIA_TITLE = 'معبر على الحدود';
const MOSUL_TITLE = 'ما بعد الموصل والرقة';
function pages(): PageMap {
  const map = makePages();
  map.set(
    '/ui/rabia.html',
    html(RABIA_TITLE, [
      'أعلن مجلس محافظة نينوى أن العمل سيعود قريباً إلى منفذ ربيعة الحدودي بعد توقف دام أسابيع، وسط ترقب من التجار والسكان في المنطقة.',
      'وقال عضو المجلس بنيان الجربا إن الحركة التجارية ستستأنف تدريجياً مع تحسن الأوضاع الأمنية في المنطقة الحدودية.',
    ]),
  );
  map.set(
    '/ui/mosul.html',
    html(MOSUL_TITLE, [
      'بعد استعادة مدينة الموصل ومدينة الرقة، يرى محللون أن المرحلة المقبلة ستكون مختلفة تماماً عن سابقتها.',
      'وقالت الولايات المتحدة إنها ستواصل دعم الشركاء المحليين في المنطقة، فيما دعا رئيس الوزراء حيدر العبادي إلى إعادة إعمار المدن المتضررة.',
    ]),
  );
  return map;
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; failureSummary?: string }[];
}

/**
 * axe-core's violations on `page` (optionally within `include`). The script goes in with
 * addScriptTag; extension pages forbid inline scripts (CSP script-src 'self'), so there it is
 * evaluated through the DevTools protocol instead, which CSP does not govern.
 */
async function axe(page: Page, include?: unknown): Promise<string[]> {
  const present = () => page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!(await present())) {
    await page.addScriptTag({ content: AXE_SOURCE }).catch(() => undefined);
    if (!(await present())) await page.evaluate(AXE_SOURCE);
  }
  const violations = (await page.evaluate(async (context) => {
    const a = (globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await a.run(context ?? document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, include ?? null)) as AxeViolation[];
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(v.nodes.slice(0, 3))}`);
}

/**
 * Evaluate `expression` in the real side panel (not a tab, so not a Playwright page): through the
 * DevTools protocol, attached to its target, messages relayed by Target.sendMessageToTarget.
 */
async function inSidePanel(via: Page, expression: string): Promise<unknown> {
  const cdp = await h.context.newCDPSession(via);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string }[] };
    const target = targetInfos.find((t) => t.url === `${h.extensionOrigin}/sidepanel.html`);
    if (!target) return undefined;
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    const answer = new Promise<unknown>((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
        const m = JSON.parse(e.message) as { id?: number; result?: { result?: { value?: unknown } } };
        if (m.id === 1) resolve(m.result?.result?.value);
      });
    });
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }),
    });
    return await answer;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

let h: Harness;
let bundle: Bundle;
let article: Page;
let rabia: Page;
let mosul: Page;
const ids = { article: 0, rabia: 0, mosul: 0 };

async function namesOf(tabId: number, atLeast = 1): Promise<PageNames> {
  return waitFor(
    async () => {
      const names = await h.send({ type: 'getTabNames', tabId });
      return Object.keys(names).length >= atLeast ? names : undefined;
    },
    { what: `names reported by tab ${tabId}`, timeout: 30_000 },
  );
}

async function extensionPage(path: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`${h.extensionOrigin}/${path}`);
  return page;
}

const sourceIds = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.sources > li')].map((li) => li.dataset['articleRow']!));

beforeAll(async () => {
  h = await Harness.launch({ pages: pages() });
  await h.waitForReady();
  const worker = await h.serviceWorker();
  bundle = (await worker.evaluate(async () => (await fetch('/data/bundle.json')).json())) as Bundle;
  article = await h.open('/article/000.html');
  rabia = await h.open('/ui/rabia.html');
  mosul = await h.open('/ui/mosul.html');
  ids.article = await h.tabId(article);
  ids.rabia = await h.tabId(rabia);
  ids.mosul = await h.tabId(mosul);
  await namesOf(ids.article, 10);
  await namesOf(ids.rabia, 3);
  await namesOf(ids.mosul, 4);
});

afterAll(async () => {
  await h?.close();
});

describe('popup', () => {
  let popup: Page;

  it('finds al-Bukamal first for البوكمال and for bukamal, and opens its card', async () => {
    popup = await extensionPage(`popup.html?tab=${ids.article}`);
    const box = popup.getByRole('combobox', { name: 'ابحث عن مكان أو جماعة' });
    for (const q of ['البوكمال', 'bukamal']) {
      await box.fill(q);
      const first = popup.getByRole('option').first();
      await expect.poll(() => first.textContent()).toContain('البوكمال');
      expect(await first.textContent()).toContain('al-Bukamal');
      expect(await first.getAttribute('aria-selected')).toBe('true');
      expect(await first.textContent()).toMatch(/\d+ (إشارة|إشارات)/);
    }
    await box.press('Enter');
    const card = popup.getByRole('region', { name: 'البوكمال' });
    await card.waitFor();
    expect(await card.textContent()).toMatch(/يرد في \d+ مصادر/);
    expect(await axe(popup)).toEqual([]);
    await popup.getByRole('button', { name: 'رجوع' }).click();
    await popup.getByRole('combobox').waitFor();
  });

  it('lists the names on the page with their counts and scrolls the page to one', async () => {
    const names = await h.send({ type: 'getTabNames', tabId: ids.article });
    const rows = popup.locator('.page-name');
    await expect.poll(() => rows.count()).toBe(Object.keys(names).length);
    const top = Object.entries(names).sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]!;
    expect(await rows.first().getAttribute('data-entity')).toBe(top[0]);
    expect(await rows.first().textContent()).toMatch(new RegExp(`${top[1]} (إشارة|إشارات)`));

    // A name whose first mention is below the fold: the page scrolls to it and flashes it.
    const target = 'place:yarubiyah-crossing';
    expect(names[target]).toBeGreaterThan(0);
    expect(await article.evaluate(() => window.scrollY)).toBe(0);
    await popup.locator(`.page-name[data-entity="${target}"]`).click();
    const rect = await waitFor(
      () =>
        article.evaluate(() => {
          const current = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('khabar-current');
          const found = current && [...current][0];
          if (!found) return undefined;
          const range = document.createRange();
          range.setStart(found.startContainer, found.startOffset);
          range.setEnd(found.endContainer, found.endOffset);
          const r = range.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, text: range.toString(), scrollY: window.scrollY };
        }),
      { what: 'the revealed name' },
    );
    expect(rect.top).toBeGreaterThanOrEqual(0);
    expect(rect.bottom).toBeLessThanOrEqual(900);
    expect(rect.text.length).toBeGreaterThan(0);
    expect(await popup.getByRole('alert').count()).toBe(0);
  });

  it('switches the site off and on from the popup, and the page follows', async () => {
    const p = await extensionPage(`popup.html?tab=${ids.rabia}`);
    const toggle = p.getByRole('switch', { name: 'إبراز الأسماء على 127.0.0.1' });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await waitFor(async () => (Object.keys(await h.send({ type: 'getTabNames', tabId: ids.rabia })).length === 0 ? true : undefined), {
      what: 'the page to drop its names',
    });
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await toggle.check();
    await namesOf(ids.rabia, 3);
    await p.close();
  });

  it('opens the real side panel, which follows the active tab', async () => {
    const p = await extensionPage(`popup.html?tab=${ids.article}`);
    await p.getByRole('button', { name: 'افتح قائمة المصادر' }).click();
    const worker = await h.serviceWorker();
    await waitFor(
      () =>
        worker.evaluate(async () => {
          const contexts = await (chrome.runtime as unknown as {
            getContexts(f: unknown): Promise<{ documentUrl?: string }[]>;
          }).getContexts({ contextTypes: ['SIDE_PANEL'] });
          return contexts.some((c) => c.documentUrl?.endsWith('/sidepanel.html')) ? true : undefined;
        }),
      { what: 'the side panel to open' },
    );
    const current = `document.querySelector('[data-testid=current-page]')?.textContent ?? ''`;
    await rabia.bringToFront();
    await expect.poll(() => inSidePanel(rabia, current), { timeout: 10_000 }).toContain(RABIA_TITLE);
    await mosul.bringToFront();
    await expect.poll(() => inSidePanel(mosul, current), { timeout: 10_000 }).toContain(MOSUL_TITLE);
    await p.close();
  });

  it('has no accessibility violations, light and dark', async () => {
    await popup.getByRole('combobox').fill('bukamal');
    await popup.getByRole('option').first().waitFor();
    expect(await axe(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await axe(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'light' });
  });
});

describe('side panel', () => {
  let side: Page;

  it('lists all five sources, then only those related to the open page, and follows a tab change', async () => {
    side = await extensionPage('sidepanel.html');
    await expect.poll(() => sourceIds(side)).toHaveLength(5);
    expect(await side.getByTestId('source-count').textContent()).toBe('المصادر المعروضة: 5 من 5');
    const rows = side.locator('.sources > li');
    for (let i = 0; i < 5; i++) {
      const text = (await rows.nth(i).textContent()) ?? '';
      const id = await rows.nth(i).getAttribute('data-article-row');
      const a = bundle.articles.find((x) => x.id === id)!;
      expect(text).toContain(a.headline);
      expect(text).toContain(a.outlet);
      expect(text).toMatch(/الأسماء: \d+/);
      expect(text.includes('(تاريخ تقديري)')).toBe(a.dateEstimated);
    }

    // The reader looks at the Rabia page: related = the sources sharing its names, ranked.
    await rabia.bringToFront();
    await expect.poll(() => side.getByTestId('current-page').textContent()).toContain(RABIA_TITLE);
    await side.getByRole('switch', { name: 'ذات صلة بالصفحة المفتوحة' }).check();
    const related = (names: PageNames) => relatedArticles(names, bundle.articleMentions).map((r) => r.articleId);
    const forRabia = related(await h.send({ type: 'getTabNames', tabId: ids.rabia }));
    expect(forRabia.length).toBeGreaterThan(0);
    expect(forRabia.length).toBeLessThan(5);
    await expect.poll(() => sourceIds(side)).toEqual(forRabia);

    // Another tab: the list follows it.
    await mosul.bringToFront();
    await expect.poll(() => side.getByTestId('current-page').textContent()).toContain(MOSUL_TITLE);
    const forMosul = related(await h.send({ type: 'getTabNames', tabId: ids.mosul }));
    expect(forMosul).not.toEqual(forRabia);
    await expect.poll(() => sourceIds(side)).toEqual(forMosul);
    expect(await axe(side)).toEqual([]);

    await side.getByRole('switch', { name: 'ذات صلة بالصفحة المفتوحة' }).uncheck();
    await expect.poll(() => sourceIds(side)).toHaveLength(5);
  });

  it('narrows by outlet and by entity chips', async () => {
    await side.bringToFront();
    await side.getByRole('button', { name: 'رويترز' }).click();
    await expect.poll(() => sourceIds(side)).toEqual(['002']);
    await side.getByRole('button', { name: 'رويترز' }).click();
    await expect.poll(() => sourceIds(side)).toHaveLength(5);
    // The followed page's names come first among the entity chips: al-Mosul is named by one source.
    const chip = side.locator('.chip[data-entity="place:mosul"]');
    await chip.click();
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    const expected = bundle.articleMentions
      .filter((m) => m.mentions.some((x) => x.entityId === 'place:mosul' && x.confidence >= 0.5))
      .map((m) => m.articleId);
    expect(expected).toEqual(['002']);
    await expect.poll(() => sourceIds(side)).toEqual(expected);
    await side.getByRole('button', { name: 'مسح التصفية' }).click();
    await expect.poll(() => sourceIds(side)).toHaveLength(5);
  });

  it('opens a source in the reader view with its names highlighted and the card on hover', async () => {
    await side.bringToFront();
    const first = (await sourceIds(side))[0]!;
    await side.locator(`button[data-article="${first}"]`).click();
    const text = side.locator('.reader-text');
    await text.waitFor();
    const a = bundle.articles.find((x) => x.id === first)!;
    expect(await text.textContent()).toBe(a.text);
    const names = text.locator('.name');
    expect(await names.count()).toBeGreaterThan(10);
    await names.nth(2).hover();
    const card = side.getByRole('dialog');
    await card.waitFor();
    const entity = await names.nth(2).getAttribute('data-entity');
    const e = bundle.entities.find((x) => x.id === entity)!;
    expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(e.name);
    expect(await axe(side)).toEqual([]);
    await side.emulateMedia({ colorScheme: 'dark' });
    expect(await axe(side)).toEqual([]);
    await side.emulateMedia({ colorScheme: 'light' });
    await side.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);

    // The keyboard reaches the names too.
    await names.first().focus();
    await side.getByRole('dialog').waitFor();
    await side.keyboard.press('Escape');
    await side.getByRole('button', { name: 'العودة إلى المصادر' }).click();
    await expect.poll(() => sourceIds(side)).toHaveLength(5);
  });
});

describe('options', () => {
  it('applies changes live: kinds, highlight style and interface language', async () => {
    const options = await extensionPage('options.html');
    await options.getByRole('group', { name: 'لغة الواجهة' }).waitFor();
    expect(await axe(options)).toEqual([]);

    // Hide border crossings: the Rabia page stops finding منفذ ربيعة.
    expect(Object.keys(await h.send({ type: 'getTabNames', tabId: ids.rabia }))).toContain('place:rabia-crossing');
    await options.getByRole('checkbox', { name: 'منفذ حدودي' }).uncheck();
    await waitFor(
      async () => {
        const names = await h.send({ type: 'getTabNames', tabId: ids.rabia });
        return Object.keys(names).length > 0 && !('place:rabia-crossing' in names) ? names : undefined;
      },
      { what: 'the page to drop the hidden kind', timeout: 30_000 },
    );

    // Places not painted: the page gets a rule that clears their highlight.
    await options.getByRole('combobox', { name: 'مكان' }).selectOption('off');
    await waitFor(
      () =>
        rabia.evaluate(() =>
          document.adoptedStyleSheets.some((s) =>
            [...s.cssRules].some((r) => r.cssText.includes('khabar-place') && r.cssText.includes('text-decoration-line: none')),
          )
            ? true
            : undefined,
        ),
      { what: 'the highlight style on the page' },
    );

    // English: the options page, an open popup and the side panel switch at once.
    const popup = await extensionPage(`popup.html?tab=${ids.article}`);
    await popup.getByRole('combobox').waitFor();
    await options.getByRole('radio', { name: 'الإنجليزية (English)' }).check();
    await expect.poll(() => options.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await expect.poll(() => popup.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await popup.getByRole('combobox', { name: 'Search for a place or group' }).count()).toBe(1);
    await popup.getByRole('combobox').fill('bukamal');
    expect(await popup.getByRole('option').first().textContent()).toContain('City');
    expect(await axe(options)).toEqual([]);
    expect(await axe(popup)).toEqual([]);
    const side = await extensionPage('sidepanel.html');
    await expect.poll(() => side.getByTestId('source-count').textContent()).toBe('Showing 5 of 5 sources');
    expect(await axe(side)).toEqual([]);
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await axe(options)).toEqual([]);

    await options.getByRole('button', { name: 'Restore the defaults' }).click();
    await expect.poll(() => options.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await namesOf(ids.rabia, 3);
    await waitFor(async () => ('place:rabia-crossing' in (await h.send({ type: 'getTabNames', tabId: ids.rabia })) ? true : undefined), {
      what: 'the hidden kind to come back',
      timeout: 30_000,
    });
  });
});

describe('the card on the page', () => {
  it('has no accessibility violations', async () => {
    await article.bringToFront();
    await h.command('next-name', article);
    const hasCard = () =>
      article.evaluate(() => !!document.querySelector('khabar-lens-card')?.shadowRoot?.querySelector('.khabar-card'));
    await waitFor(async () => ((await hasCard()) ? true : undefined), { what: 'the hover card' });
    expect(await axe(article, { include: [['khabar-lens-card', '.khabar-card']] })).toEqual([]);
  });
});

it('made no request outside the machine, and no extension page threw', () => {
  // chrome-extension:// never leaves the browser (the hover card's stylesheet comes from a
  // web-accessible resource's per-session URL, chrome-extension://<uuid>/…).
  expect(h.foreignRequests().filter((r) => !r.url.startsWith('chrome-extension://'))).toEqual([]);
  expect(h.pageErrors.filter((e) => e.pageUrl.startsWith(h.extensionOrigin))).toEqual([]);
});
