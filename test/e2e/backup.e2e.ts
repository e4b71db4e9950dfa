/**
 * Export and restore (issue 13 item 4) in real Chromium with the built extension: a backup file
 * restored in the options page brings the reader's name (highlighted on a page at once), their
 * article (in the card, marked as theirs), a correction and a switched-off site; the page's
 * "save a backup" downloads a file that, restored into a FRESH profile (another browser profile,
 * nothing else carried over), brings all of it back, in a tab already open too, and it all comes
 * through a new import of the bundled data (what an extension update does). A broken file is
 * refused in words.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { HOST_ELEMENT_NAME } from '../../lib/constants.ts';
import { escapeHtml, makePages, type PageMap } from './fixtures/make-pages.ts';
import { Harness, waitFor } from './harness.ts';
import { axePage, highlightedCount, openCard } from './page-helpers.ts';
import { ARTICLE_TITLE, BACKUP, OWN_ID, OWN_NAME, SITE_OFF } from './fixtures/backup-file.ts';

function withOwnPage(pages: PageMap): PageMap {
  pages.set('/own.html', {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر</title></head>
<body style="font: 20px/1.8 serif; max-width: 800px; margin: 2rem auto"><main><article><h1>غارات على الحدود</h1>
<p>${escapeHtml('استهدفت غارة جوية بلدة حصيبة على الحدود، فيما تواصلت المعارك في البوكمال.')}</p></article></main></body></html>`,
  });
  return pages;
}

const harnesses: Harness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

async function launch(): Promise<Harness> {
  const h = await Harness.launch({ pages: withOwnPage(makePages()) });
  harnesses.push(h);
  await h.waitForReady();
  return h;
}

async function options(h: Harness): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`${h.extensionOrigin}/options.html`);
  await page.waitForSelector('[data-testid="backup-restore"]', { state: 'attached' });
  return page;
}

async function restore(page: Page, text: string): Promise<string> {
  await page.setInputFiles('[data-testid="backup-restore"]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  return waitFor(
    () =>
      page.evaluate(() => {
        const error = document.querySelector('[data-testid="backup-error"]')?.textContent;
        if (error) return `error: ${error}`;
        const status = document.querySelector('[data-testid="backup-status"]')?.textContent ?? '';
        return status.includes('تم الاسترجاع') ? status : undefined;
      }),
    { what: 'the restore to finish' },
  );
}

/** The open card's text of its first article (the reader's own come first). */
function firstArticle(page: Page): Promise<string> {
  return page.evaluate((host) => document.querySelector(host)!.shadowRoot!.querySelector('.khabar-card .kc-article')?.textContent ?? '', HOST_ELEMENT_NAME);
}

async function expectRestored(h: Harness): Promise<void> {
  const page = await h.open('/own.html');
  await waitFor(() => highlightedCount(page, OWN_NAME).then((n) => n === 1 || undefined), { what: `${OWN_NAME} highlighted` });
  await openCard(page, OWN_NAME, OWN_NAME);
  const first = await firstArticle(page);
  expect(first).toContain(ARTICLE_TITLE);
  expect(first).toContain('من مكتبتك');
  // A bundled entity's card has the reader's article too.
  await page.mouse.move(5, 5);
  await openCard(page, 'البوكمال', 'البوكمال');
  expect(await firstArticle(page)).toContain(ARTICLE_TITLE);
  expect((await h.send({ type: 'getSiteEnabled', host: SITE_OFF })).enabled).toBe(false);
  await page.close();
}

describe('backup and restore', () => {
  it('restores a backup file, saves one, and that file restores everything into a fresh profile', { timeout: 240_000 }, async () => {
    const first = await launch();
    const opts = await options(first);
    expect(await restore(opts, JSON.stringify(BACKUP))).toMatch(/تم الاسترجاع: 1 مقالات جديدة/);
    await expectRestored(first);
    expect(await axePage(opts)).toEqual([]);

    // Save a backup: the download's file.
    const [download] = await Promise.all([opts.waitForEvent('download'), opts.click('[data-testid="backup-export"]')]);
    expect(download.suggestedFilename()).toMatch(/^khabar-lens-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = readFileSync((await download.path())!, 'utf8');
    const file = JSON.parse(saved) as typeof BACKUP;
    expect(file.articles.map((a) => a.title)).toEqual([ARTICLE_TITLE]);
    expect(file.names.map((n) => n.id)).toEqual([OWN_ID]);
    expect(first.foreignRequests()).toEqual([]);
    await first.close();
    harnesses.splice(harnesses.indexOf(first), 1);

    // Another profile: nothing but the file.
    const fresh = await launch();
    const page = await fresh.open('/own.html');
    await waitFor(() => highlightedCount(page, 'البوكمال').then((n) => n > 0 || undefined), { what: 'the page scanned' });
    expect(await highlightedCount(page, OWN_NAME)).toBe(0);
    const opts2 = await options(fresh);
    expect(await restore(opts2, saved)).toMatch(/تم الاسترجاع: 1 مقالات جديدة/);
    // The tab already open picks the restored name up without a reload.
    await waitFor(() => highlightedCount(page, OWN_NAME).then((n) => n === 1 || undefined), { what: `${OWN_NAME} highlighted in the open tab` });
    await page.close();
    await expectRestored(fresh);

    // An extension update imports the bundled data again (the import record made stale, the worker
    // restarted): the reader's library and names come through it whole.
    await fresh.markImportStale();
    await fresh.stopServiceWorker();
    await waitFor(async () => ((await fresh.send({ type: 'getStatus' })).state === 'ready' ? true : undefined), {
      timeout: 60_000,
      what: 'the new import of the bundle',
    });
    await expectRestored(fresh);
  });

  it('refuses a broken file in words and restores nothing', { timeout: 120_000 }, async () => {
    const h = await launch();
    const opts = await options(h);
    const broken = JSON.stringify({ ...BACKUP, articles: [{ ...BACKUP.articles[0], date: '10/11/2017' }] });
    // Where in the file, and what, in the page's Arabic (lib/input-problem-text.ts).
    expect(await restore(opts, broken)).toMatch(/error: [\s\S]*articles\[0\]\.date: ليس تاريخًا \(YYYY-MM-DD\)/);
    const page = await h.open('/own.html');
    await waitFor(() => highlightedCount(page, 'البوكمال').then((n) => n > 0 || undefined), { what: 'the page scanned' });
    expect(await highlightedCount(page, OWN_NAME)).toBe(0);
  });
});
