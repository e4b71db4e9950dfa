/**
 * The library's ingest in Node (`npx tsx bench/ingest.bench.ts`): what issue 13's import targets
 * (1,000 articles ≈ 5 MB in ≤ 20 s, progress at least every second, no task ≥ 50 ms) ask of the
 * parsers themselves, before any database write.
 *
 *   extract   extractArticle on each fixture page (linkedom), median of BENCH_RUNS runs
 *   jsonl     parseImportFile over a .jsonl of 1,000 corpus-sized articles: total, longest step
 *   zip       the same 1,000 articles as .txt files in a .zip: total, longest step
 *
 * "Longest step" is the longest time between two results of the importFile generator: the task
 * length a library page would see if it yields to the event loop between results.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { DOMParser } from 'linkedom';
import { importFile, type ImportOptions } from '../core/library/files.ts';
import { extractArticle } from '../lib/extract/article.ts';
import { htmlFileReader } from '../lib/extract/html-file.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);
const ROOT = join(import.meta.dirname, '..');
const PAGES = join(ROOT, 'test', 'fixtures', 'pages');
const now = new Date();
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const options: ImportOptions = { now, readHtml: htmlFileReader(parse, now) };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log('extract (linkedom), median ms:');
for (const fixture of readdirSync(PAGES)) {
  const html = readFileSync(join(PAGES, fixture), 'utf8');
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const doc = parse(html);
    const t = performance.now();
    extractArticle(doc, 'https://example.org/a', now);
    times.push(performance.now() - t);
  }
  console.log(`  ${fixture.padEnd(24)} ${median(times).toFixed(1)}`);
}

const texts = readdirSync(join(ROOT, 'corpus', 'articles')).map((f) => readFileSync(join(ROOT, 'corpus', 'articles', f), 'utf8'));
const articles = Array.from({ length: 1000 }, (_, i) => ({ headline: `خبر رقم ${i}`, outlet: 'الوطن', date: '2017-10-26', text: texts[i % texts.length]! }));

function run(label: string, name: string, bytes: Uint8Array): void {
  const t0 = performance.now();
  let last = t0;
  let longest = 0;
  let count = 0;
  for (const result of importFile(name, bytes, options)) {
    count += result.inputs.length;
    const t = performance.now();
    longest = Math.max(longest, t - last);
    last = t;
  }
  const mb = (bytes.length / 1e6).toFixed(1);
  console.log(`${label.padEnd(6)} ${count} articles from ${mb} MB in ${(last - t0).toFixed(0)} ms; longest step ${longest.toFixed(1)} ms`);
}

run('jsonl', 'archive.jsonl', strToU8(articles.map((a) => JSON.stringify(a)).join('\n')));
const zipped: Zippable = {};
articles.forEach((a, i) => (zipped[`archive/${i}.txt`] = strToU8(`${a.headline}\n${a.text}`)));
run('zip', 'archive.zip', zipSync(zipped));
