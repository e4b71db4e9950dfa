import { it } from 'vitest';
import { scalePages } from './fixtures/interaction-scale.ts';
import { Harness } from './harness.ts';
import { TaskTracer } from './tasks.ts';

it('probe', async () => {
  const h = await Harness.launch({ pages: scalePages() });
  await h.waitForReady();
  const page = await h.context.newPage();
  await page.goto(h.url(process.env.PROBE_PATH ?? '/scale/article.html'), { waitUntil: 'load' });
  await page.waitForTimeout(3000);
  const name = await page.evaluate(() => {
    const hl = CSS.highlights.get('khabar-place') as unknown as Iterable<AbstractRange>;
    for (const r of hl) {
      const range = document.createRange(); range.setStart(r.startContainer, r.startOffset); range.setEnd(r.endContainer, r.endOffset);
      r.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
      const b = range.getClientRects()[0]!;
      return { x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2, host: !!document.querySelector('khabar-lens-card') };
    }
    return null;
  });
  console.log('host before hover', name?.host);
  await page.waitForTimeout(300);
  const tracer = await TaskTracer.start(h.context, page, h.extensionId);
  await page.evaluate(() => 0);
  await page.mouse.move(name!.x + 60, name!.y + 45);
  await page.mouse.move(name!.x, name!.y, { steps: 6 });
  await page.waitForTimeout(800);
  const events = (tracer as unknown as { events: any[] }).events;
  await tracer.stop(50);
  const main = events.filter((e) => e.ph === 'X');
  const tasks = main.filter((e) => e.name === 'RunTask' && e.dur > 8000 && !main.some((i) => i.name === 'V8.InvokeApiInterruptCallbacks' && i.ts >= e.ts && i.ts < e.ts + e.dur && i.dur > e.dur / 2)).sort((a, b) => b.dur - a.dur).slice(0, 3);
  for (const t of tasks) {
    console.log('TASK', t.dur / 1000, 'tid', t.tid);
    const inside = main.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts < t.ts + t.dur && e.dur > 500 && e !== t);
    for (const e of inside) console.log('  ', ((e.ts - t.ts) / 1000).toFixed(1), (e.dur / 1000).toFixed(1), e.name, JSON.stringify(e.args?.beginData ?? e.args?.data ?? {}).slice(0, 200));
  }
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(1000);
  const second = await page.evaluate(() => {
    const hl = CSS.highlights.get('khabar-group') as unknown as Iterable<AbstractRange>;
    for (const r of hl) {
      const range = document.createRange(); range.setStart(r.startContainer, r.startOffset); range.setEnd(r.endContainer, r.endOffset);
      r.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
      const b = range.getClientRects()[0]!;
      return { x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2 };
    }
    return null;
  });
  await page.waitForTimeout(300);
  const tracer2 = await TaskTracer.start(h.context, page, h.extensionId);
  await page.evaluate(() => 0);
  await page.mouse.move(second!.x + 60, second!.y + 45);
  await page.mouse.move(second!.x, second!.y, { steps: 6 });
  await page.waitForTimeout(800);
  const events2 = (tracer2 as unknown as { events: any[] }).events;
  await tracer2.stop(50);
  console.log('SECOND');
  const main2 = events2.filter((e) => e.ph === 'X');
  for (const t of main2.filter((e) => e.name === 'RunTask' && e.dur > 8000 && !main2.some((i) => i.name === 'V8.InvokeApiInterruptCallbacks' && i.ts >= e.ts && i.ts < e.ts + e.dur && i.dur > e.dur / 2))) {
    console.log('TASK', t.dur / 1000);
    for (const e of main2.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts < t.ts + t.dur && e.dur > 500 && e !== t)) console.log('  ', ((e.ts - t.ts) / 1000).toFixed(1), (e.dur / 1000).toFixed(1), e.name, JSON.stringify(e.args?.beginData ?? e.args?.data ?? {}).slice(0, 160));
  }
  await h.close();
}, 120000);
