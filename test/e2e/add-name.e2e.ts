/**
 * Add a name (issue 13 item 3) in real Chromium with the built extension: two tabs show pages with
 * a word no gazetteer name covers (a made-up village); the reader selects it in tab A and takes
 * the context menu's "add as a name" (a test cannot click a browser menu: the add-name page is
 * opened with the URL the menu's handler makes, name-menu.ts addNameUrl), fills the form and
 * saves. Tab B, open all along and not reloaded, highlights the word within a second, and its
 * card shows the new entity marked as the reader's, with a library article that names it once
 * the background's rescan ran. The library suggests the word before it is added, not after.
 * Deleting the name in the options page takes the highlight away in tab B; undo brings it back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMatcher } from '../../core/match/automaton.ts';
import { detect } from '../../core/match/detect.ts';
import type { Bundle } from '../../core/types.ts';
import { ADD_NAME_MENU_ID, addNameUrl } from '../../entrypoints/background/name-menu.ts';
import { escapeHtml, makePages, type PageMap } from './fixtures/make-pages.ts';
import { EXTENSION_DIR, Harness, waitFor } from './harness.ts';
import { axePage, cardText, highlightedCount, openCard as openCardAs, watchHighlight } from './page-helpers.ts';


/** A village no gazetteer has (checked against the built matcher below). */
const WORD = 'الزنبقية';
const KNOWN = 'البوكمال';
const SENTENCE_A = `وصلت القوات إلى قرية ${WORD} قرب ${KNOWN} صباح اليوم بعد معارك عنيفة.`;
const SENTENCE_B = `قال سكان من ${WORD} إن الطريق إلى ${KNOWN} مقطوع منذ يومين.`;
const LIBRARY_HEADLINE = 'تقرير خاص عن القرى الحدودية';
const LIBRARY_TEXT = `${LIBRARY_HEADLINE}\nنزح مئات من سكان قرية ${WORD} نحو ${KNOWN} خلال الأسبوع الماضي.`;

let h: Harness;

function page(title: string, sentence: string): { type: string; body: string } {
  return {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font: 20px/1.8 serif; max-width: 800px; margin: 2rem auto"><main><article><h1>${escapeHtml(title)}</h1>
<p id="text">${escapeHtml(sentence)}</p></article></main></body></html>`,
  };
}

function withNamePages(pages: PageMap): PageMap {
  pages.set('/names/a.html', page('خبر أول', SENTENCE_A));
  pages.set('/names/b.html', page('خبر ثان', SENTENCE_B));
  return pages;
}

const until = (p: Page, text: string, present: boolean, what: string) =>
  waitFor(async () => (((await highlightedCount(p, text)) > 0) === present ? true : undefined), { what, timeout: 30_000 });

/** Hover `text`'s highlight the way a reader does; the text of the card titled `title`. */
async function openCard(p: Page, text: string, title: string): Promise<string> {
  await openCardAs(p, text, title);
  return cardText(p);
}

/**
 * A library article as an import stores it, written into the extension's database from an
 * extension page, with no mentions yet (as if saved before the name existed): the rescan after
 * the name is added must find it.
 */
async function addLibraryArticle(): Promise<void> {
  const ext = await h.extensionPage();
  await ext.evaluate(
    async ([headline, text]) => {
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const r = indexedDB.open('khabar-lens');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
      await new Promise<void>((ok, ko) => {
        const tx = db.transaction(['library', 'libraryTexts'], 'readwrite');
        const id = 'own-test-article';
        tx.objectStore('library').put({
          id,
          file: '',
          outlet: 'أرشيفي',
          outletEn: 'My archive',
          headline,
          date: '2026-11-30',
          dateEstimated: false,
          dateNote: '',
          language: 'ar',
          own: true,
          fingerprint: 'test-fingerprint',
          counts: {},
          origin: 'imported',
          addedAt: Date.now(),
        });
        tx.objectStore('libraryTexts').put({ id, text, mentions: '[]' });
        tx.oncomplete = () => ok();
        tx.onerror = () => ko(tx.error);
      });
      db.close();
    },
    [LIBRARY_HEADLINE, LIBRARY_TEXT] as const,
  );
}

const markPage = (p: Page) => p.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
const stillSamePage = (p: Page) => p.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded === true);

beforeAll(async () => {
  // The word must be new to the bundle the extension was built with, or the test proves nothing.
  const bundle = JSON.parse(readFileSync(join(EXTENSION_DIR, 'data', 'bundle.json'), 'utf8')) as Bundle;
  const matcher = loadMatcher(bundle.matcher);
  expect(detect(matcher, SENTENCE_A).map((m) => m.text)).not.toContain(WORD);
  expect(detect(matcher, SENTENCE_A).map((m) => m.text)).toContain(KNOWN);
  h = await Harness.launch({ pages: withNamePages(makePages()) });
  await h.waitForReady();
});

afterAll(async () => {
  await h?.close();
});

describe('add a name from a selection', () => {
  let tabA: Page;
  let tabB: Page;
  let form: Page;
  let savedAt = 0;

  beforeAll(async () => {
    await addLibraryArticle();
    tabA = await h.open('/names/a.html');
    tabB = await h.open('/names/b.html');
    for (const p of [tabA, tabB]) {
      await until(p, KNOWN, true, `${KNOWN} highlighted on ${p.url()}`);
      expect(await highlightedCount(p, WORD)).toBe(0);
      await markPage(p);
    }
  });

  it('the library suggests the word after its trigger (قرية X), with its sentence', async () => {
    const options = await h.context.newPage();
    await options.goto(`${h.extensionOrigin}/options.html`);
    const item = options.locator('.suggestions li', { hasText: WORD });
    await item.waitFor();
    expect(await item.textContent()).toContain(`نزح مئات من سكان قرية ${WORD}`);
    // Accept opens the form with the word, as the village its trigger (قرية) says; cancel saves nothing.
    await options.getByRole('button', { name: `أضف «${WORD}» إلى الأسماء` }).click();
    await expect.poll(() => options.getByLabel('الاسم بالعربية').inputValue()).toBe(WORD);
    expect(await options.getByLabel('النوع بالتحديد').inputValue()).toBe('village');
    await options.getByRole('button', { name: 'إلغاء' }).click();
    expect(await options.locator('.name-form').count()).toBe(0);
    await options.close();
  });

  it('the menu opens the form with the selection; a bad name is refused in words', async () => {
    await tabA.bringToFront();
    const selected = await tabA.evaluate((word) => {
      const p = document.getElementById('text')!;
      const node = p.firstChild!;
      const at = node.textContent!.indexOf(word);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    }, WORD);
    // What Chrome hands the menu's onClicked: the selection's text, here with the page's spaces.
    const url = addNameUrl(`${h.extensionOrigin}/`, { menuItemId: ADD_NAME_MENU_ID, selectionText: ` ${selected}\n` });
    expect(url).not.toBeNull();
    form = await h.context.newPage();
    await form.goto(url!);
    const name = form.getByLabel('الاسم بالعربية');
    await expect.poll(() => name.inputValue()).toBe(WORD);
    expect(await axePage(form)).toEqual([]);

    await name.fill('Zanbaqiya');
    await form.getByRole('button', { name: 'احفظ الاسم' }).click();
    await form.getByRole('alert').filter({ hasText: 'راجع الحقول المشار إليها.' }).waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field-error').first().textContent()).toBe('«Zanbaqiya» ليس بالحروف العربية.');
    // The problem is read with the field, which has the focus.
    expect(await form.evaluate(() => document.activeElement?.getAttribute('aria-describedby') ?? '')).toMatch(/error/);
    expect(await axePage(form)).toEqual([]);
  });

  it('saving: tab B (open, not reloaded) highlights the word within a second', async () => {
    await form.getByLabel('الاسم بالعربية').fill(WORD);
    await form.getByLabel('النوع بالتحديد').selectOption('village');
    await form.getByLabel('الاسم بالإنجليزية (اختياري)').fill('al-Zanbaqiya');
    await form.getByLabel('يقع في (اختياري)').fill('البوكمال (al-Bukamal)');
    await form.getByLabel('وصف (اختياري)').fill('قرية قرب البوكمال.');
    await watchHighlight(tabB, WORD);
    savedAt = Date.now();
    await form.getByRole('button', { name: 'احفظ الاسم' }).click();
    await form.getByRole('status').filter({ hasText: `حُفظ «${WORD}»` }).waitFor();
    await waitFor(() => tabB.evaluate(() => (window as unknown as { __seenAt?: number }).__seenAt), { what: `${WORD} highlighted in tab B`, interval: 20 });
    const seenAt = await tabB.evaluate(() => (window as unknown as { __seenAt: number }).__seenAt);
    const delay = seenAt - savedAt;
    console.log(`[add-name] save click → highlight in the other tab: ${delay} ms`);
    // The target is ≤ 1 s (BENCHMARKS.md); the bound leaves room for a machine shared with others.
    expect(delay).toBeLessThan(2_000);
    for (const p of [tabA, tabB]) {
      await until(p, WORD, true, `${WORD} highlighted on ${p.url()}`);
      expect(await stillSamePage(p)).toBe(true);
      // The page's other names are still there.
      expect(await highlightedCount(p, KNOWN)).toBeGreaterThan(0);
    }
  });

  it("the card shows the new entity marked as the reader's, and the library article after the rescan", async () => {
    // The rescan runs in the background after the save: its progress ends 'done' on the form page.
    await form.locator('[data-testid="rescan"][data-state="done"]').waitFor({ timeout: 30_000 });
    const text = await openCard(tabB, WORD, WORD);
    expect(text).toContain('من أسمائك');
    expect(text).toContain('al-Zanbaqiya');
    expect(text).toContain(KNOWN); // the parent place
    expect(text).toContain(LIBRARY_HEADLINE);
  });

  it('the word is no longer suggested once it is a name', async () => {
    const options = await h.context.newPage();
    await options.goto(`${h.extensionOrigin}/options.html`);
    await options.locator('.own-names-list li', { hasText: WORD }).waitFor();
    await options.locator('.suggestions').waitFor();
    await expect.poll(() => options.locator('.suggestions li', { hasText: WORD }).count()).toBe(0);
    await options.close();
  });

  it('editing it in the options page: the open tab scans again, its card says what was changed', async () => {
    const options = await h.context.newPage();
    await options.goto(`${h.extensionOrigin}/options.html`);
    await options.getByRole('button', { name: `تعديل «${WORD}»` }).click();
    const en = options.getByLabel('الاسم بالإنجليزية (اختياري)');
    await expect.poll(() => en.inputValue()).toBe('al-Zanbaqiya');
    await en.fill('Zanbaqiya village');
    await options.getByRole('button', { name: 'احفظ الاسم' }).click();
    await options.getByRole('status').filter({ hasText: `حُفظ «${WORD}»` }).waitFor();
    await tabB.bringToFront();
    await tabB.mouse.move(5, 5);
    const text = await waitFor(
      async () => {
        const card = await openCard(tabB, WORD, WORD);
        if (card.includes('Zanbaqiya village')) return card;
        await tabB.mouse.move(5, 5);
        return undefined;
      },
      { what: 'the edited name in the card' },
    );
    expect(text).toContain('من أسمائك');
    expect(await stillSamePage(tabB)).toBe(true);
    await tabB.mouse.move(5, 5);
    await options.close();
  });

  it('deleting it in the options page takes the highlight away in tab B; undo brings it back', async () => {
    const options = await h.context.newPage();
    await options.goto(`${h.extensionOrigin}/options.html`);
    await options.getByRole('button', { name: `حذف «${WORD}»` }).click();
    await options.getByRole('status').filter({ hasText: `حُذف «${WORD}».` }).waitFor();
    await until(tabB, WORD, false, `${WORD} no longer highlighted in tab B`);
    expect(await stillSamePage(tabB)).toBe(true);
    expect(await highlightedCount(tabB, KNOWN)).toBeGreaterThan(0);
    await options.getByRole('button', { name: 'تراجع' }).click();
    await until(tabB, WORD, true, `${WORD} highlighted again in tab B`);
    expect(await stillSamePage(tabB)).toBe(true);
    expect(await axePage(options)).toEqual([]);
    await options.close();
  });

  it('nothing left the machine', () => {
    expect(h.foreignRequests()).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
