import { Harness, EXTENSION_DIR } from '/work/main/test/e2e/harness.ts';
import { makePages, readArticles } from '/work/main/test/e2e/fixtures/make-pages.ts';
const h = await Harness.launch({ extensionDir: EXTENSION_DIR, pages: makePages() });
await h.waitForReady();
const id = readArticles()[0]!.meta.id;
for (let run = 0; run < 3; run++) {
  const page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(page);
  const events: any[] = [];
  cdp.on('Tracing.dataCollected', (e: any) => events.push(...e.value));
  const done = new Promise<void>((r) => cdp.on('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel'] }, transferMode: 'ReportEvents' } as any);
  const scanned = new Promise<any>((r) => page.on('console', (m) => { if (m.text().startsWith('[khabar] scanned')) r(JSON.parse(m.text().slice(16))); }));
  await page.goto(h.url(`/article/${encodeURIComponent(id)}.html`), { waitUntil: 'load' });
  const s = await scanned;
  await page.waitForTimeout(300);
  await cdp.send('Tracing.end');
  await done;
  const dcl = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart);
  console.log('dcl', dcl.toFixed(1), 'stats', JSON.stringify(s), 'dcl→done', (s.doneAt - dcl).toFixed(1), 'dcl→boot', (s.bootAt - dcl).toFixed(1), 'boot→start', (s.startAt-s.bootAt).toFixed(1), 'start→scan', (s.scanAt-s.startAt).toFixed(1));
  if (run === 99) {
    const names = new Map<string, number>();
    for (const e of events) names.set(`${e.cat}|${e.name}`, (names.get(`${e.cat}|${e.name}`) ?? 0) + 1);
    console.log([...names].sort((a, b) => b[1] - a[1]).slice(0, 60));
    const ext = events.filter((e) => JSON.stringify(e.args ?? {}).includes('chrome-extension'));
    console.log(ext.slice(0, 15).map((e) => JSON.stringify(e).slice(0, 400)));
  }
  await page.close();
}
await h.close();
