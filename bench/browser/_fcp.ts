import { chromium } from 'playwright-core';
import { makeBenchPages } from './pages.ts';
import { serveFixtures } from '../../test/e2e/harness.ts';
const b = makeBenchPages();
const server = await serveFixtures(b.pages);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
for (const p of [b.article.path, b.long.path]) for (let i = 0; i < 4; i++) {
  const page = await browser.newPage();
  await page.addInitScript(() => { document.addEventListener('DOMContentLoaded', () => { (window as any).__raf = new Promise(r => requestAnimationFrame(() => r(performance.now()))); }); });
  await page.goto(server.origin + p, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  console.log(p, JSON.stringify(await page.evaluate(async () => ({ dcl: (performance.getEntriesByType('navigation')[0] as any).domContentLoadedEventStart, raf: await (window as any).__raf, paints: performance.getEntriesByType('paint').map(e => [e.name, Math.round(e.startTime)]) }))));
  await page.close();
}
await browser.close(); await server.close();
