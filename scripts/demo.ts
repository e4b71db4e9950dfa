/**
 * `npm run demo`: the built extension in Chromium on a news page made from the corpus (all the
 * articles, served from 127.0.0.1). Prints the names the extension found (from the background's
 * per-tab report, the same numbers as the toolbar badge) and the text of the hover card of the
 * first highlighted name. Headless (and exits) in CI or without a display; otherwise the browser
 * stays open until Ctrl-C.
 */
import { categoryOf, type EntityKind } from '../core/types.ts';
import { HOST_ELEMENT_NAME } from '../lib/constants.ts';
import type { PageNames } from '../lib/messages.ts';
import { Harness, waitFor } from '../test/e2e/harness.ts';

const DEMO_PATH = '/demo.html';

function wantHeadless(): boolean {
  if (process.argv.includes('--headless')) return true;
  if (process.argv.includes('--headed')) return false;
  return Boolean(process.env['CI']) || (!process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']);
}

/** The tab's names once the scan has settled (the same report for two polls in a row). */
async function settledNames(h: Harness, tabId: number): Promise<PageNames> {
  let last = '';
  return waitFor(
    async () => {
      const names = await h.send({ type: 'getTabNames', tabId });
      const key = JSON.stringify(names);
      const stable = key === last && Object.keys(names).length > 0;
      last = key;
      return stable ? names : undefined;
    },
    { timeout: 60_000, interval: 500, what: 'the page scan' },
  );
}

/**
 * The first highlighted name of the first article, in document order: its text and a point on it.
 * Read in the page's main world: CSS.highlights is one registry per document, shared with the
 * content script's isolated world.
 */
function firstHighlight(page: import('playwright-core').Page) {
  return page.evaluate(() => {
    const ranges: AbstractRange[] = [];
    for (const [name, h] of CSS.highlights) if (name.startsWith('khabar-')) ranges.push(...(h as unknown as Iterable<AbstractRange>));
    const inArticle = ranges.filter((r) => r.startContainer.parentElement?.closest('article'));
    const live = inArticle.map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range;
    });
    live.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const first = live[0];
    if (!first) return null;
    first.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    const rect = first.getClientRects()[0];
    return rect ? { text: first.toString(), x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, ranges: live.length } : null;
  });
}

async function cardText(page: import('playwright-core').Page): Promise<string | undefined> {
  return waitFor(
    () =>
      page.evaluate((host) => {
        const card = document.querySelector(host)?.shadowRoot?.querySelector('.khabar-card') as HTMLElement | null;
        const text = card?.innerText.trim();
        // Loaded once the card shows its name (an h2) and is not just "loading".
        return text && card?.querySelector('h2') ? text : undefined;
      }, HOST_ELEMENT_NAME),
    { timeout: 10_000, interval: 50, what: 'the hover card' },
  );
}

async function main(): Promise<void> {
  const headless = wantHeadless();
  const h = await Harness.launch({ headless });
  let closing = false;
  const close = async (code: number) => {
    if (closing) return;
    closing = true;
    await h.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void close(0));
  process.on('SIGTERM', () => void close(0));

  try {
    const status = await h.waitForReady();
    console.log(`Khabar Lens demo — bundle ${status.bundleVersion}, extension ${h.extensionId}`);
    const page = await h.open(DEMO_PATH);
    console.log(`page: ${page.url()}`);
    const tabId = await h.tabId(page);
    const names = await settledNames(h, tabId);
    const badge = await h.badgeText(page);

    const rows: { name: string; nameEn: string; kind: EntityKind; count: number }[] = [];
    for (const [id, count] of Object.entries(names)) {
      const card = await h.send({ type: 'getCard', entityId: id });
      if (card) rows.push({ name: card.entity.name, nameEn: card.entity.nameEn, kind: card.entity.kind, count });
    }
    rows.sort((a, b) => b.count - a.count || a.nameEn.localeCompare(b.nameEn));
    console.log(`\n${rows.length} distinct names highlighted (toolbar badge: "${badge}"):`);
    const width = Math.max(...rows.map((r) => r.name.length));
    for (const r of rows) {
      console.log(`  ${String(r.count).padStart(4)}×  ${r.name.padEnd(width)}  ${r.nameEn} — ${r.kind} (${categoryOf(r.kind)})`);
    }

    const first = await firstHighlight(page);
    if (!first) throw new Error('no highlighted name on the demo page');
    await page.mouse.move(first.x + 40, first.y + 30);
    await page.mouse.move(first.x, first.y, { steps: 5 });
    const text = await cardText(page);
    console.log(`\nHover card for the first highlighted name, “${first.text}”:\n`);
    console.log(text!.split('\n').filter((l) => l.trim()).map((l) => `  │ ${l}`).join('\n'));

    const foreign = h.foreignRequests();
    console.log(`\nrequests outside 127.0.0.1 and the extension: ${foreign.length}`);
    if (foreign.length > 0) for (const r of foreign) console.log(`  ${r.method} ${r.url}`);
    if (h.pageErrors.length > 0) console.log(`page errors: ${h.pageErrors.map((e) => e.message).join('; ')}`);

    if (headless) {
      await close(foreign.length === 0 && h.pageErrors.length === 0 ? 0 : 1);
    } else {
      console.log('\nThe browser stays open: hover the names. Ctrl-C to quit.');
      await page.bringToFront();
      h.context.on('close', () => void close(0));
    }
  } catch (e) {
    console.error(`demo failed: ${e instanceof Error ? e.message : String(e)}`);
    await close(1);
  }
}

void main();
