import { writeFileSync, readFileSync } from 'node:fs';
import { Harness, EXTENSION_DIR } from '../../test/e2e/harness.ts';
import { makeBenchPages } from './pages.ts';
const B = makeBenchPages();
const h = await Harness.launch({ extensionDir: EXTENSION_DIR, pages: B.pages });
await h.waitForReady();
const path = process.argv[2] ?? B.article.path;
const runs = Number(process.argv[3] ?? 3);
const lines = readFileSync(`${EXTENSION_DIR}/content-scripts/content.js`, 'utf8').split('\n');
const label = (f: any) => f.url.includes('content.js') ? `${f.functionName || '(anon)'}@${f.lineNumber}:${f.columnNumber} ${JSON.stringify(lines[f.lineNumber]?.slice(f.columnNumber, f.columnNumber + 40))}` : `${f.functionName || '(' + (f.url.split('/').pop() || 'native') + ')'}`;
const self = new Map<string, number>(), incl = new Map<string, number>();
for (let run = 0; run < runs; run++) {
  const page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const scanned = new Promise<any>((r) => page.on('console', (m) => { if (m.text().startsWith('[khabar] scanned')) r(JSON.parse(m.text().slice(16))); }));
  await page.goto(h.url(path), { waitUntil: 'load' });
  const s = await scanned;
  const { profile } = (await cdp.send('Profiler.stop')) as any;
  const dcl = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart);
  console.log('dcl→done', (s.doneAt - dcl).toFixed(1), 'scan', (s.doneAt - s.scanAt).toFixed(1), 'work', s.totalMs.toFixed(1), 'matcherMs', s.matcherMs.toFixed(1), 'dcl', dcl.toFixed(0), 'startAt', s.startAt.toFixed(0), 'scanAt', s.scanAt.toFixed(0));
  if (run === 0) continue;
  const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  profile.samples.forEach((id: number, i: number) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const n = byId.get(id);
    self.set(label(n.callFrame), (self.get(label(n.callFrame)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      const l = label(byId.get(x).callFrame);
      if (seen.has(l)) continue; seen.add(l);
      incl.set(l, (incl.get(l) ?? 0) + dt);
    }
  });
  await page.close();
}
const k = runs - 1;
console.log('--- self (ms per load)'); console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([l, v]) => `${(v / k).toFixed(2)}  ${l}`).join('\n'));
console.log('--- inclusive'); console.log([...incl].sort((a, b) => b[1] - a[1]).slice(0, 45).map(([l, v]) => `${(v / k).toFixed(2)}  ${l}`).join('\n'));
await h.close();
