import { Harness, EXTENSION_DIR } from '../../test/e2e/harness.ts';
import { makeBenchPages } from './pages.ts';
const b = makeBenchPages();
console.log(b.long, b.article);
const h = await Harness.launch({ extensionDir: EXTENSION_DIR, pages: b.pages });
await h.waitForReady();
for (let run = 0; run < 3; run++) {
  const page = await h.context.newPage();
  const scanned = new Promise<any>((r) => page.on('console', (m) => { if (m.text().startsWith('[khabar] scanned')) r(JSON.parse(m.text().slice(16))); }));
  await page.goto(h.url(b.long.path), { waitUntil: 'load' });
  const s = await scanned;
  const dcl = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart);
  console.log('dcl', dcl.toFixed(0), 'dcl→done', (s.doneAt - dcl).toFixed(1), JSON.stringify(s));
  await page.close();
}
await h.close();
