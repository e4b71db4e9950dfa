/**
 * The library page in real Chromium with the built extension: the reader picks the fixture folder
 * (test/fixtures/import: good files, a .jsonl with a bad line, a zip with a broken file inside, a
 * corrupt zip), sees a result per file naming the bad line and files, finds the articles in the
 * list, reads one in the reader view, hovers a name on a news page and finds the imported article
 * in its card, deletes and undoes. Then an import is cut short by closing the page in the middle
 * of a large zip: on reopening the page reports it, and the library holds whole files only.
 * Then a large import (600 articles) runs in the page's import worker: the reader sees progress
 * and a result per file, and the page's main thread has no task of 50 ms CPU or more and does
 * a small part of the work (CPU time from a trace, robust on a loaded machine). And a run is
 * stopped with its cancel button between whole files.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_ELEMENT_NAME } from '../../lib/constants.ts';
import { makePages, ROOT } from './fixtures/make-pages.ts';
import { traceExtensionPageTasks } from './extension-page-tasks.ts';
import { Harness, waitFor } from './harness.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'import');
const FILES = readdirSync(FIXTURES).filter((f) => !f.endsWith('.ts')).sort().map((f) => join(FIXTURES, f));
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const MAYADIN_HEADLINE = 'القوات الحكومية تتقدم نحو الميادين';

/** A news page naming الميادين, to hover. */
function pages() {
  const map = makePages();
  map.set('/library/news.html', {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>أخبار</title></head><body><main><article>
<h1>تطورات في ريف دير الزور</h1>
<p>أفادت مصادر محلية بأن اشتباكات جديدة اندلعت قرب مدينة الميادين صباح اليوم، بينما تواصل القوات تقدمها على طول نهر الفرات باتجاه الحدود.</p>
</article></main></body></html>`,
  });
  return map;
}

let h: Harness;
beforeAll(async () => {
  h = await Harness.launch({ pages: pages() });
  await h.waitForReady();
});
afterAll(async () => {
  await h?.close();
});

async function openLibrary(): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`${h.extensionOrigin}/library.html`, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid=import-files]');
  return page;
}

function resultOf(page: Page, file: string): Promise<string> {
  return page.locator(`.file-result[data-file="${file}"]`).innerText();
}

/** Library rows and texts as stored, straight from IndexedDB: are they one-to-one? */
function storedCounts(page: Page): Promise<{ rows: number; texts: number; headlines: string[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('khabar-lens');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((ok, ko) => {
        const q = db.transaction(store).objectStore(store).getAll();
        q.onsuccess = () => ok(q.result as T[]);
        q.onerror = () => ko(q.error);
      });
    const rows = await all<{ headline: string }>('library');
    const texts = await all<{ id: string }>('libraryTexts');
    db.close();
    return { rows: rows.length, texts: texts.length, headlines: rows.map((r) => r.headline) };
  });
}

async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const a = (globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await a.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}

describe('the library page', () => {
  let page: Page;

  it('imports the fixture folder: good files in, the bad line and the broken files named', async () => {
    page = await openLibrary();
    expect(await axe(page)).toEqual([]);
    await page.setInputFiles('[data-testid=import-files]', FILES);
    await page.waitForSelector('[data-testid=import-report][data-phase=done]', { timeout: 60_000 });
    expect(await page.getByTestId('import-progress').innerText()).toContain('6'); // 6 of 6 files
    expect(await resultOf(page, 'al-mayadin.txt')).toContain('أُضيف: 1');
    const jsonl = await resultOf(page, 'archive.jsonl');
    expect(jsonl).toContain('أُضيف: 2');
    // The problem in the page's language (lib/input-problem-text.ts), naming the file and the line.
    expect(jsonl).toMatch(/^archive\.jsonl[\s\S]*السطر 2: ليس JSON صالحًا \(/);
    const zip = await resultOf(page, 'bundle.zip');
    expect(zip).toContain('أُضيف: 2');
    expect(zip).toMatch(/bundle\.zip\/bundle\/broken\.txt: ملف ثنائي وليس نصًا/);
    expect(await page.locator('.file-result[data-file="corrupt.zip"]').getAttribute('data-kind')).toBe('error');
    expect(await resultOf(page, 'corrupt.zip')).toMatch(/corrupt\.zip[\s\S]*لا يحوي مقالًا تستطيع المكتبة قراءته/);
    // No parser English reaches the Arabic page.
    expect(await page.locator('[data-testid=problem]').allInnerTexts()).not.toContainEqual(expect.stringMatching(/\b(is|bad|not|could)\b/));
    expect(await resultOf(page, 'deir-page.html')).toContain('أُضيف: 1');
    expect(await resultOf(page, 'husaybah-report.md')).toContain('أُضيف: 1');
    expect(await page.locator('[data-testid=import-report] p.notice').innerText()).toContain('7');
    expect(await axe(page)).toEqual([]);
  });

  it('lists the imported articles, searches them (Arabic normalised) and filters by outlet', async () => {
    const rows = page.locator('[data-testid=library-rows] > li');
    await waitFor(async () => ((await rows.count()) === 7 ? true : undefined), { what: '7 rows' });
    const mayadin = page.locator('.library-row', { hasText: MAYADIN_HEADLINE });
    expect(await mayadin.innerText()).toContain('مستوردة');
    expect(await mayadin.getByTestId('row-names').innerText()).toContain('الميادين');
    // "البوكمال" without its article's other words; "الرقه" written with taa marbuta as haa.
    await page.getByLabel('ابحث في العناوين والمصادر والأسماء والنصوص').fill('الرقه');
    await waitFor(async () => ((await rows.count()) === 1 ? true : undefined), { what: 'one row for الرقه' });
    expect(await rows.first().innerText()).toContain('ما بعد معركة الرقة');
    // A word only in a text (not headline, outlet or names): found once the texts are searched.
    await page.getByLabel('ابحث في العناوين والمصادر والأسماء والنصوص').fill('الألغام');
    await waitFor(async () => ((await rows.count()) === 1 ? true : undefined), { what: 'the text search' });
    await page.getByLabel('ابحث في العناوين والمصادر والأسماء والنصوص').fill('');
    await page.getByLabel('المصدر').selectOption('وكالة المدى');
    await waitFor(async () => ((await rows.count()) === 2 ? true : undefined), { what: 'two rows of وكالة المدى' });
    await page.getByLabel('المصدر').selectOption('');
    await waitFor(async () => ((await rows.count()) === 7 ? true : undefined), { what: 'all rows again' });
  });

  it('opens an imported article in the reader view with its names', async () => {
    await page.locator('.library-row', { hasText: MAYADIN_HEADLINE }).getByRole('button', { name: MAYADIN_HEADLINE, exact: true }).click();
    await page.waitForSelector('#reader-headline');
    expect(await page.locator('#reader-headline').innerText()).toBe(MAYADIN_HEADLINE);
    expect(await page.locator('.reader-text .name[data-entity="place:al-mayadin"]').count()).toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'العودة إلى المصادر' }).click();
    await page.waitForSelector('[data-testid=library-rows]');
  });

  it('a card on a news page now includes the imported article, marked as the reader\'s', async () => {
    const news = await h.open('/library/news.html');
    await news.bringToFront();
    const box = await waitFor(
      () =>
        news.evaluate(() => {
          for (const key of ['place', 'group']) {
            for (const r of (CSS.highlights.get(`khabar-${key}`) ?? []) as unknown as Iterable<AbstractRange>) {
              const range = document.createRange();
              range.setStart(r.startContainer, r.startOffset);
              range.setEnd(r.endContainer, r.endOffset);
              if (!range.toString().includes('الميادين')) continue;
              const rect = range.getClientRects()[0];
              if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
            }
          }
          return undefined;
        }),
      { what: 'the highlight of الميادين' },
    );
    await news.mouse.move(box.x + 60, box.y + 45);
    await news.mouse.move(box.x, box.y, { steps: 6 });
    const headlines = await waitFor(
      () =>
        news.evaluate((host) => {
          const card = document.querySelector(host)?.shadowRoot?.querySelector('.khabar-card');
          const items = [...(card?.querySelectorAll('.kc-article') ?? [])].map((li) => ({
            headline: li.querySelector('.kc-headline')?.textContent ?? '',
            own: li.hasAttribute('data-own'),
            mark: li.querySelector('.kc-own')?.textContent ?? '',
          }));
          return items.length > 0 ? items : undefined;
        }, HOST_ELEMENT_NAME),
      { what: 'the card of الميادين' },
    );
    // The reader's article comes first, marked as theirs; the bundled coverage follows.
    expect(headlines[0]).toMatchObject({ headline: MAYADIN_HEADLINE, own: true });
    expect(headlines[0]!.mark).not.toBe('');
    expect(headlines.slice(1).every((a) => !a.own)).toBe(true);
    await news.close();
  });

  it('deletes an article and brings it back with undo', async () => {
    await page.bringToFront();
    const rows = page.locator('[data-testid=library-rows] > li');
    await page.getByRole('button', { name: `احذف «${MAYADIN_HEADLINE}»` }).click();
    await waitFor(async () => ((await rows.count()) === 6 ? true : undefined), { what: 'the row gone' });
    expect((await storedCounts(page)).headlines).not.toContain(MAYADIN_HEADLINE);
    await page.getByTestId('undo-bar').getByRole('button', { name: 'تراجع' }).click();
    await waitFor(async () => ((await rows.count()) === 7 ? true : undefined), { what: 'the row back' });
    expect((await storedCounts(page)).headlines).toContain(MAYADIN_HEADLINE);
    await page.close();
  });

  it('an import cut short by closing the page is reported on reopening, the library holding whole files only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'khabar-import-'));
    const small = (n: number) => {
      const f = join(dir, `small-${n}.txt`);
      writeFileSync(f, `خبر قصير رقم ${n}\n\nوصلت تعزيزات جديدة إلى مدينة القائم الحدودية في اليوم ${n} وفق مصادر أمنية عراقية تحدثت للصحافة.\n`);
      return f;
    };
    // ~3,000 articles in one .jsonl inside a zip: long enough to be closed in the middle.
    const lines = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({
        headline: `مقال كبير ${i}`, outlet: 'أرشيف كبير', date: '2017-11-01',
        text: `تقرير رقم ${i} عن الأوضاع في البوكمال والقائم ودير الزور. `.repeat(20),
      }),
    );
    const big = join(dir, 'large.zip');
    writeFileSync(big, zipSync({ 'archive/big.jsonl': strToU8(lines.join('\n')) }));
    const files = [small(1), small(2), big, small(3)];

    const before = await openLibrary();
    const start = await storedCounts(before);
    await before.setInputFiles('[data-testid=import-files]', files);
    await waitFor(
      async () => ((await before.getByTestId('import-progress').innerText()).includes('large.zip') ? true : undefined),
      { what: 'reading large.zip', timeout: 60_000 },
    );
    await before.close();

    const after = await openLibrary();
    await after.waitForSelector('[data-testid=import-interrupted]');
    const report = await after.getByTestId('import-interrupted').innerText();
    expect(report).toContain('توقف استيراد 4 ملفات بعد 2');
    expect(report).toContain('large.zip');
    expect(report).toContain('small-3.txt');
    const stored = await storedCounts(after);
    expect(stored.rows).toBe(stored.texts);
    expect(stored.rows).toBe(start.rows + 2);
    expect(stored.headlines.some((t) => t.startsWith('مقال كبير'))).toBe(false);
    expect(await axe(after)).toEqual([]);
    await after.getByRole('button', { name: 'إخفاء' }).click();
    await after.reload();
    await after.waitForSelector('[data-testid=library-rows]');
    expect(await after.getByTestId('import-interrupted').count()).toBe(0);
    await after.close();
  });

  it('a large import runs off the page: progress and a result per file shown, no task of 50 ms CPU on the page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'khabar-import-'));
    // 600 articles of ~5 KB naming places and groups (~3 MB): seconds of parsing, detection and writes.
    const places = ['البوكمال', 'القائم', 'دير الزور', 'الميادين', 'الرقة'];
    const big = join(dir, 'big.jsonl');
    writeFileSync(
      big,
      Array.from({ length: 600 }, (_, i) =>
        JSON.stringify({
          headline: `تقرير موسّع ${i}`, outlet: 'أرشيف موسّع', date: '2017-11-02', url: `https://archive.example/${i}`,
          text: `أفادت مصادر محلية في ${places[i % 5]} بأن اشتباكات اندلعت قرب ${places[(i + 1) % 5]} في اليوم ${i}. `.repeat(40),
        }),
      ).join('\n'),
    );
    const small = join(dir, 'note.txt');
    writeFileSync(small, 'ملاحظة قصيرة\n\nوصلت تعزيزات إلى مدينة القائم الحدودية صباح اليوم وفق مصادر أمنية.\n');

    const page = await openLibrary();
    await page.evaluate(() => {
      const w = globalThis as unknown as { __lines: string[] };
      w.__lines = [];
      new MutationObserver(() => {
        const line = document.querySelector('[data-testid=import-progress]')?.textContent;
        if (line && line !== w.__lines.at(-1)) w.__lines.push(line);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const tasks = await traceExtensionPageTasks(h.context.browser()!, async () => {
      await page.setInputFiles('[data-testid=import-files]', [big, small]);
      await page.waitForSelector('[data-testid=import-report][data-phase=done]', { timeout: 240_000 });
    });
    // What the reader saw: the count of articles read moving, then a result per file.
    const lines = await page.evaluate(() => (globalThis as unknown as { __lines: string[] }).__lines);
    const counts = lines.flatMap((l) => /big\.jsonl» \(المقالات المقروءة: (\d+)\)/.exec(l)?.[1] ?? []).map(Number);
    expect(new Set(counts).size, lines.join('\n')).toBeGreaterThan(2);
    // And while its articles are written (one transaction), how many of them so far.
    expect(lines.some((l) => /big\.jsonl» \(المحفوظة: \d+ من 600\)/.test(l)), lines.join('\n')).toBe(true);
    expect(await resultOf(page, 'big.jsonl')).toContain('أُضيف: 600');
    expect(await resultOf(page, 'note.txt')).toContain('أُضيف: 1');
    expect(await page.getByTestId('import-progress').innerText()).toContain('2 من 2');
    await waitFor(async () => ((await storedCounts(page)).headlines.filter((t) => t.startsWith('تقرير موسّع')).length === 600 ? true : undefined), { what: '600 stored' });
    // The page stayed responsive: no long task, and the work ran in the worker.
    console.log(`library import of 601 articles, page main thread: ${JSON.stringify(tasks)}`);
    expect(tasks.tasks).toBeGreaterThan(0);
    expect(tasks.over50, JSON.stringify(tasks)).toBe(0);
    expect(tasks.longestCpuMs).toBeLessThan(50);
    expect(tasks.workerCpuMs, JSON.stringify(tasks)).toBeGreaterThan(tasks.mainCpuMs);
    await page.getByRole('button', { name: 'إخفاء' }).click();
    await page.close();
  });

  it('a run is stopped between whole files; the files not imported are listed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'khabar-import-'));
    const lines = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({ headline: `مقال يوقف ${i}`, outlet: 'أرشيف', date: '2017-11-01', text: `تقرير رقم ${i} عن الأوضاع في البوكمال والقائم. `.repeat(20) }),
    );
    const first = join(dir, 'first.txt');
    writeFileSync(first, 'خبر أول\n\nوصلت تعزيزات جديدة إلى مدينة القائم الحدودية وفق مصادر أمنية عراقية.\n');
    const long = join(dir, 'long.jsonl');
    writeFileSync(long, lines.join('\n'));
    const page = await openLibrary();
    const start = await storedCounts(page);
    await page.setInputFiles('[data-testid=import-files]', [first, long]);
    await waitFor(async () => ((await page.getByTestId('import-progress').innerText()).includes('long.jsonl') ? true : undefined), { what: 'reading long.jsonl' });
    await page.getByTestId('import-cancel').click();
    await page.waitForSelector('[data-testid=import-report][data-phase=cancelled]');
    const cancelled = await page.getByTestId('import-cancelled').innerText();
    expect(cancelled).toContain('long.jsonl');
    expect(cancelled).not.toContain('first.txt');
    const stored = await storedCounts(page);
    expect(stored.rows).toBe(stored.texts);
    expect(stored.rows).toBe(start.rows + 1);
    expect(stored.headlines.some((t) => t.startsWith('مقال يوقف'))).toBe(false);
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'إخفاء' }).click();
    await page.reload();
    await page.waitForSelector('[data-testid=library-rows]');
    expect(await page.getByTestId('import-interrupted').count()).toBe(0);
    await page.close();
  });
});
