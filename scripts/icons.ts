/**
 * The extension's icons, public/icon/{16,32,48,96,128}.png, from assets/icon.svg, rasterised by
 * the project's own Chromium (playwright-core, as the end-to-end tests run it): no image tool to
 * install. The PNGs are committed, so a build does not need this; run it after editing the SVG:
 * `npx tsx scripts/icons.ts`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
const ROOT = join(import.meta.dirname, '..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

async function main(): Promise<void> {
  const svg = readFileSync(join(ROOT, 'assets', 'icon.svg'), 'utf8');
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const outDir = join(ROOT, 'public', 'icon');
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless=new'] });
  try {
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      await page.screenshot({ path: join(outDir, `${size}.png`), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(`public/icon/${size}.png`);
    }
  } finally {
    await browser.close();
  }
}

await main();
