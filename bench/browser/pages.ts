/**
 * The pages the browser benchmark loads, served next to the end-to-end fixtures (make-pages.ts):
 *
 * - the typical article: one corpus article in the news layout (header, navigation, breadcrumbs,
 *   article, comments, related links, footer), exactly the end-to-end tests' article page;
 * - the long page: the same layout around ≈1 MB of Arabic text in ≈5,000 paragraphs, made of the
 *   corpus articles' sentences and ANERcorp's (../shared/anercorp/train.bio), in turn;
 * - the mark.js copy of each: the same HTML with mark.js loaded (for the browser without the
 *   extension), so that both contenders read the same document.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ANERCORP, readBio } from '../../test/corpus/bio.ts';
import { escapeHtml, makePages, readArticles, type FixtureArticle, type PageMap } from '../../test/e2e/fixtures/make-pages.ts';

export const LONG_TARGET_BYTES = 1_000_000;

export interface BenchPages {
  pages: PageMap;
  article: { path: string; id: string; bytes: number; paragraphs: number };
  long: { path: string; bytes: number; paragraphs: number; anercorp: boolean };
  /** Path of mark.min.js on the fixture server. */
  markJs: string;
}

/** Sentences of a text: cut after . ! ? ؟ and line ends, kept whole. */
function sentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.match(/[^.!?؟]+[.!?؟]*/g) ?? [])
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * ≈1 MB of paragraphs of ≈200 bytes: the corpus's sentences and ANERcorp's (two of these for one
 * of those: the corpus is small and would repeat often), as one stream of words cut into
 * paragraphs at the first sentence end past 120 bytes, or at a word boundary past 200.
 */
export function longParagraphs(articles: readonly FixtureArticle[]): { paragraphs: string[]; anercorp: boolean } {
  const corpus = articles.flatMap((a) => a.paragraphs.flatMap(sentences));
  const anercorp = existsSync(ANERCORP) ? readBio(ANERCORP).map((s) => s.text) : [];
  const paragraphs: string[] = [];
  let bytes = 0;
  let c = 0;
  let a = 0;
  let turn = 0;
  let p = '';
  while (bytes < LONG_TARGET_BYTES) {
    const fromCorpus = anercorp.length === 0 || turn++ % 3 === 0;
    const sentence = fromCorpus ? corpus[c++ % corpus.length]! : anercorp[a++ % anercorp.length]!;
    for (const word of sentence.split(' ')) {
      p = p ? `${p} ${word}` : word;
      const size = Buffer.byteLength(p, 'utf8');
      if ((size > 120 && /[.!?؟]$/.test(word)) || size > 200) {
        paragraphs.push(p);
        bytes += size;
        p = '';
      }
    }
  }
  return { paragraphs, anercorp: anercorp.length > 0 };
}

const LONG_CSS = `
body { margin: 0; font: 18px/1.7 "Noto Naskh Arabic", "Amiri", serif; color: #1d1d1f; background: #fafafa; }
.site-header { display: flex; gap: 2rem; align-items: center; padding: .8rem 2rem; background: #8c1515; color: #fff; }
.site-header a { color: #fff; text-decoration: none; }
.site-header nav ul { display: flex; gap: 1.2rem; list-style: none; margin: 0; padding: 0; }
main { max-width: 900px; padding: 1rem 2rem; }
footer { padding: 1.5rem 2rem; background: #222; color: #ccc; font-size: .85rem; }
`;

function longPage(paragraphs: readonly string[], extraHead = ''): string {
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ملف: معارك الحدود السورية العراقية — الأرشيف الكامل</title>
<style>${LONG_CSS}</style>
${extraHead}
</head>
<body>
<header class="site-header"><a class="logo" href="/">أخبار الفرات</a><nav aria-label="الأقسام"><ul><li><a href="/">الرئيسية</a></li><li><a href="/#politics">سياسة</a></li><li><a href="/#archive">الأرشيف</a></li></ul></nav></header>
<main>
<article>
<h1>ملف: معارك الحدود السورية العراقية — الأرشيف الكامل</h1>
<div class="article-body">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</div>
</article>
</main>
<footer><p>© أخبار الفرات. جميع الحقوق محفوظة.</p></footer>
</body>
</html>`;
}

export function makeBenchPages(): BenchPages {
  const articles = readArticles();
  const pages = makePages(articles);
  const first = articles[0]!;
  const articlePath = `/article/${encodeURIComponent(first.meta.id)}.html`;
  const articleHtml = pages.get(articlePath)!.body;
  const markJs = '/bench/mark.min.js';
  pages.set(markJs, {
    type: 'text/javascript; charset=utf-8',
    body: readFileSync(createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js'), 'utf8'),
  });
  const withMark = (html: string) => html.replace('</head>', `<script src="${markJs}"></script>\n</head>`);
  pages.set('/bench/article-markjs.html', { type: 'text/html; charset=utf-8', body: withMark(articleHtml) });

  const { paragraphs, anercorp } = longParagraphs(articles);
  const longHtml = longPage(paragraphs);
  pages.set('/bench/long.html', { type: 'text/html; charset=utf-8', body: longHtml });
  pages.set('/bench/long-markjs.html', { type: 'text/html; charset=utf-8', body: withMark(longHtml) });
  return {
    pages,
    article: { path: articlePath, id: first.meta.id, bytes: Buffer.byteLength(first.paragraphs.join('\n'), 'utf8'), paragraphs: first.paragraphs.length },
    long: { path: '/bench/long.html', bytes: paragraphs.reduce((n, p) => n + Buffer.byteLength(p, 'utf8'), 0), paragraphs: paragraphs.length, anercorp },
    markJs,
  };
}
