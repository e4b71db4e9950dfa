/**
 * "Import documents": each file type the library reads, each problem it reports (file, line and
 * what is wrong: a code and its parameters, here read in English through the locale file), zips with broken files among good ones, and the zip-bomb guards.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { importFile, JSONL_BATCH_LINES, parseImportFile, type ImportOptions } from '../../core/library/files.ts';
import type { InputProblem } from '../../core/library/problem.ts';
import { htmlFileReader } from '../../lib/extract/html-file.ts';
import { problemText } from '../../lib/input-problem-text.ts';

const NOW = new Date('2026-12-03T12:00:00');
const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const OPTIONS: ImportOptions = { now: NOW, readHtml: htmlFileReader(parseHtml, NOW) };
const PAGE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pages', 'wordpress-graph.html'), 'utf8');
const u8 = (s: string) => strToU8(s);
/** The problems as the English page words them (file and line kept apart). */
const en = (problems: readonly InputProblem[]) =>
  problems.map((p) => ({ file: p.file, ...(p.line !== undefined ? { line: p.line } : {}), problem: problemText(p, 'en') }));

const ARTICLE_TXT = [
  'الجيش العراقي يبدأ عملية القائم',
  '',
  'بدأت القوات العراقية فجر اليوم عملية عسكرية لاستعادة مدينة القائم قرب الحدود السورية.',
  'وقال بيان إن القوات تقدمت من ثلاثة محاور.',
  '',
  'وتقع القائم قبالة مدينة البوكمال السورية.',
].join('\n');

const jsonl = (...lines: unknown[]) => u8(lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'));
const GOOD_LINE = { headline: 'الحشد يصل إلى الحدود', outlet: 'البيان', date: '2017-10-20', url: 'https://example.org/a?utm_source=x', text: 'فقرة أولى.\nفقرة ثانية.' };

describe('.txt', () => {
  it('a short first line is the title; blank-line paragraphs are kept; the import day marks the date', () => {
    const { inputs, problems } = parseImportFile('qaim.txt', u8(ARTICLE_TXT), OPTIONS);
    expect(en(problems)).toEqual([]);
    expect(inputs).toEqual([
      {
        title: 'الجيش العراقي يبدأ عملية القائم',
        outlet: '',
        date: '2026-12-03',
        dateEstimated: true,
        dateNote: 'no date in the file: the day it was imported',
        language: 'ar',
        text: 'بدأت القوات العراقية فجر اليوم عملية عسكرية لاستعادة مدينة القائم قرب الحدود السورية. وقال بيان إن القوات تقدمت من ثلاثة محاور.\n\nوتقع القائم قبالة مدينة البوكمال السورية.',
        origin: 'imported',
        sourceFile: 'qaim.txt',
      },
    ]);
  });

  it('a long first line is text, and the file name is the title; a dateline gives an estimated date', () => {
    const line = 'دمشق – 3 تشرين الثاني 2017 – ' + 'تقدمت وحدات الجيش نحو البوكمال '.repeat(8);
    const [input] = parseImportFile('notes/البوكمال_تقرير.txt', u8(line + '\nسطر ثان.'), OPTIONS).inputs;
    expect(input).toMatchObject({ title: 'البوكمال تقرير', date: '2017-11-03', dateEstimated: true });
    expect(input!.text.split('\n\n')).toHaveLength(2);
  });

  it('UTF-8 with a byte order mark, and UTF-16 (Notepad "Unicode")', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...u8(ARTICLE_TXT)]);
    expect(parseImportFile('bom.txt', bom, OPTIONS).inputs[0]!.title).toBe('الجيش العراقي يبدأ عملية القائم');
    const utf16 = new Uint8Array(2 + ARTICLE_TXT.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < ARTICLE_TXT.length; i++) new DataView(utf16.buffer).setUint16(2 + i * 2, ARTICLE_TXT.charCodeAt(i), true);
    expect(parseImportFile('utf16.txt', utf16, OPTIONS).inputs[0]!.title).toBe('الجيش العراقي يبدأ عملية القائم');
  });

  it('problems: binary, not UTF-8 (with the line), empty', () => {
    const windows1256 = new Uint8Array([...u8('سطر سليم\nسطر ثان\n'), 0xc7, 0xe1, 0xc8, 0xe6]); // "البو" in windows-1256
    expect(en(parseImportFile('scan.txt', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2]), OPTIONS).problems)).toEqual([
      { file: 'scan.txt', problem: 'is a binary file, not text' },
    ]);
    expect(en(parseImportFile('old.txt', windows1256, OPTIONS).problems)).toEqual([
      { file: 'old.txt', line: 3, problem: expect.stringContaining('is not UTF-8 text') },
    ]);
    expect(en(parseImportFile('empty.txt', u8('  \n\n'), OPTIONS).problems)).toEqual([{ file: 'empty.txt', problem: 'is empty' }]);
  });
});

describe('.md', () => {
  it('front matter gives title, date, outlet and url; the markup is gone', () => {
    const md = ['---', 'title: الحشد يصل إلى الحدود', 'date: 2017-10-20', 'outlet: البيان', 'url: https://example.org/a?utm_source=x', '---', '', '# عنوان داخلي', '', 'أعلنت **هيئة الحشد** وصول قطعاتها إلى [الحدود](https://example.org).', '', '- بند'].join('\n');
    expect(parseImportFile('a.md', u8(md), OPTIONS)).toEqual({
      problems: [],
      inputs: [
        {
          title: 'الحشد يصل إلى الحدود',
          outlet: 'البيان',
          url: 'https://example.org/a',
          date: '2017-10-20',
          dateEstimated: false,
          dateNote: 'front matter date',
          language: 'ar',
          text: 'أعلنت هيئة الحشد وصول قطعاتها إلى الحدود.\n\nبند',
          origin: 'imported',
          sourceFile: 'a.md',
        },
      ],
    });
  });

  it('without front matter the first heading is the title', () => {
    const [input] = parseImportFile('b.md', u8('# البوكمال\n\nنص عن *المدينة*.'), OPTIONS).inputs;
    expect(input).toMatchObject({ title: 'البوكمال', text: 'نص عن المدينة.', dateEstimated: true });
  });
});

describe('.html', () => {
  it('a saved news page: the article with its metadata, the "saved from" address when it has no canonical', () => {
    const saved = '<!-- saved from url=(0040)https://alfurat-news.example/?p=10452 -->\n' + PAGE.replace(/<link rel="canonical"[^>]*>/, '').replace(/<meta property="og:url"[^>]*>/, '');
    const [input] = parseImportFile('saved/page.html', u8(saved), OPTIONS).inputs;
    expect(input).toMatchObject({
      title: 'الجيش السوري يطوق البوكمال من ثلاث جهات',
      outlet: 'شبكة الفرات الإخبارية',
      url: 'https://alfurat-news.example/?p=10452',
      date: '2017-11-02',
      origin: 'imported',
      sourceFile: 'saved/page.html',
    });
  });

  it('an old page in windows-1256 that says so is read', () => {
    const table = new Map<string, number>();
    const decoder = new TextDecoder('windows-1256');
    for (let b = 0x80; b <= 0xff; b++) table.set(decoder.decode(new Uint8Array([b])), b);
    const body = Array.from({ length: 4 }, () => '<p>تقدمت القوات نحو مدينة البوكمال على الحدود مع العراق وسط معارك عنيفة.</p>').join('');
    const html = `<html lang="ar"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>خبر قديم</title></head><body><div>${body}</div></body></html>`;
    const bytes = new Uint8Array([...html].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : table.get(c)!)));
    const { inputs, problems } = parseImportFile('old.htm', bytes, OPTIONS);
    expect(en(problems)).toEqual([]);
    expect(inputs[0]!.text).toContain('تقدمت القوات نحو مدينة البوكمال');
  });

  it('a page without an article is a problem naming the file', () => {
    expect(en(parseImportFile('index.html', u8('<html><body><nav><a href="/">الرئيسية</a></nav></body></html>'), OPTIONS).problems)).toEqual([
      { file: 'index.html', problem: expect.stringContaining('no article text found') },
    ]);
  });
});

describe('.jsonl in the corpus format', () => {
  it('good lines import; each bad line is a problem with its line and what is wrong', () => {
    const bytes = jsonl(
      GOOD_LINE,
      '',
      '{"headline": "بلا إغلاق"',
      { headline: 'مقال', outlet: 'الوطن', date: '26/10/2017', text: 'نص' },
      { id: '000', file: 'articles/000.txt', headline: 'من المدونة', outlet: 'الوطن', date: '2017-10-26' },
      { title: 'عنوان', outlet: 'الوطن', date: '2017-10-26', text: 'نص', url: 'ftp://x' },
      '[1, 2]',
      { outlet: 7, date: '2017-10-26', text: 'نص' },
      { ...GOOD_LINE, headline: undefined, title: 'بالعنوان', dateEstimated: true, dateNote: 'من النص', byline: 'مراسل' },
    );
    const { inputs, problems } = parseImportFile('archive.jsonl', bytes, OPTIONS);
    expect(inputs.map((i) => i.title)).toEqual(['الحشد يصل إلى الحدود', 'بالعنوان']);
    expect(inputs[0]).toEqual({
      title: 'الحشد يصل إلى الحدود',
      outlet: 'البيان',
      url: 'https://example.org/a',
      date: '2017-10-20',
      dateEstimated: false,
      language: 'ar',
      text: 'فقرة أولى.\n\nفقرة ثانية.',
      origin: 'imported',
      sourceFile: 'archive.jsonl',
    });
    expect(inputs[1]).toMatchObject({ dateEstimated: true, dateNote: 'من النص', byline: 'مراسل' });
    expect(en(problems)).toEqual([
      { file: 'archive.jsonl', line: 3, problem: expect.stringMatching(/^bad JSON \(/) },
      { file: 'archive.jsonl', line: 4, problem: '"date" must be YYYY-MM-DD, not "26/10/2017"' },
      { file: 'archive.jsonl', line: 5, problem: 'missing "text": a text in a separate "file" is not read on import, put the article\'s text in "text"' },
      { file: 'archive.jsonl', line: 6, problem: '"url" must be an http(s) address, not "ftp://x"' },
      { file: 'archive.jsonl', line: 7, problem: 'expected one JSON object on the line' },
      { file: 'archive.jsonl', line: 8, problem: 'missing "headline" (or "title")' },
      { file: 'archive.jsonl', line: 8, problem: '"outlet" must be a string' },
    ]);
  });

  it('a long file comes in batches, so the caller can show progress', () => {
    const bytes = jsonl(...Array.from({ length: 450 }, (_, i) => ({ ...GOOD_LINE, headline: `خبر ${i}` })));
    const batches = [...importFile('big.jsonl', bytes, OPTIONS)];
    expect(batches).toHaveLength(Math.ceil(450 / JSONL_BATCH_LINES));
    expect(batches.every((b) => b.file === 'big.jsonl' && b.inputs.length <= JSONL_BATCH_LINES)).toBe(true);
    expect(batches.flatMap((b) => b.inputs.map((i) => i.title))).toEqual(Array.from({ length: 450 }, (_, i) => `خبر ${i}`));
  });
});

describe('.zip', () => {
  const folder = (): Zippable => ({
    'news/qaim.txt': u8(ARTICLE_TXT),
    'news/a.md': u8('# البوكمال\n\nنص عن المدينة.'),
    'news/page.html': u8(PAGE),
    'news/archive.jsonl': jsonl(GOOD_LINE, '{broken'),
    'news/old.txt': new Uint8Array([...u8('سطر\n'), 0xc7, 0xe1]),
    'news/photo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    '__MACOSX/news/._qaim.txt': new Uint8Array([0, 5, 22, 7]),
    'news/.DS_Store': new Uint8Array([0, 0, 0, 1]),
  });

  it('a folder zip with broken files: the good ones come out, each broken one is named', () => {
    const { inputs, problems } = parseImportFile('library.zip', zipSync(folder()), OPTIONS);
    expect(inputs.map((i) => [i.sourceFile, i.title])).toEqual([
      ['library.zip/news/qaim.txt', 'الجيش العراقي يبدأ عملية القائم'],
      ['library.zip/news/a.md', 'البوكمال'],
      ['library.zip/news/page.html', 'الجيش السوري يطوق البوكمال من ثلاث جهات'],
      ['library.zip/news/archive.jsonl', 'الحشد يصل إلى الحدود'],
    ]);
    expect(en(problems)).toEqual([
      { file: 'library.zip/news/archive.jsonl', line: 2, problem: expect.stringMatching(/^bad JSON/) },
      { file: 'library.zip/news/old.txt', line: 2, problem: expect.stringContaining('is not UTF-8 text') },
      { file: 'library.zip/news/photo.png', problem: 'is not a file the library reads (.txt, .md, .markdown, .html, .htm, .jsonl, .zip)' },
    ]);
  });

  it('one result per entry, as the entries are read', () => {
    const results = [...importFile('library.zip', zipSync(folder()), OPTIONS)];
    expect(results.map((r) => r.file)).toEqual([
      'library.zip/news/qaim.txt',
      'library.zip/news/a.md',
      'library.zip/news/page.html',
      'library.zip/news/archive.jsonl',
      'library.zip/news/old.txt',
      'library.zip/news/photo.png',
    ]);
  });

  it('an entry whose compressed data is damaged is a problem; the others still come out', () => {
    const zip = zipSync({ 'a.txt': u8(ARTICLE_TXT), 'b.txt': u8(ARTICLE_TXT.repeat(20)), 'c.txt': u8(ARTICLE_TXT) });
    const name = u8('b.txt');
    let at = 0;
    for (let i = 30; i < zip.length; i++) if (zip[i - 30] === 0x50 && zip[i - 29] === 0x4b && zip[i - 28] === 3 && zip.subarray(i, i + 5).every((b, j) => b === name[j])) at = i + 5;
    zip[at + 2] = 0xff; // the deflate stream's block header, a few bytes in: an invalid block
    zip[at + 3] = 0xff;
    const { inputs, problems } = parseImportFile('damaged.zip', zip, OPTIONS);
    expect(inputs.map((i) => i.sourceFile)).toEqual(['damaged.zip/a.txt', 'damaged.zip/c.txt']);
    expect(en(problems)).toEqual([{ file: 'damaged.zip/b.txt', problem: expect.stringContaining('could not be decompressed') }]);
  });

  it('a file that is not a zip, and a zip cut off half-way, are one problem each', () => {
    expect(en(parseImportFile('fake.zip', u8('not a zip at all'), OPTIONS).problems)).toEqual([{ file: 'fake.zip', problem: 'is not a zip archive' }]);
    const zip = zipSync({ 'a.txt': u8(ARTICLE_TXT), 'b.txt': u8(ARTICLE_TXT + 'x'.repeat(5000)) }, { level: 0 });
    const cut = parseImportFile('cut.zip', zip.subarray(0, Math.floor(zip.length * 0.6)), OPTIONS);
    expect(cut.inputs.map((i) => i.sourceFile)).toEqual(['cut.zip/a.txt']);
    expect(cut.problems.map((p) => p.file)).toContain('cut.zip');
  });

  it('zip bomb: an entry that inflates past its limit stops there, even when its header lies about its size', () => {
    const zeros = new Uint8Array(6 * 1024 * 1024); // 6 MiB of zeros deflate to ~6 KiB; a .txt may be 5 MiB
    const honest = zipSync({ 'bomb.txt': zeros, 'ok.txt': u8(ARTICLE_TXT) });
    expect(parseImportFile('honest.zip', honest, OPTIONS)).toMatchObject({
      inputs: [{ sourceFile: 'honest.zip/ok.txt' }],
      problems: [{ file: 'honest.zip/bomb.txt', code: 'tooLarge', params: { size: 6291456, limit: 5242880 } }],
    });
    // The same archive with the declared size (local header offset 22, central directory offset 24) set to 100 bytes.
    const lying = honest.slice();
    const view = new DataView(lying.buffer);
    for (let i = 0; i < lying.length - 4; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50 && view.getUint32(i + 22, true) === zeros.length) view.setUint32(i + 22, 100, true);
      if (sig === 0x02014b50 && view.getUint32(i + 24, true) === zeros.length) view.setUint32(i + 24, 100, true);
    }
    expect(parseImportFile('lying.zip', lying, OPTIONS)).toMatchObject({
      inputs: [{ sourceFile: 'lying.zip/ok.txt' }],
      // Stopped by the inflater's count at the .txt limit, not after inflating it all.
      problems: [{ file: 'lying.zip/bomb.txt', code: 'inflatesTooLarge', params: { limit: 5242880 } }],
    });
  });

  it('zip bomb: the archive stops at its total budget and at its entry count', () => {
    const entries: Zippable = {};
    for (let i = 0; i < 5; i++) entries[`part${i}.txt`] = u8(`عنوان ${i}\n` + 'نص '.repeat(84_000)); // 420 KB each: two fit in 1 MiB, not three
    const options = { ...OPTIONS, limits: { maxZipTotalBytes: 1024 * 1024 } };
    const { inputs, problems } = parseImportFile('many.zip', zipSync(entries), options);
    expect(inputs.map((i) => i.title)).toEqual(['عنوان 0', 'عنوان 1']);
    expect(en(problems)[0]).toEqual({ file: 'many.zip/part2.txt', problem: expect.stringContaining('more than 1048576 bytes') });
    const counted = parseImportFile('many.zip', zipSync(entries), { ...OPTIONS, limits: { maxZipEntries: 3 } });
    expect(counted.inputs).toHaveLength(3);
    expect(en(counted.problems)).toEqual([{ file: 'many.zip', problem: 'has more than 3 files; the rest were not read' }]);
  });

  it('a zip inside a zip is read one level deep, not deeper', () => {
    const inner = zipSync({ 'in.txt': u8(ARTICLE_TXT) });
    const middle = zipSync({ 'inner.zip': inner, 'mid.txt': u8(ARTICLE_TXT) });
    const outer = zipSync({ 'middle.zip': middle });
    const { inputs, problems } = parseImportFile('outer.zip', outer, OPTIONS);
    expect(inputs.map((i) => i.sourceFile)).toEqual(['outer.zip/middle.zip/mid.txt']);
    expect(en(problems)).toEqual([{ file: 'outer.zip/middle.zip/inner.zip', problem: 'is an archive nested more than 2 deep; not opened' }]);
    expect(parseImportFile('middle.zip', middle, OPTIONS).inputs.map((i) => i.sourceFile)).toEqual(['middle.zip/inner.zip/in.txt', 'middle.zip/mid.txt']);
  });
});

describe('other files', () => {
  it('an unknown extension is a problem naming the file', () => {
    expect(en(parseImportFile('report.pdf', u8('%PDF-1.7'), OPTIONS).problems)).toEqual([
      { file: 'report.pdf', problem: expect.stringMatching(/^is not a file the library reads \(\.txt, /) },
    ]);
  });

  it('a file over its size limit is a problem, read no further', () => {
    const options = { ...OPTIONS, limits: { maxTextFileBytes: 100 } };
    expect(en(parseImportFile('long.txt', u8('س'.repeat(200)), options).problems)).toEqual([
      { file: 'long.txt', problem: 'is too large (400 bytes; at most 100)' },
    ]);
  });
});
