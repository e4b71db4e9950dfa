/**
 * The library's ingest in real Chromium with the browser's own DOMParser: each fixture page gives
 * the same document as under linkedom in Node (what the unit tests check in detail), the parsed
 * copy loads nothing (no request leaves for the pages' images, scripts or styles), and a zip with
 * a broken file imports in the browser as it does in Node. Needs no extension build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { DOMParser as LinkedomParser } from 'linkedom';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseImportFile } from '../../core/library/files.ts';
import { extractArticle } from '../../lib/extract/article.ts';
import { htmlFileReader } from '../../lib/extract/html-file.ts';
import { CHROMIUM } from './harness.ts';

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');
const NOW_ISO = '2026-12-03T12:00:00';
const linkedom = (html: string) => new LinkedomParser().parseFromString(html, 'text/html') as unknown as Document;

/** What the bundled ingest offers inside the page. */
interface InPage {
  extractArticle: typeof extractArticle;
  htmlFileReader: typeof htmlFileReader;
  parseImportFile: typeof parseImportFile;
}
declare const KhabarIngest: InPage;

let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  // Vite (the project's bundler) in library mode: one IIFE that defines the KhabarIngest global.
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(import.meta.dirname, 'fixtures', 'ingest-entry.ts'), formats: ['iife'], name: 'KhabarIngest' },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunk = (Array.isArray(output) ? output[0]! : output).output[0];
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  page = await browser.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await page.setContent('<!doctype html><html lang="ar"><body>ingest</body></html>');
  await page.addScriptTag({ content: chunk.code });
  requests.length = 0;
});

afterAll(async () => {
  await browser?.close();
});

describe('ingest with the browser DOMParser', () => {
  for (const fixture of readdirSync(PAGES).filter((f) => f.endsWith('.html'))) {
    it(`${fixture}: the same library document as under linkedom`, async () => {
      const html = readFileSync(join(PAGES, fixture), 'utf8');
      const url = 'https://www.example-news.net/story/1?utm_source=x';
      const inNode = extractArticle(linkedom(html), url, new Date(NOW_ISO));
      const inBrowser = await page.evaluate(
        ({ html, url, now }) => KhabarIngest.extractArticle(new DOMParser().parseFromString(html, 'text/html'), url, new Date(now)),
        { html, url, now: NOW_ISO },
      );
      expect('problem' in inNode).toBe(false);
      expect(inBrowser).toEqual(inNode);
    });
  }

  it('parsing and extracting load nothing: no request for the pages\' images, scripts or styles', () => {
    expect(requests).toEqual([]);
  });

  it('a zip with a broken file imports in the browser as in Node', async () => {
    const page1 = readFileSync(join(PAGES, 'spa-time.html'), 'utf8');
    const zip = zipSync({
      'saved/spa.html': strToU8(page1),
      'saved/notes.md': strToU8('# البوكمال\n\nنص عن **المدينة**.'),
      'saved/bad.jsonl': strToU8('{"headline": "x"'),
    });
    const inNode = parseImportFile('library.zip', zip, { now: new Date(NOW_ISO), readHtml: htmlFileReader(linkedom, new Date(NOW_ISO)) });
    const inBrowser = await page.evaluate(
      ({ bytes, now }) => {
        const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
        return KhabarIngest.parseImportFile('library.zip', new Uint8Array(bytes), { now: new Date(now), readHtml: KhabarIngest.htmlFileReader(parse, new Date(now)) });
      },
      { bytes: [...zip], now: NOW_ISO },
    );
    expect(inBrowser.inputs.map((i) => i.title)).toEqual(['قسد تسيطر على حقل العمر النفطي شرق دير الزور', 'البوكمال']);
    expect(inBrowser.problems).toEqual([{ file: 'library.zip/saved/bad.jsonl', line: 1, code: 'badJson', params: { detail: expect.any(String) } }]);
    expect(inBrowser).toEqual({ ...inNode, problems: inBrowser.problems });
    expect(requests).toEqual([]);
  });
});
