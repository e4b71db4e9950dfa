/**
 * Screenshots of how outlets name an entity and its coverage by date (issue 14): the hover card
 * on the article fixture (the outlet line and timeline; the full list opened) and the side panel
 * with one name selected, in Arabic and in English. scripts/screenshots.ts takes them with the
 * rest; on their own: `npx tsx scripts/outlet-screenshots.ts PREFIX` after `npm run build`.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../test/e2e/fixtures/make-pages.ts';
import { Harness, waitFor } from '../test/e2e/harness.ts';

declare const chrome: typeof import('wxt/browser').Browser;

const HOST = 'khabar-lens-card';
/** The name hovered: the corpus's most differently named group. */
const NAME = 'داعش';
const ENTITY = 'group:isis';

async function hoverName(page: Page, text: string): Promise<void> {
  if (await page.evaluate((host) => !!document.querySelector(host)?.shadowRoot?.querySelector('.khabar-card'), HOST)) {
    await page.keyboard.press('Escape');
  }
  await page.mouse.move(5, 5);
  await new Promise((r) => setTimeout(r, 600));
  const box = await page.evaluate((wanted) => {
    const hl = CSS.highlights.get('khabar-group') as unknown as Iterable<AbstractRange> | undefined;
    for (const r of hl ?? []) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (range.toString() !== wanted) continue;
      r.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
      const b = range.getClientRects()[0];
      if (b && b.width > 0) return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
    return null;
  }, text);
  if (!box) throw new Error(`${text} is not highlighted`);
  await page.mouse.move(box.x + 60, box.y + 45);
  await page.mouse.move(box.x, box.y, { steps: 6 });
  await waitFor(async () =>
    (await page.evaluate((host) => !!document.querySelector(host)?.shadowRoot?.querySelector('.kc-outlets'), HOST)) ? true : undefined,
  { what: 'the card with its outlet section' });
  await new Promise((r) => setTimeout(r, 400));
}

async function shootCard(page: Page, path: string): Promise<void> {
  const box = await page.locator(`${HOST} .khabar-card`).boundingBox();
  if (!box) return;
  const x = Math.max(0, box.x - 20);
  const y = Math.max(0, box.y - 20);
  await page.screenshot({ path, clip: { x, y, width: Math.min(1280 - x, box.width + 40), height: Math.min(900 - y, box.height + 40) } });
}

export async function outletScreenshots(h: Harness, out: (name: string) => string): Promise<void> {
  const article = await h.open('/article/002.html');
  const tabId = await h.tabId(article);
  await waitFor(async () => (Object.keys(await h.send({ type: 'getTabNames', tabId })).length > 3 ? true : undefined), {
    what: 'names',
    timeout: 30_000,
  });
  const sw = await h.serviceWorker();
  const setLang = (lang: 'ar' | 'en') =>
    sw.evaluate(async (l) => {
      const { settings } = (await chrome.storage.local.get('settings')) as { settings?: Record<string, unknown> };
      await chrome.storage.local.set({ settings: { ...(settings ?? {}), lang: l } });
    }, lang);

  const side = await h.context.newPage();
  await side.setViewportSize({ width: 400, height: 760 });
  await side.goto(`${h.extensionOrigin}/sidepanel.html?tab=${tabId}`);
  await side.locator(`.chip[data-entity="${ENTITY}"]`).click();
  await side.getByTestId('entity-outlets').waitFor();

  for (const lang of ['ar', 'en'] as const) {
    await setLang(lang);
    await new Promise((r) => setTimeout(r, 800));
    await article.bringToFront();
    await hoverName(article, NAME);
    await shootCard(article, out(`card-outlets-${lang}`));
    await article.locator(`${HOST} .kc-outlets-more summary`).click();
    await article.locator(`${HOST} .kc-outlet-list`).waitFor();
    await article.locator(`${HOST} .kc-outlets`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await new Promise((r) => setTimeout(r, 300));
    await shootCard(article, out(`card-outlets-open-${lang}`));

    await side.bringToFront();
    await side.getByTestId('entity-outlets').scrollIntoViewIfNeeded();
    await new Promise((r) => setTimeout(r, 300));
    await side.getByTestId('entity-outlets').screenshot({ path: out(`sidepanel-outlets-${lang}`) });
  }
  await setLang('ar');
  await side.close();
  await article.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const prefix = process.argv[2] ?? 'outlets';
  const h = await Harness.launch();
  try {
    await h.waitForReady();
    await outletScreenshots(h, (name) => join(ROOT, 'docs', 'screenshots', `${prefix}-${name}.png`));
  } finally {
    await h.close();
  }
}
