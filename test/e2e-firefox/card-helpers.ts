/**
 * Reading the page as a reader sees it, in Firefox (puppeteer-core Pages): a highlighted name's
 * box, its card opened by hovering like a reader, and the card's sections (the map, the outlets,
 * the timeline, the articles) as text, and axe-core's audit (shared with firefox.e2e.ts). The Chromium suite's test/e2e/page-helpers.ts, for the
 * puppeteer API; everything is read through the page's own world (Xray wrappers: see
 * firefox.e2e.ts), as a page script could.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { HOST_ELEMENT_NAME } from '../../lib/constants.ts';
import { ROOT } from '../e2e/fixtures/make-pages.ts';
import { waitFor } from '../e2e/harness.ts';

/** The viewport centre of the first highlighted range (any category) with text `text`, scrolled into view. */
export function highlightBox(page: Page, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((wanted) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    for (const key of ['place', 'group', 'person', 'outlet']) {
      for (const r of registry.get(`khabar-${key}`) ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() !== wanted) continue;
        r.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
        const rect = range.getClientRects()[0];
        if (rect && rect.width > 0) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, text);
}

/** How many highlighted ranges (any category) read `text`. */
export function highlightedCount(page: Page, text: string): Promise<number> {
  return page.evaluate((wanted) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    let n = 0;
    for (const key of ['place', 'group', 'person', 'outlet']) {
      for (const r of registry.get(`khabar-${key}`) ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() === wanted) n++;
      }
    }
    return n;
  }, text);
}

/** The open card as the reader sees it, or null when none is open. */
export interface CardText {
  name: string | null;
  /** Each listed article's text (the reader's own come first). */
  articles: string[];
  map: { label: string | null; dot: boolean; dotInCountry: boolean; none: string | null };
  outletsHeading: string | null;
  outletsLine: string | null;
  timelineHeading: string | null;
  days: string[];
}

export function cardText(page: Page): Promise<CardText | null> {
  return page.evaluate((hostName) => {
    const card = document.querySelector(hostName)?.shadowRoot?.querySelector('.khabar-card');
    if (!card) return null;
    const text = (sel: string) => card.querySelector(sel)?.textContent ?? null;
    const svg = card.querySelector('svg.kc-map');
    const dot = svg?.querySelector('.kc-map-place') as SVGCircleElement | null;
    const home = svg?.querySelector('.kc-map-home') as SVGPathElement | null;
    return {
      name: text('h2'),
      articles: [...card.querySelectorAll('.kc-article')].map((a) => a.textContent ?? ''),
      map: {
        label: svg?.getAttribute('aria-label') ?? null,
        dot: !!dot,
        // The browser's own hit test: the dot lies inside the outline of the place's country.
        dotInCountry: !!(dot && home?.isPointInFill(new DOMPoint(dot.cx.baseVal.value, dot.cy.baseVal.value))),
        none: text('.kc-map-none'),
      },
      outletsHeading: text('.kc-outlets h3'),
      outletsLine: text('.kc-outlets-line'),
      timelineHeading: text('.kc-timeline h3'),
      days: [...card.querySelectorAll('.kc-day')].map((d) => d.getAttribute('data-date') ?? ''),
    };
  }, HOST_ELEMENT_NAME);
}

/**
 * Hover `text`'s highlight as a reader does (away, approach, rest) and wait until the card of
 * `entityName` is open and `ready` says its content has come.
 */
export async function openCard(page: Page, text: string, entityName: string, ready: (c: CardText) => boolean = () => true): Promise<CardText> {
  if (await cardText(page)) await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  await waitFor(async () => ((await cardText(page)) === null ? true : undefined), { what: 'no card open' });
  const box = await waitFor(async () => (await highlightBox(page, text)) ?? undefined, { what: `a highlight of ${text}`, timeout: 30_000 });
  await page.mouse.move(box.x + 60, box.y + 45);
  await page.mouse.move(box.x, box.y, { steps: 6 });
  return waitFor(async () => {
    const c = await cardText(page);
    return c?.name === entityName && ready(c) ? c : undefined;
  }, { what: `the card of ${entityName}`, timeout: 15_000 });
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2 A/AA violations (id: first target) on a page, or inside the open shadow root
 * of `host` when given (the card), as the Chromium suites audit them.
 */
export async function axeViolations(page: Page, host: string | null): Promise<string[]> {
  if (!(await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (hostName) => {
    const axe = (globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const context = hostName ? { include: [[[hostName, '.khabar-card']]] } : document;
    const result = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes[0]?.target)}`);
  }, host);
}
