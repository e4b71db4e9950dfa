import { Harness, EXTENSION_DIR } from '../../test/e2e/harness.ts';
import { makeBenchPages } from './pages.ts';
const B = makeBenchPages();
const h = await Harness.launch({ extensionDir: EXTENSION_DIR, pages: B.pages });
await h.waitForReady();
const path = process.argv[2] || B.article.path;
for (let run = 0; run < Number(process.argv[3] ?? 6); run++) {
  const page = await h.context.newPage();
  const scanned = new Promise<any>((r) => page.on('console', (m) => { if (m.text().startsWith('[khabar] scanned')) r(JSON.parse(m.text().slice(16))); }));
  await page.goto(h.url(path), { waitUntil: 'load' });
  const s = await scanned;
  const dcl = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart);
  const rel = (x: number) => (x - dcl).toFixed(0);
  console.log(`dcl ${dcl.toFixed(0)} | boot ${rel(s.bootAt)} ` + Object.entries(s.steps).map(([k, v]) => `${k} ${rel(v as number)}`).join(' ') + ` | start ${rel(s.startAt)} scan ${rel(s.scanAt)} done ${rel(s.doneAt)} | loadMatcher ${s.matcherMs.toFixed(1)} work ${s.totalMs.toFixed(1)}`);
  await page.close();
}
await h.close();
