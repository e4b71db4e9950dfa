/**
 * The core scenarios in real Firefox ESR (test/e2e-firefox/harness.ts), with the Firefox build:
 * the bundle imported into IndexedDB, names highlighted and painted on the article fixture, the
 * card on hover with its coverage, the popup's search and per-site switch, the side panel's source
 * list, options applied live, and not one request leaving the machine.
 *
 * Firefox runs content scripts behind Xray wrappers: what the page sees of the extension is what
 * the page's own world sees (CSS.highlights, document.adoptedStyleSheets, the card's open shadow
 * root), so these checks read the page as the page does, as a page script could.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../core/types.ts';
import { HOST_ELEMENT_NAME } from '../../lib/constants.ts';
import { SETTINGS_KEY } from '../../lib/storage-keys.ts';
import type { PageNames } from '../../lib/messages.ts';
import { ROOT } from '../e2e/fixtures/make-pages.ts';
import { waitFor } from '../e2e/harness.ts';
import { axeViolations } from './card-helpers.ts';
import { FIREFOX_EXTENSION_DIR, FirefoxHarness } from './harness.ts';

/** The options page's "restore the defaults" button, as the Arabic interface labels it. */
const RESET_LABEL = (JSON.parse(readFileSync(join(ROOT, 'public', '_locales', 'ar', 'messages.json'), 'utf8')) as Record<string, { message: string }>)[
  'resetDefaults'
]!.message;

let h: FirefoxHarness;
let bundle: Bundle;
let article: Page;
let articleTab = 0;

beforeAll(async () => {
  bundle = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'data', 'bundle.json'), 'utf8')) as Bundle;
  h = await FirefoxHarness.launch();
  await h.waitForReady();
  article = await h.open('/article/000.html');
  articleTab = await h.tabId(article);
});

afterAll(async () => {
  await h?.close();
});

const KEYS = ['place', 'group', 'person', 'outlet'] as const;

/** Highlight sizes by category, as the page sees CSS.highlights (-1: not registered). */
function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate((keys) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights;
    return Object.fromEntries(keys.map((k) => [k, registry.get(`khabar-${k}`)?.size ?? -1]));
  }, KEYS);
}

/** The ::highlight() rules that apply to the document (what paints the registered ranges). */
function highlightRules(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.styleSheets, ...document.adoptedStyleSheets]
      .flatMap((s) => [...s.cssRules].map((r) => r.cssText))
      .filter((t) => t.includes('::highlight(khabar-')),
  );
}

async function namesOf(tabId: number, atLeast = 1): Promise<PageNames> {
  return waitFor(
    async () => {
      const names = await h.send({ type: 'getTabNames', tabId });
      return Object.keys(names).length >= atLeast ? names : undefined;
    },
    { what: `names reported by tab ${tabId}`, timeout: 30_000 },
  );
}

/** The viewport box of a highlighted range of `category` whose text is `text`, scrolled into view. */
function findHighlighted(page: Page, category: string, text: string) {
  return page.evaluate(
    (key, wanted) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
      for (const r of registry.get(`khabar-${key}`) ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() !== wanted) continue;
        r.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
        const rect = range.getClientRects()[0];
        if (rect && rect.width > 0) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    category,
    text,
  );
}

/** The card as rendered inside the extension's open shadow root, or null when none is open. */
function cardView(page: Page) {
  return page.evaluate((hostName) => {
    const card = document.querySelector(hostName)?.shadowRoot?.querySelector('.khabar-card');
    if (!card) return null;
    return {
      name: card.querySelector('h2')?.textContent ?? null,
      headlines: [...card.querySelectorAll('.kc-headline')].map((e) => e.textContent ?? ''),
      text: card.textContent ?? '',
      /** The card's own stylesheet reached its shadow root (its custom properties are defined). */
      styled: getComputedStyle(card).getPropertyValue('--kc-bg').trim() !== '',
    };
  }, HOST_ELEMENT_NAME);
}

const textOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
const texts = (page: Page, selector: string) => page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent ?? ''), selector);

describe('Firefox', () => {
  it('imports the bundle into IndexedDB: the gazetteer answers from the database', async () => {
    const status = await h.send({ type: 'getStatus' });
    expect(status).toMatchObject({ state: 'ready', bundleVersion: bundle.version });
    expect(await h.browser.version()).toMatch(/^firefox\/\d+/i);
  });

  it('highlights the names on the article fixture and paints them', async () => {
    const names = await namesOf(articleTab, 10);
    expect(names['place:albukamal']).toBeGreaterThan(0);
    const sizes = await waitFor(async () => {
      const s = await highlightSizes(article);
      return s['place']! > 10 && s['group']! > 0 ? s : undefined;
    }, { what: 'the highlights' });
    expect(sizes['place']).toBeGreaterThan(10);
    // Registered is not painted: the ::highlight() rules must reach the document (issue 12: on
    // Firefox 140 the content script could not adopt its sheet, and nothing showed).
    const rules = await highlightRules(article);
    for (const k of ['place', 'group']) expect(rules.some((r) => r.includes(`::highlight(khabar-${k})`)), k).toBe(true);
    // The page's DOM is untouched outside the extension's own host element.
    expect(await article.evaluate(() => document.querySelectorAll('mark, [class*=khabar]').length)).toBe(0);
  });

  it('opens the card on hover, with the coverage of the name', async () => {
    const box = await findHighlighted(article, 'place', 'البوكمال');
    expect(box).not.toBeNull();
    await article.mouse.move(box!.x + 60, box!.y + 45);
    await article.mouse.move(box!.x, box!.y, { steps: 6 });
    const card = await waitFor(async () => {
      const v = await cardView(article);
      return v?.name ? v : undefined;
    }, { what: 'the hover card', timeout: 10_000 });
    const entity = bundle.entities.find((e) => e.id === 'place:albukamal')!;
    expect(card.name).toBe(entity.name);
    expect(card.styled).toBe(true);
    const coverage = bundle.coverage.find((c) => c.entityId === entity.id)!;
    const headlines = coverage.articles.map((a) => bundle.articles.find((x) => x.id === a.articleId)!.headline);
    expect(card.headlines.length).toBeGreaterThan(0);
    for (const shown of card.headlines) expect(headlines).toContain(shown);
    await article.keyboard.press('Escape');
    await waitFor(async () => ((await cardView(article)) === null ? true : undefined), { what: 'the card to close' });
  });

  it('searches the gazetteer from the popup (Arabic and Latin), and lists the page’s names', async () => {
    const popup = await h.openExtensionPage(`popup.html?tab=${articleTab}`);
    await popup.waitForSelector('input[role=combobox]');
    for (const q of ['البوكمال', 'bukamal']) {
      await popup.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('input[role=combobox]')!;
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await popup.type('input[role=combobox]', q);
      await waitFor(async () => ((await textOf(popup, '[role=option]'))?.includes('البوكمال') ? true : undefined), {
        what: `a result for ${q}`,
      });
      expect(await textOf(popup, '[role=option]')).toContain('al-Bukamal');
    }
    const names = await h.send({ type: 'getTabNames', tabId: articleTab });
    await waitFor(async () => ((await texts(popup, '.page-name')).length === Object.keys(names).length ? true : undefined), {
      what: 'the page’s names in the popup',
    });
    await popup.close();
  });

  it('switches the site off and on from the popup, and the page follows', async () => {
    const popup = await h.openExtensionPage(`popup.html?tab=${articleTab}`);
    await popup.waitForSelector('input[role=switch]');
    expect(await popup.$eval('input[role=switch]', (e) => (e as HTMLInputElement).checked)).toBe(true);
    expect(await popup.$eval('label.switch', (e) => e.textContent)).toContain('127.0.0.1');
    await popup.click('input[role=switch]');
    await waitFor(async () => (Object.keys(await h.send({ type: 'getTabNames', tabId: articleTab })).length === 0 ? true : undefined), {
      what: 'the page to drop its names',
    });
    await waitFor(async () => (Object.values(await highlightSizes(article)).every((n) => n <= 0) ? true : undefined), {
      what: 'the highlights to go',
    });
    await popup.click('input[role=switch]');
    await namesOf(articleTab, 10);
    await waitFor(async () => ((await highlightSizes(article))['place']! > 10 ? true : undefined), { what: 'the highlights to come back' });
    await popup.close();
  });

  it('lists the five sources in the side panel page', async () => {
    const side = await h.openExtensionPage('sidepanel.html');
    await waitFor(async () => ((await texts(side, '.sources > li')).length === 5 ? true : undefined), { what: 'the source list' });
    const rows = await texts(side, '.sources > li');
    for (const a of bundle.articles) expect(rows.some((r) => r.includes(a.headline) && r.includes(a.outlet)), a.id).toBe(true);
    expect(await textOf(side, '[data-testid=source-count]')).toBe('المصادر المعروضة: 5 من 5');
    await side.close();
  });

  it('applies options live: a hidden kind leaves the page, a style reaches it', async () => {
    const options = await h.openExtensionPage('options.html');
    await options.waitForSelector('select[data-category=place]');
    const kind = bundle.entities.find((e) => e.id === 'place:albukamal')!.kind;
    await options.click(`input[type=checkbox][data-kind="${kind}"]`);
    await waitFor(async () => {
      const names = await h.send({ type: 'getTabNames', tabId: articleTab });
      return Object.keys(names).length > 0 && !('place:albukamal' in names) ? true : undefined;
    }, { what: 'the page to drop the hidden kind', timeout: 30_000 });

    await options.select('select[data-category=place]', 'off');
    await waitFor(
      async () =>
        (await highlightRules(article)).some((r) => r.includes('khabar-place') && r.includes('text-decoration-line: none')) ? true : undefined,
      { what: 'the highlight style on the page' },
    );

    await options.evaluate((label) => {
      [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label)!.click();
    }, RESET_LABEL);
    await waitFor(async () => ('place:albukamal' in (await h.send({ type: 'getTabNames', tabId: articleTab })) ? true : undefined), {
      what: 'the hidden kind to come back',
      timeout: 30_000,
    });
    await options.close();
  });

  it.each(['ar', 'en'] as const)('has no axe violations in popup, side panel, options and the card (%s)', async (lang) => {
    const ext = await h.extensionPage();
    await ext.evaluate(
      async (key, value) => {
        const stored = (await browser.storage.local.get(key))[key] as object | undefined;
        await browser.storage.local.set({ [key]: { ...(stored ?? {}), lang: value } });
      },
      SETTINGS_KEY,
      lang,
    );
    const found: string[] = [];
    for (const path of [`popup.html?tab=${articleTab}`, 'sidepanel.html', 'options.html']) {
      const page = await h.openExtensionPage(path);
      await waitFor(async () => ((await page.evaluate(() => document.documentElement.lang)) === lang ? true : undefined), {
        what: `${path} in ${lang}`,
      });
      found.push(...(await axeViolations(page, null)).map((v) => `${path}: ${v}`));
      await page.close();
    }
    // The card, in its shadow root, on the article.
    const box = await findHighlighted(article, 'place', 'البوكمال');
    await article.mouse.move(box!.x + 60, box!.y + 45);
    await article.mouse.move(box!.x, box!.y, { steps: 6 });
    await waitFor(async () => ((await cardView(article))?.name ? true : undefined), { what: 'the hover card', timeout: 10_000 });
    found.push(...(await axeViolations(article, HOST_ELEMENT_NAME)).map((v) => `card: ${v}`));
    await article.keyboard.press('Escape');
    expect(found).toEqual([]);
  });

  it('made no request outside the machine, and no extension page threw', () => {
    // BiDi saw the tabs' traffic (so its silence about other hosts means something)…
    expect(h.requests.some((r) => r.url.startsWith(h.server.origin))).toBe(true);
    expect(h.foreignRequests()).toEqual([]);
    // …and nothing from anywhere in the browser reached the recording proxy.
    expect(h.leakedRequests).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

  it('would have seen a request leave: the recorder catches one', async () => {
    await article.evaluate(() => fetch('http://example.invalid/leak').catch(() => undefined));
    expect(h.leakedRequests.map((r) => r.url)).toContain('http://example.invalid/leak');
    expect(h.foreignRequests().map((r) => r.url)).toContain('http://example.invalid/leak');
  });
});
