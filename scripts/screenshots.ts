/**
 * Screenshots of the built extension in headless Chromium (docs/screenshots/): the hover card on
 * an article page, the popup (search, a card, names on the page, a site switched off), the side
 * panel and the options page, in Arabic. `tsx scripts/screenshots.ts PREFIX` after `npm run build`.
 */
import { join } from 'node:path';
import { ROOT } from '../test/e2e/fixtures/make-pages.ts';
import { Harness, waitFor } from '../test/e2e/harness.ts';

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
  await article.screenshot({ path: out('card') });

  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`${h.extensionOrigin}/popup.html?tab=${tabId}`);
  await popup.locator('.page-name').first().waitFor();
  await popup.screenshot({ path: out('popup-names'), fullPage: true });
  for (const [q, name] of [['bukamal', 'bukamal'], ['Alwaght', 'alwaght'], ['Abbas al-Zein', 'person'], ['Abbas al-Zein', 'outlet-chip']] as const) {
    if (name === 'outlet-chip') break;
    await popup.getByRole('combobox').fill(q);
    await popup.getByRole('option').first().waitFor();
    if (name === 'bukamal') await popup.screenshot({ path: out('popup-search') });
    await popup.getByRole('combobox').press('Enter');
    await popup.locator('.khabar-card').waitFor();
    await popup.screenshot({ path: out(`popup-card-${name}`), fullPage: true });
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
  await side.setViewportSize({ width: 420, height: 800 });
  await side.goto(`${h.extensionOrigin}/sidepanel.html`);
  await side.locator('.sources > li').first().waitFor();
  await side.screenshot({ path: out('sidepanel') });

  const options = await h.context.newPage();
  await options.setViewportSize({ width: 800, height: 900 });
  await options.goto(`${h.extensionOrigin}/options.html`);
  await new Promise((r) => setTimeout(r, 1000));
  await options.screenshot({ path: out('options') });
} finally {
  await h.close();
}
