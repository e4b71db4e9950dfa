/**
 * Screenshots of the built extension in headless Chromium (docs/screenshots/): the hover card on
 * an article page, the popup (search, a card, names on the page, a site switched off), the side
 * panel, in Arabic, each a small PNG. `tsx scripts/screenshots.ts PREFIX` after `npm run build`.
 */
import { join } from 'node:path';
import { ROOT } from '../test/e2e/fixtures/make-pages.ts';
import { Harness, waitFor } from '../test/e2e/harness.ts';
import { outletScreenshots } from './outlet-screenshots.ts';

const prefix = process.argv[2] ?? 'shot';
const out = (name: string) => join(ROOT, 'docs', 'screenshots', `${prefix}-${name}.png`);

const h = await Harness.launch();
try {
  await h.waitForReady();
  const article = await h.open('/article/000.html');
  const tabId = await h.tabId(article);
  await waitFor(async () => (Object.keys(await h.send({ type: 'getTabNames', tabId })).length > 5 ? true : undefined), {
    what: 'names',
    timeout: 30_000,
  });
  await article.bringToFront();
  await article.keyboard.press('Alt+Shift+KeyN');
  await waitFor(async () =>
    (await article.evaluate(() => !!document.querySelector('khabar-lens-card')?.shadowRoot?.querySelector('.khabar-card'))) ? true : undefined,
  );
  await new Promise((r) => setTimeout(r, 500));
  // The card and the text around it, not the whole page (small files).
  const box = await article.locator('.khabar-card').boundingBox();
  if (box) {
    const x = Math.max(0, box.x - 60);
    const y = Math.max(0, box.y - 70);
    await article.screenshot({ path: out('card'), clip: { x, y, width: Math.min(1280 - x, box.width + 120), height: Math.min(900 - y, box.height + 110) } });
  }

  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 400, height: 560 });
  await popup.goto(`${h.extensionOrigin}/popup.html?tab=${tabId}`);
  await popup.locator('.page-name').first().waitFor();
  await popup.screenshot({ path: out('popup-names') });
  for (const [q, name] of [['bukamal', 'bukamal'], ['Alwaght', 'alwaght'], ['Abbas al-Zein', 'person'], ['Abbas al-Zein', 'outlet-chip']] as const) {
    if (name === 'outlet-chip') break;
    await popup.getByRole('combobox').fill(q);
    await popup.getByRole('option').first().waitFor();
    if (name === 'bukamal') await popup.screenshot({ path: out('popup-search') });
    await popup.getByRole('combobox').press('Enter');
    await popup.locator('.khabar-card').waitFor();
    await popup.screenshot({ path: out(`popup-card-${name}`) });
    await popup.getByRole('button', { name: 'رجوع' }).click();
  }
  const toggle = popup.getByRole('switch');
  await toggle.uncheck();
  await new Promise((r) => setTimeout(r, 1500));
  await popup.reload();
  await new Promise((r) => setTimeout(r, 1500));
  await popup.screenshot({ path: out('popup-off') });
  await popup.getByRole('switch').check();

  const side = await h.context.newPage();
  await side.setViewportSize({ width: 400, height: 560 });
  await side.goto(`${h.extensionOrigin}/sidepanel.html`);
  await side.locator('.sources > li').first().waitFor();
  await side.screenshot({ path: out('sidepanel') });
  await outletScreenshots(h, out);

} finally {
  await h.close();
}
