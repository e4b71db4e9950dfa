/**
 * What end-to-end tests read off a page the way a reader sees it: the highlighted ranges (the CSS
 * Custom Highlight API's registry, khabar-<category>), a card opened by hovering like a reader,
 * and axe-core's audit of an extension page. Shared by the e2e files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { HOST_ELEMENT_NAME } from '../../lib/constants.ts';
import { ROOT } from './fixtures/make-pages.ts';
import { waitFor } from './harness.ts';

export const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** The page's highlighted ranges (any category) whose text is `text`. */
export function highlightedCount(page: Page, text: string): Promise<number> {
  return page.evaluate((wanted) => {
    let n = 0;
    for (const key of ['place', 'group', 'person', 'outlet']) {
      const h = CSS.highlights.get(`khabar-${key}`);
      if (!h) continue;
      for (const r of h as unknown as Iterable<AbstractRange>) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() === wanted) n++;
      }
    }
    return n;
  }, text);
}

/** All highlighted ranges on the page. */
export function highlightTotal(page: Page): Promise<number> {
  return page.evaluate(() =>
    ['place', 'group', 'person', 'outlet'].reduce((n, k) => n + (CSS.highlights.get(`khabar-${k}`)?.size ?? 0), 0),
  );
}

/** The viewport centre of the first highlighted range with text `text`, scrolled into view. */
export function findHighlighted(page: Page, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((wanted) => {
    for (const key of ['place', 'group', 'person', 'outlet']) {
      const h = CSS.highlights.get(`khabar-${key}`);
      if (!h) continue;
      for (const r of h as unknown as Iterable<AbstractRange>) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() !== wanted) continue;
        r.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
        const rect = range.getClientRects()[0];
        if (!rect || rect.width === 0) continue;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, text);
}

/** Hover `text`'s highlight the way a reader does (approach, then rest) and wait for its card. */
export async function openCard(page: Page, text: string, entityName: string): Promise<void> {
  await page.bringToFront();
  const box = await waitFor(() => findHighlighted(page, text).then((b) => b ?? undefined), { what: `a highlight of ${text}` });
  await page.mouse.move(box.x + 60, box.y + 45);
  await page.mouse.move(box.x, box.y, { steps: 6 });
  await waitFor(
    () =>
      page.evaluate(
        ([host, name]) => document.querySelector(host!)?.shadowRoot?.querySelector('.khabar-card h2')?.textContent === name || undefined,
        [HOST_ELEMENT_NAME, entityName] as const,
      ),
    { what: `the card of ${entityName}` },
  );
}

/** The open card's text (the hover card in the page's shadow root). */
export function cardText(page: Page): Promise<string> {
  return page.evaluate((host) => document.querySelector(host)?.shadowRoot?.querySelector('.khabar-card')?.textContent ?? '', HOST_ELEMENT_NAME);
}

export async function loadAxe(page: Page): Promise<void> {
  if (!(await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object'))) {
    await page.addScriptTag({ content: AXE_SOURCE }).catch(() => undefined);
    if (!(await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object'))) await page.evaluate(AXE_SOURCE);
  }
}

/** axe-core's violations on an extension page (the whole document). */
export async function axePage(page: Page): Promise<string[]> {
  await loadAxe(page);
  return page.evaluate(async () => {
    const a = (globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await a.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}

/**
 * In the page itself, every 5 ms: the first time (Date.now()) `text` is highlighted, so the
 * test's own polling does not add to the measured delay.
 */
export function watchHighlight(p: Page, text: string): Promise<void> {
  return p.evaluate((wanted) => {
    const w = window as unknown as { __seenAt?: number };
    delete w.__seenAt;
    const timer = setInterval(() => {
      for (const key of ['place', 'group', 'person', 'outlet']) {
        for (const r of (CSS.highlights.get(`khabar-${key}`) ?? []) as unknown as Iterable<AbstractRange>) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (range.toString() === wanted) {
            w.__seenAt = Date.now();
            clearInterval(timer);
            return;
          }
        }
      }
    }, 5);
  }, text);
}
