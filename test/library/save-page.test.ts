/**
 * "Save this page" without a browser: the content script's copy of its page (copyOfPage, on a
 * linkedom document), the background's validation of that answer (parseCopyAnswer: shape, size,
 * http(s) address), and the save pipeline (lib/save-page.ts) on fixture pages laid out like Arabic
 * news sites, with linkedom's DOMParser and a real Dexie database (fake-indexeddb): what is stored
 * (title, outlet, URL, date and whether it is estimated, names), a duplicate by URL and by text,
 * and each failure a reader is told about.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser as LinkedomParser } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type LensDatabase } from '../../db/database.ts';
import { libraryRows, libraryText, putUserEntity } from '../../db/library.ts';
import { cardData } from '../../db/queries.ts';
import { copyOfPage } from '../../entrypoints/content/copy-page.ts';
import { LIMITS } from '../../lib/messages.ts';
import { parseCopyAnswer, type PageCopy } from '../../lib/messages/page-copy.ts';
import { savePageCopy } from '../../lib/save-page.ts';
import { openBundleDatabase } from '../db/bundle-db.ts';

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');
const page = (file: string) => readFileSync(join(PAGES, file), 'utf8');
const parseHtml = (html: string) => new LinkedomParser().parseFromString(html, 'text/html') as unknown as Document;
const NOW = new Date('2026-12-03T12:00:00');

let name: string;
let db: LensDatabase;
beforeEach(async () => ({ name, db } = await openBundleDatabase()));
afterEach(() => closeDatabase(name));

const copy = (file: string, url = 'https://www.example-news.net/story/1'): PageCopy => ({ html: page(file), url, lang: 'ar', title: '' });
const save = (c: PageCopy) => savePageCopy(c, { db, parseHtml, now: NOW });

describe('copyOfPage (the content script)', () => {
  it('hands over the document as HTML with its address, language and title, and changes nothing', () => {
    const doc = parseHtml(page('aljazeera-like.html'));
    const before = doc.documentElement.outerHTML;
    const answer = copyOfPage(doc);
    expect(answer).toMatchObject({ lang: 'ar', title: expect.stringContaining('القائم') });
    expect('html' in answer && answer.html).toBe(before);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('refuses a page above the size limit instead of copying it', () => {
    const doc = parseHtml(`<html><body><p>${'ا'.repeat(LIMITS.pageHtmlChars)}</p></body></html>`);
    expect(copyOfPage(doc)).toEqual({ refused: 'too-large' });
  });
});

describe('parseCopyAnswer (the background, on what the page answered)', () => {
  const good = { html: '<html></html>', url: 'https://example.com/a', lang: 'ar', title: 't' };
  it('takes a well-formed copy, as a fresh object', () => {
    const parsed = parseCopyAnswer(good);
    expect(parsed).toEqual(good);
    expect(parsed).not.toBe(good);
  });
  it.each([
    ['no answer (no content script there)', undefined, 'not-a-page'],
    ['a refusal for size', { refused: 'too-large' }, 'too-large'],
    ['HTML above the limit', { ...good, html: 'x'.repeat(LIMITS.pageHtmlChars + 1) }, 'too-large'],
    ['a non-http address', { ...good, url: 'file:///etc/passwd' }, 'bad-copy'],
    ['a javascript: address', { ...good, url: 'javascript:alert(1)' }, 'bad-copy'],
    ['HTML that is not a string', { ...good, html: { toString: () => '' } }, 'bad-copy'],
    ['an extra field', { ...good, script: 'x' }, 'bad-copy'],
    ['a missing title', { html: '', url: good.url, lang: '' }, 'bad-copy'],
    ['a bad language tag', { ...good, lang: 'ar"><script>' }, 'bad-copy'],
    ['an overlong title', { ...good, title: 'x'.repeat(LIMITS.pageTitleLength + 1) }, 'bad-copy'],
    ['another refusal', { refused: 'because' }, 'bad-copy'],
    ['an array', [good], 'bad-copy'],
  ])('refuses %s', (_what, answer, failure) => {
    expect(parseCopyAnswer(answer)).toMatchObject({ failure });
  });
});

describe('savePageCopy', () => {
  it('stores the article with its title, outlet, canonical URL, published date and names', async () => {
    const result = await save(copy('aljazeera-like.html', 'https://www.aljazeera.net/news/politics/2017/10/26/iraq-qaim-operation?utm_source=x'));
    expect(result).toMatchObject({ status: 'added', title: 'القوات العراقية تبدأ عملية لاستعادة القائم على الحدود السورية', dateEstimated: false });
    if (result.status === 'failed') return;
    expect(result.names).toBeGreaterThan(0);
    const [row] = await libraryRows(db);
    expect(row).toMatchObject({
      id: result.id,
      own: true,
      origin: 'saved',
      outlet: 'الجزيرة نت',
      url: 'https://www.aljazeera.net/news/politics/2017/10/26/iraq-qaim-operation',
      date: '2017-10-26',
      dateEstimated: false,
      language: 'ar',
    });
    const text = (await libraryText(db, result.id))!.text;
    expect(text).toContain('القائم');
    expect(text).not.toMatch(/أخبار\s+سياسة\s+اقتصاد/); // the navigation is no part of the article
    // The card of a name in it lists it at once, marked as the reader's.
    const card = await cardData(db, 'place:alqaim');
    expect(card?.library?.articles).toBe(1);
    expect(card?.articles[result.id]).toMatchObject({ own: true, headline: result.title });
    expect(result.ms.total).toBeGreaterThanOrEqual(result.ms.parse + result.ms.extract);
  });

  it('a page without a date is filed under the day it was saved, marked estimated', async () => {
    const result = await save(copy('no-date.html'));
    expect(result).toMatchObject({ status: 'added', dateEstimated: true });
    const [row] = await libraryRows(db);
    expect(row).toMatchObject({ date: '2026-12-03', dateEstimated: true });
  });

  it('the same page saved again (another address fragment, the same canonical link) is a duplicate, not a second article', async () => {
    const first = await save(copy('aljazeera-like.html', 'https://www.aljazeera.net/a'));
    const again = await save(copy('aljazeera-like.html', 'https://www.aljazeera.net/a#comments'));
    expect(again).toMatchObject({ status: 'duplicate', id: first.status === 'failed' ? '' : first.id });
    expect(await libraryRows(db)).toHaveLength(1);
  });

  it('the same text at another address (print view, AMP) is a duplicate by its fingerprint', async () => {
    const html = page('no-date.html'); // no canonical link: the address is the one given
    const first = await save({ html, url: 'https://shampress.example/a/1', lang: 'ar', title: '' });
    const amp = await save({ html: html.replace('<div class="wrapper">', '<div class="wrapper amp">'), url: 'https://shampress.example/amp/a/1', lang: 'ar', title: '' });
    expect(first.status).toBe('added');
    expect(amp).toMatchObject({ status: 'duplicate', id: first.status === 'failed' ? '' : first.id });
    expect(await libraryRows(db)).toHaveLength(1);
  });

  it('a name the reader added since the last save is found in the next one (the cached matcher follows)', async () => {
    await save(copy('aljazeera-like.html'));
    await putUserEntity(db, {
      id: 'place:own-mayadin', kind: 'city', name: 'الميادين', nameEn: 'Mayadin', aliases: [], weakAliases: [], translit: [], description: 'مدينة على الفرات.',
    });
    const result = await save(copy('no-date.html', 'https://shampress.example/c'));
    expect(result.status).toBe('added');
    if (result.status === 'failed') return;
    expect((await cardData(db, 'place:own-mayadin'))?.library?.articles).toBe(1);
  });

  it('a page without an article (a homepage) is refused in words and stores nothing', async () => {
    const home = '<html lang="ar"><body><nav><a href="/">الرئيسية</a></nav><ul><li><a href="/1">البوكمال</a></li></ul></body></html>';
    expect(await save({ html: home, url: 'https://example.com/', lang: 'ar', title: 'الرئيسية' })).toMatchObject({ status: 'failed', reason: 'no-article' });
    expect(await libraryRows(db)).toHaveLength(0);
  });

  it('the extension\'s own card host in the copy is no part of the article', async () => {
    const html = page('no-date.html').replace('<div class="wrapper">', '<khabar-lens-card>البوكمال البوكمال</khabar-lens-card><div class="wrapper">');
    const result = await save({ html, url: 'https://shampress.example/b', lang: 'ar', title: '' });
    expect(result.status).toBe('added');
    if (result.status === 'failed') return;
    expect((await libraryText(db, result.id))!.text).not.toContain('البوكمال البوكمال');
  });

  it('a full disk is reported as such, and the library stays as it was', async () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const original = db.library.bulkPut.bind(db.library);
    db.library.bulkPut = (() => Promise.reject(quota)) as never;
    try {
      expect(await save(copy('aljazeera-like.html'))).toMatchObject({ status: 'failed', reason: 'storage-full' });
    } finally {
      db.library.bulkPut = original;
    }
    expect(await libraryRows(db)).toHaveLength(0);
    expect(await cardData(db, 'place:alqaim').then((c) => c?.library?.articles ?? 0)).toBe(0);
  });
});
