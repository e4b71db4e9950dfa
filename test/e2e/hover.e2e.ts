/**
 * The content script in real Chromium, on fixture pages made from the corpus: names highlighted
 * (CSS Custom Highlight API, read back from the page through CSS.highlights), the card on hover and
 * from the keyboard (inside the extension's open shadow root), the page's DOM untouched, no page
 * errors, and pages whose content arrives later (infinite scroll, single-page app, iframe).
 *
 * The expected names come from the bundle the extension was built with: for a mention the corpus
 * build found in an article, the card must show that entity's canonical name and its coverage.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryOf, type Bundle, type Category } from '../../core/types.ts';
import { CLOSE_GRACE_MS, HOST_ELEMENT_NAME, HOVER_DWELL_MS, LONG_TASK_MS } from '../../lib/constants.ts';
import { makePages, readArticles, escapeHtml, type PageMap } from './fixtures/make-pages.ts';
import { EXTENSION_DIR, Harness, waitFor } from './harness.ts';
import { scanLineOf, type ScanLine } from './tasks.ts';

const extensionDir = EXTENSION_DIR;

let harness: Harness;
let bundle: Bundle;

beforeAll(async () => {
  bundle = JSON.parse(readFileSync(join(extensionDir, 'data', 'bundle.json'), 'utf8')) as Bundle;
  harness = await Harness.launch({ extensionDir, pages: withOwnPages(makePages()) });
  await harness.waitForReady();
});

afterAll(async () => {
  await harness?.close();
});

/**
 * Two pages of this file's own: an article inside an open shadow root (a web-component site), and
 * a hostile page that fights the extension: it clears the highlight registry and the adopted
 * styles, removes elements it does not know from <html>, and reports any error that reaches it.
 */
function withOwnPages(pages: PageMap): PageMap {
  const article = readArticles()[0]!;
  const paragraphs = article.paragraphs.slice(0, 8).map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  const html = (body: string) => ({ type: 'text/html; charset=utf-8', body });
  pages.set(
    '/own/shadow.html',
    html(`<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>مكوّنات</title></head>
<body style="font: 18px/1.8 serif; max-width: 900px; margin: 1rem auto">
<news-article></news-article>
<script>
customElements.define('news-article', class extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = '<style>p { margin: 0 0 1rem; }</style><article>' + ${JSON.stringify(paragraphs)} + '</article>';
  }
});
</script>
</body></html>`),
  );
  pages.set(
    '/own/hostile.html',
    html(`<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>صفحة معادية</title>
<script>
window.__errors = [];
addEventListener('error', (e) => window.__errors.push(String(e.message)));
addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
// Keep <html> to <head> and <body>: anything else appended there is removed.
new MutationObserver(() => {
  for (const el of [...document.documentElement.children]) if (el !== document.head && el !== document.body) el.remove();
}).observe(document.documentElement, { childList: true });
</script></head>
<body style="font: 18px/1.8 serif; max-width: 900px; margin: 1rem auto">
<article id="a">${paragraphs}</article>
<script>
setTimeout(() => {
  CSS.highlights.clear();
  document.adoptedStyleSheets = [];
  const p = document.createElement('p');
  p.textContent = 'وصلت تعزيزات جديدة إلى البوكمال ودير الزور.';
  document.getElementById('a').prepend(p);
}, 1500);
</script>
</body></html>`),
  );
  return pages;
}

type Scope = Page | Frame;

interface Box {
  x: number;
  y: number;
  text: string;
}

/** Highlight sizes by category, as the page sees CSS.highlights (-1: not registered). */
function highlightSizes(scope: Scope): Promise<Record<string, number>> {
  return scope.evaluate(() => {
    const out: Record<string, number> = {};
    for (const k of ['place', 'group', 'person', 'outlet', 'current']) out[k] = CSS.highlights.get(`khabar-${k}`)?.size ?? -1;
    return out;
  });
}

/**
 * The viewport box of a highlighted range of `category` whose text is `text` (any text when null),
 * inside `within`; scrolled into view first.
 */
function findHighlighted(scope: Scope, category: Category, text: string | null, within: string): Promise<Box | null> {
  return scope.evaluate(
    ([key, wanted, selector]) => {
      const h = CSS.highlights.get(`khabar-${key}`);
      const root = document.querySelector(selector!);
      if (!h || !root) return null;
      for (const r of h as unknown as Iterable<AbstractRange>) {
        if (!root.contains(r.startContainer)) continue;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (wanted !== null && range.toString() !== wanted) continue;
        r.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
        const rect = range.getClientRects()[0];
        if (!rect || rect.width === 0) continue;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text: range.toString() };
      }
      return null;
    },
    [category, text, within] as const,
  );
}

interface CardView {
  name: string | null;
  status: string | null;
  headlines: string[];
  marks: string[];
  dir: string | null;
  inViewport: boolean;
  /** A point inside the card, in viewport coordinates. */
  inside: { x: number; y: number };
}

/** The card as rendered inside the extension's shadow root, or null when none is open. */
function cardView(scope: Scope): Promise<CardView | null> {
  return scope.evaluate((hostName) => {
    const root = document.querySelector(hostName)?.shadowRoot;
    const card = root?.querySelector('.khabar-card');
    if (!card) return null;
    const r = card.getBoundingClientRect();
    return {
      name: card.querySelector('h2')?.textContent ?? null,
      status: card.querySelector('.kc-status')?.textContent ?? null,
      headlines: [...card.querySelectorAll('.kc-headline')].map((e) => e.textContent ?? ''),
      marks: [...card.querySelectorAll('.kc-snippet mark')].map((e) => e.textContent ?? ''),
      dir: card.getAttribute('dir'),
      inViewport: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1 && r.width > 0,
      inside: { x: r.left + r.width / 2, y: r.top + Math.min(40, r.height / 2) },
    };
  }, HOST_ELEMENT_NAME);
}

/**
 * Waits for an open card (with `name`, when given: on the way to the target the pointer may rest
 * long enough on another name to open that one first, as it would for a reader).
 */
function waitForCard(scope: Scope, what: string, name?: string, timeout = 5000): Promise<CardView> {
  return waitFor(async () => {
    const v = await cardView(scope);
    return v?.name && (name === undefined || v.name === name) ? v : undefined;
  }, { timeout, interval: 20, what });
}

/** Rest the pointer on a point the way a reader does: approach, then stop. */
async function hover(page: Page, x: number, y: number): Promise<void> {
  await page.mouse.move(x + 60, y + 45);
  await page.mouse.move(x, y, { steps: 6 });
}

/** Mentions of one category the corpus build found in an article, strongest names first. */
function corpusMentions(articleId: string, category: Category) {
  const kinds = new Map(bundle.entities.map((e) => [e.id, e.kind]));
  const found = bundle.articleMentions.find((a) => a.articleId === articleId)?.mentions ?? [];
  const seen = new Set<string>();
  return found.filter((m) => {
    const kind = kinds.get(m.entityId);
    if (!kind || categoryOf(kind) !== category || m.confidence < 1 || seen.has(m.text)) return false;
    seen.add(m.text);
    return true;
  });
}

/** What the card must show for an entity, from the bundle. */
function expectedCard(entityId: string) {
  const entity = bundle.entities.find((e) => e.id === entityId)!;
  const coverage = bundle.coverage.find((c) => c.entityId === entityId);
  const firstArticle = coverage?.articles[0]?.articleId;
  const headline = bundle.articles.find((a) => a.id === firstArticle)?.headline;
  return { name: entity.name, headline };
}

/** Hover one corpus mention of the category in the article and check its card. */
async function hoverAndCheck(page: Page, articleId: string, category: Category, within: string) {
  for (const m of corpusMentions(articleId, category)) {
    const box = await findHighlighted(page, category, m.text, within);
    if (!box) continue;
    const expected = expectedCard(m.entityId);
    await hover(page, box.x, box.y);
    const started = Date.now();
    const card = await waitForCard(page, `the card of ${m.text} (${expected.name})`, expected.name);
    const tookMs = Date.now() - started;
    expect(card.name).toBe(expected.name);
    expect(card.dir).toBe('rtl');
    expect(card.inViewport).toBe(true);
    expect(card.headlines.length).toBeGreaterThan(0);
    if (expected.headline) expect(card.headlines[0]).toBe(expected.headline);
    expect(card.marks.length).toBeGreaterThan(0);
    expect(card.marks.every((t) => t.length > 0)).toBe(true);
    return { text: m.text, entityId: m.entityId, tookMs, card };
  }
  throw new Error(`no highlighted ${category} of article ${articleId} found in ${within}`);
}

/** Move the pointer away and wait for the card to close. */
async function leave(page: Page): Promise<void> {
  await page.mouse.move(5, 5, { steps: 3 });
  await waitFor(async () => ((await cardView(page)) === null ? true : undefined), { what: 'the card to close' });
}

function pageErrorsOf(page: Page) {
  return harness.pageErrors.filter((e) => e.pageUrl.startsWith(new URL(page.url()).origin));
}

describe('article page', () => {
  const article = () => bundle.articles[0]!;
  let page: Page;
  let scanStats: ScanLine | undefined;

  beforeAll(async () => {
    page = await harness.context.newPage();
    page.on('console', (m) => {
      scanStats = scanLineOf(m.text()) ?? scanStats;
    });
    // The page as the server sent it, before the content script (document_idle) runs.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as Record<string, string>)['__khabarTestBody'] = document.body.outerHTML;
        (window as unknown as Record<string, string>)['__khabarTestHead'] = document.head.outerHTML;
      });
    });
    await page.goto(harness.url(`/article/${encodeURIComponent(article().id)}.html`), { waitUntil: 'load' });
    await waitFor(async () => {
      const s = await highlightSizes(page);
      return s['place']! > 0 && s['group']! > 0 ? s : undefined;
    }, { what: 'highlights on the article page' });
  });

  it('highlights places and groups, never inside the comment textarea or editor', async () => {
    const sizes = await highlightSizes(page);
    expect(sizes['place']).toBeGreaterThan(0);
    expect(sizes['group']).toBeGreaterThan(0);
    const inEditable = await page.evaluate(() => {
      let n = 0;
      for (const [name, h] of CSS.highlights as unknown as Map<string, Iterable<AbstractRange>>) {
        if (!name.startsWith('khabar-')) continue;
        for (const r of h) if (r.startContainer.parentElement?.closest('textarea, [contenteditable]')) n++;
      }
      return n;
    });
    expect(inEditable).toBe(0);
  });

  it('scanned in slices well under the long-task limit', async () => {
    await waitFor(async () => scanStats, { what: 'the scan stats line' });
    expect(scanStats!.mentions).toBeGreaterThan(0);
    expect(scanStats!.longestSliceMs).toBeLessThan(LONG_TASK_MS);
  });

  it('shows the card of a hovered place with its coverage, soon after the dwell', async () => {
    const { tookMs, card } = await hoverAndCheck(page, article().id, 'place', 'article');
    // The dwell, plus a frame or two (and slack for a loaded test machine).
    expect(tookMs).toBeLessThan(HOVER_DWELL_MS + 1000);
    // The reader moves onto the card to read it: it stays open past the grace period.
    await page.mouse.move(card.inside.x, card.inside.y, { steps: 4 });
    await page.waitForTimeout(CLOSE_GRACE_MS * 2);
    expect((await cardView(page))?.name).toBe(card.name);
    await leave(page);
  });

  it('shows the card of a hovered group with its coverage', async () => {
    await hoverAndCheck(page, article().id, 'group', 'article');
    await leave(page);
  });

  it('steps to a name with the next-name command, opens its card, and closes it on Escape', async () => {
    await page.mouse.move(5, 5);
    await harness.command('next-name', page);
    const card = await waitForCard(page, 'the card opened from the keyboard');
    expect(card.name).toBeTruthy();
    const current = await page.evaluate(() => {
      const h = CSS.highlights.get('khabar-current') as unknown as Set<AbstractRange> | undefined;
      const r = h && [...h][0];
      if (!r) return null;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const rect = range.getBoundingClientRect();
      return { text: range.toString(), visible: rect.top >= 0 && rect.bottom <= innerHeight };
    });
    expect(current?.text).toBeTruthy();
    expect(current?.visible).toBe(true);
    await harness.command('next-name', page);
    await page.keyboard.press('Escape');
    await waitFor(async () => ((await cardView(page)) === null ? true : undefined), { what: 'Escape to close the card' });
    expect((await highlightSizes(page))['current']).toBe(0);
  });

  it('leaves the page DOM as the server sent it, apart from its one host element', async () => {
    const state = await page.evaluate(() => ({
      bodySame: document.body.outerHTML === (window as unknown as Record<string, string>)['__khabarTestBody'],
      headSame: document.head.outerHTML === (window as unknown as Record<string, string>)['__khabarTestHead'],
      htmlChildren: [...document.documentElement.children].map((e) => e.tagName.toLowerCase()),
      hostShadowMode: document.querySelector('khabar-lens-card')?.shadowRoot ? 'open' : 'none',
    }));
    expect(state).toEqual({ bodySame: true, headSame: true, htmlChildren: ['head', 'body', HOST_ELEMENT_NAME], hostShadowMode: 'open' });
    expect(pageErrorsOf(page)).toEqual([]);
  });

  // Last in this block: axe runs in the page, and the dark case restyles the page.
  it('the card passes axe (WCAG 2 A and AA, contrast included) in light and in dark', async () => {
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const audit = () =>
      page.evaluate(async (hostName) => {
        type Rule = { id: string; nodes: unknown[] };
        const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Rule[] }> } }).axe;
        const card = document.querySelector(hostName)!.shadowRoot!.querySelector('.khabar-card');
        const result = await axe.run(
          card,
          { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } },
        );
        // axe cannot tell the contrast inside the overlay (it reports "incomplete"): measure it
        // here, WCAG's way, for every element with text of its own against its opaque background.
        const rgb = (v: string) => {
          const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(v);
          return m ? { c: [Number(m[1]), Number(m[2]), Number(m[3])], a: m[4] === undefined ? 1 : Number(m[4]) } : null;
        };
        const lum = (c: number[]) =>
          c.map((x) => x / 255).map((x) => (x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4)).reduce((s, x, i) => s + x * [0.2126, 0.7152, 0.0722][i]!, 0);
        const ratios: { text: string; ratio: number }[] = [];
        for (const el of [card!, ...card!.querySelectorAll('*')]) {
          if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) continue;
          if (el.closest('.kc-sr, [aria-hidden="true"]') && !el.closest('.kc-rel-count')) continue;
          const fg = rgb(getComputedStyle(el).color);
          let bg: ReturnType<typeof rgb> = null;
          for (let b: Element | null = el; b && !bg; b = b.parentElement) {
            const c = rgb(getComputedStyle(b).backgroundColor);
            if (c && c.a > 0.9) bg = c;
          }
          if (!fg || !bg) continue;
          const [hi, lo] = [lum(fg.c), lum(bg.c)].sort((a, b) => b - a) as [number, number];
          ratios.push({ text: el.textContent!.trim().slice(0, 20), ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 10) / 10 });
        }
        return {
          violations: result.violations.map((v) => `${v.id} (${v.nodes.length})`),
          checked: ratios.length,
          lowContrast: ratios.filter((r) => r.ratio < 4.5),
        };
      }, HOST_ELEMENT_NAME);
    await hoverAndCheck(page, article().id, 'place', 'article');
    const light = await audit();
    expect(light.violations).toEqual([]);
    expect(light.lowContrast).toEqual([]);
    expect(light.checked).toBeGreaterThan(10);
    await leave(page);

    // A site in dark mode: the card follows the page.
    await page.evaluate(() => {
      document.body.style.background = 'rgb(20, 20, 22)';
      document.body.style.color = 'rgb(230, 230, 230)';
      document.querySelector('main')!.style.background = 'rgb(20, 20, 22)';
    });
    await hoverAndCheck(page, article().id, 'group', 'article');
    const theme = await page.evaluate((hostName) => document.querySelector(hostName)!.shadowRoot!.querySelector('.khabar-card')!.getAttribute('data-theme'), HOST_ELEMENT_NAME);
    expect(theme).toBe('dark');
    const dark = await audit();
    expect(dark.violations).toEqual([]);
    expect(dark.lowContrast).toEqual([]);
    expect(dark.checked).toBeGreaterThan(10);
    await leave(page);
  });
});

describe('every article page', () => {
  it('every distinct place and group the corpus finds in an article is highlighted there and opens its own card', { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    let hovered = 0;
    for (const a of bundle.articles) {
      const page = await harness.open(`/article/${encodeURIComponent(a.id)}.html`);
      await waitFor(async () => ((await highlightSizes(page))['place']! > 0 ? true : undefined), { what: `highlights on article ${a.id}` });
      const seen = new Set<string>();
      for (const category of ['place', 'group'] as const) {
        for (const m of corpusMentions(a.id, category)) {
          if (seen.has(m.entityId)) continue;
          const box = await findHighlighted(page, category, m.text, 'article');
          if (!box) continue; // another spelling of the same entity may be the highlighted one
          seen.add(m.entityId);
          const expected = expectedCard(m.entityId);
          // The last card may cover this name (a reader would move away first): Escape closes it.
          await page.keyboard.press('Escape');
          await waitFor(async () => ((await cardView(page)) === null ? true : undefined), { what: 'the card to close' });
          await hover(page, box.x, box.y);
          try {
            const card = await waitForCard(page, `the card of ${m.text}`, expected.name, 3000);
            if (expected.headline && card.headlines[0] !== expected.headline) problems.push(`${a.id} ${m.text}: coverage starts with "${card.headlines[0]}"`);
            if (card.marks.length === 0) problems.push(`${a.id} ${m.text}: no marked snippet`);
            hovered++;
          } catch {
            problems.push(`${a.id} ${m.text}: card "${(await cardView(page))?.name}" instead of "${expected.name}"`);
          }
        }
      }
      const all = new Set(
        [...corpusMentions(a.id, 'place'), ...corpusMentions(a.id, 'group')].map((m) => m.entityId),
      );
      for (const id of all) if (!seen.has(id)) problems.push(`${a.id} ${id}: not highlighted in the article`);
      expect(pageErrorsOf(page)).toEqual([]);
      await page.close();
    }
    expect(problems).toEqual([]);
    expect(hovered).toBeGreaterThan(bundle.articles.length * 3);
  });
});

describe('pages that make it hard', () => {
  it('names inside an open shadow root are highlighted and hoverable', async () => {
    const page = await harness.open('/own/shadow.html');
    const found = await waitFor(async () => {
      const box = await page.evaluate(() => {
        const h = CSS.highlights.get('khabar-place') as unknown as Set<AbstractRange> | undefined;
        const root = document.querySelector('news-article')!.shadowRoot!;
        for (const r of h ?? []) {
          if (r.startContainer.getRootNode() !== root) continue;
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const rect = range.getClientRects()[0];
          if (rect && rect.top > 0 && rect.bottom < innerHeight) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text: range.toString() };
        }
        return undefined;
      });
      return box ?? undefined;
    }, { what: 'a highlighted place inside the shadow root' });
    await hover(page, found.x, found.y);
    const card = await waitForCard(page, `the card of ${found.text} in the shadow root`);
    expect(card.name).toBeTruthy();
    expect(card.marks.length).toBeGreaterThan(0);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.close();
  });

  it('a hostile page that clears the highlights and removes the host gets them back, and sees no errors', async () => {
    const page = await harness.open('/own/hostile.html');
    // After the page's attack (at 1.5 s) and the scan of the paragraph it added.
    await page.waitForTimeout(2500);
    await waitFor(async () => ((await highlightSizes(page))['place']! > 0 ? true : undefined), {
      what: 'the highlights to be registered again',
    });
    const styled = await page.evaluate(() =>
      document.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r.cssText.includes('::highlight(khabar-place)'))),
    );
    expect(styled).toBe(true);
    const box = await findHighlighted(page, 'place', 'البوكمال', '#a');
    expect(box).not.toBeNull();
    // The page removes the card's host from <html> as soon as it is added: the card moves into
    // <body> and shows there, and nothing of it throws into the page.
    await hover(page, box!.x, box!.y);
    await waitForCard(page, 'the card on a page that removes foreign children of <html>');
    await page.waitForTimeout(HOVER_DWELL_MS + 500);
    await harness.command('next-name', page);
    await page.waitForTimeout(300);
    const errors = await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors);
    expect(errors).toEqual([]);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.close();
  });
});

describe('pages whose content arrives later', () => {
  it('infinite scroll: articles appended on scrolling get highlighted and hoverable', async () => {
    const page = await harness.open('/infinite.html');
    await waitFor(async () => ((await highlightSizes(page))['place']! > 0 ? true : undefined), { what: 'first highlights' });
    const before = await highlightSizes(page);
    const total = bundle.articles.length;
    await waitFor(async () => {
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const n = await page.evaluate(() => document.querySelectorAll('#stream article').length);
      return n >= total ? n : undefined;
    }, { what: 'all articles to arrive', timeout: 20_000, interval: 250 });
    const last = bundle.articles[total - 1]!;
    const within = `#stream article[data-article-id="${last.id}"]`;
    await waitFor(async () => ((await findHighlighted(page, 'place', null, within)) ? true : undefined), {
      what: 'highlights in the appended article',
    });
    const after = await highlightSizes(page);
    expect(after['place']! + after['group']!).toBeGreaterThan(before['place']! + before['group']!);
    await hoverAndCheck(page, last.id, 'place', within);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.close();
  });

  it('single-page app: the swapped-in article gets highlighted, the old one is forgotten', async () => {
    const page = await harness.open('/spa.html');
    const first = bundle.articles[0]!;
    const second = bundle.articles[1] ?? first;
    await waitFor(async () => ((await findHighlighted(page, 'place', null, `#app article[data-article-id="${first.id}"]`)) ? true : undefined), {
      what: 'highlights in the first rendered article',
    });
    await page.click(`#links a[data-id="${second.id}"]`);
    const within = `#app article[data-article-id="${second.id}"]`;
    await waitFor(async () => ((await findHighlighted(page, 'place', null, within)) ? true : undefined), {
      what: 'highlights in the swapped-in article',
    });
    // Ranges into the removed article are dropped, not left dangling.
    await waitFor(async () => {
      const stale = await page.evaluate(() => {
        let n = 0;
        for (const [name, h] of CSS.highlights as unknown as Map<string, Iterable<AbstractRange>>) {
          if (name.startsWith('khabar-')) for (const r of h) if (!r.startContainer.isConnected) n++;
        }
        return n;
      });
      return stale === 0 ? true : undefined;
    }, { what: 'stale ranges to go' });
    await hoverAndCheck(page, second.id, 'place', within);
    expect(pageErrorsOf(page)).toEqual([]);
    await page.close();
  });

  it('same-origin iframe: the framed article is highlighted and its names open a card in the frame', async () => {
    const page = await harness.open('/iframe.html');
    const embedded = bundle.articles[bundle.articles.length > 1 ? 1 : 0]!;
    const frame = await waitFor(async () => page.frames().find((f) => f.url().includes('/embed/')), { what: 'the iframe' });
    await waitFor(async () => ((await highlightSizes(frame))['place']! > 0 ? true : undefined), { what: 'highlights in the iframe' });
    let box: Box | null = null;
    let expected: { name: string } | undefined;
    for (const m of corpusMentions(embedded.id, 'place')) {
      box = await findHighlighted(frame, 'place', m.text, 'article');
      if (box) {
        expected = expectedCard(m.entityId);
        break;
      }
    }
    expect(box).not.toBeNull();
    const offset = (await (await frame.frameElement()).boundingBox())!;
    // findHighlighted scrolled the frame (and the page) to the name: let layout settle first.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    await hover(page, offset.x + box!.x, offset.y + box!.y);
    const card = await waitForCard(frame, 'the card inside the iframe', expected!.name);
    expect(card.name).toBe(expected!.name);
    expect(await cardView(page)).toBeNull();
    expect(pageErrorsOf(page)).toEqual([]);
    await page.close();
  });

  it('an English page is left alone: no highlights, no host element', async () => {
    const page = await harness.open('/english.html');
    await page.waitForTimeout(1500);
    const state = await page.evaluate(() => ({
      highlights: [...(CSS.highlights as unknown as Map<string, unknown>).keys()].filter((k) => k.startsWith('khabar-')),
      host: document.querySelector('khabar-lens-card') !== null,
    }));
    expect(state).toEqual({ highlights: [], host: false });
    await page.close();
  });
});
