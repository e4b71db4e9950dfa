/**
 * "Save this page" on fixture pages laid out like Arabic news sites (test/fixtures/pages/): what
 * the reader's library would show for each — headline, outlet, address, date and how it was
 * found, language, byline — and that the text is the article, not the page around it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { LibraryInput } from '../../core/library/input.ts';
import { extractArticle, isDateOnly } from '../../lib/extract/article.ts';
import { splitTitle } from '../../lib/extract/metadata.ts';

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');
const NOW = new Date('2026-12-03T12:00:00');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const page = (name: string) => parse(readFileSync(join(PAGES, name), 'utf8'));

interface Case {
  fixture: string;
  url: string;
  expected: Partial<LibraryInput>;
  noteIncludes?: string;
  firstParagraphStarts: string;
  lastParagraphEnds: string;
  /** Page furniture that must not be in the text (navigation, related lists, ads, comments, footer). */
  notInText: string[];
}

const CASES: Case[] = [
  {
    fixture: 'aljazeera-like.html',
    url: 'https://www.aljazeera.net/news/politics/2017/10/26/iraq-qaim-operation?utm_source=twitter',
    expected: {
      title: 'القوات العراقية تبدأ عملية لاستعادة القائم على الحدود السورية',
      outlet: 'الجزيرة نت',
      url: 'https://www.aljazeera.net/news/politics/2017/10/26/iraq-qaim-operation',
      date: '2017-10-26',
      dateEstimated: false,
      dateNote: 'meta article:published_time',
      language: 'ar',
      byline: 'الجزيرة نت - وكالات',
    },
    firstParagraphStarts: 'المصدر : الجزيرة',
    lastParagraphEnds: 'خسرها التنظيم خلال العام الجاري.',
    notInText: ['26/10/2017', 'اقرأ أيضا', 'الأكثر قراءة', 'أسعار النفط', 'جميع الحقوق', 'إعلان', 'واتساب', 'عاجل'],
  },
  {
    fixture: 'wordpress-graph.html',
    url: 'https://alfurat-news.example/?p=10452',
    expected: {
      title: 'الجيش السوري يطوق البوكمال من ثلاث جهات',
      outlet: 'شبكة الفرات الإخبارية',
      url: 'https://alfurat-news.example/2017/11/02/%d8%a7%d9%84%d8%a8%d9%88%d9%83%d9%85%d8%a7%d9%84/',
      // The NewsArticle's date (Nov 2, +03:00), not the WebPage's (Nov 1, UTC) listed before it in @graph.
      date: '2017-11-02',
      dateEstimated: false,
      dateNote: 'JSON-LD datePublished',
      // lang="en-US" from the theme; the text is Arabic.
      language: 'ar',
      byline: 'سامر الأحمد',
    },
    firstParagraphStarts: 'أحكمت وحدات الجيش السوري',
    lastParagraphEnds: 'على مواقع التنظيم.',
    notInText: ['إعلان ممول', 'شارك هذا', 'ذات صلة', 'أحدث المقالات', 'نتمنى السلامة', 'المقال السابق', 'اتصل بنا'],
  },
  {
    fixture: 'spa-time.html',
    url: 'https://www.almashriq.example/story/8812?utm_campaign=push&fbclid=abc#comments',
    expected: {
      title: 'قسد تسيطر على حقل العمر النفطي شرق دير الزور',
      outlet: 'منصة المشرق',
      url: 'https://www.almashriq.example/story/8812',
      date: '2017-10-22',
      dateEstimated: false,
      dateNote: '<time datetime> in the article',
      language: 'ar',
      byline: 'مراسل المشرق - الحسكة',
    },
    firstParagraphStarts: 'أعلنت قوات سوريا الديمقراطية',
    lastParagraphEnds: 'مستقبل شرق سوريا.',
    notInText: ['الأكثر مشاهدة', 'اقرأ أيضا', 'التحالف الدولي: داعش فقد', 'يجب تفعيل جافاسكربت', 'فيديو'],
  },
  {
    fixture: 'arabic-dateline.html',
    url: 'http://www.albayan-jadeed.example/news.php?id=10',
    expected: {
      title: 'الحشد الشعبي يعلن وصول قطعاته إلى الحدود العراقية السورية',
      // No site name in meta or JSON-LD: the one in <title> ("… :: صحيفة البيان الجديد"), not the host.
      outlet: 'صحيفة البيان الجديد',
      url: 'http://www.albayan-jadeed.example/news.php?id=10',
      date: '2017-10-20',
      dateEstimated: true,
      language: 'ar',
    },
    noteIncludes: '٢٠ تشرين الأول/أكتوبر ٢٠١٧',
    firstParagraphStarts: 'بغداد – ٢٠ تشرين الأول',
    lastParagraphEnds: 'على الجانب الآخر من الحدود.',
    notInText: ['أخبار ذات صلة', 'البرلمان يناقش', 'استطلاع', 'عدد القراءات', 'جميع الحقوق'],
  },
  {
    fixture: 'no-date.html',
    url: 'https://www.champress.example/reports/mayadin',
    expected: {
      title: 'مدينة الميادين بعد خروج التنظيم: شوارع فارغة وبيوت مدمرة',
      outlet: 'موقع شام برس',
      date: '2026-12-03',
      dateEstimated: true,
      dateNote: 'no publication date on the page: the day it was saved',
      language: 'ar',
      byline: 'محمد العلي',
    },
    firstParagraphStarts: 'لا يسمع في شوارع الميادين',
    lastParagraphEnds: 'خلال الأسابيع المقبلة.',
    notInText: ['مقالات أخرى', 'حوار مع مزارع', 'شارك على', 'الرئيسية'],
  },
];

describe('extractArticle on Arabic news fixture pages', () => {
  for (const c of CASES) {
    it(c.fixture, () => {
      const doc = page(c.fixture);
      const before = doc.documentElement.outerHTML;
      const result = extractArticle(doc, c.url, NOW);
      if ('problem' in result) throw new Error(result.problem.code);
      expect(result).toMatchObject({ ...c.expected, origin: 'saved' });
      if (c.noteIncludes) expect(result.dateNote).toContain(c.noteIncludes);
      const paragraphs = result.text.split('\n\n');
      expect(paragraphs.length).toBeGreaterThanOrEqual(4);
      expect(paragraphs[0]!.startsWith(c.firstParagraphStarts)).toBe(true);
      expect(paragraphs.at(-1)!.endsWith(c.lastParagraphEnds)).toBe(true);
      // The headline is the title, not the text's first paragraph.
      expect(paragraphs).not.toContain(result.title);
      for (const p of paragraphs) expect(p).not.toMatch(/\n|\s{2}/);
      for (const furniture of c.notInText) expect(result.text).not.toContain(furniture);
      // The caller's document is untouched (Readability ran on a copy).
      expect(doc.documentElement.outerHTML).toBe(before);
    });
  }

  it('a page without an article is a problem, not an empty document', () => {
    const home = parse(`<html lang="ar"><head><title>الرئيسية | موقع</title></head><body>
      <nav><a href="/1">سياسة</a><a href="/2">اقتصاد</a></nav>
      <ul><li><a href="/a">عنوان خبر أول</a></li><li><a href="/b">عنوان خبر ثان</a></li></ul></body></html>`);
    const result = extractArticle(home, 'https://example.org/', NOW);
    expect(result).toEqual({ problem: { code: 'noArticle', params: { chars: expect.any(Number) } } });
  });

  it('broken JSON-LD and a page that declares nothing still give an article (host as outlet, language from the script)', () => {
    const body = Array.from({ length: 5 }, (_, i) => `<p>فقرة رقم ${i + 1} من خبر عن تقدم القوات في ريف دير الزور الشرقي باتجاه مدينة البوكمال على الحدود.</p>`).join('');
    const doc = parse(`<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "x",,}</script></head>
      <body><article><h1>تقدم القوات في ريف دير الزور</h1>${body}<p>ودخلت القوات أطراف <a rel="tag" href="/tag/bukamal">البوكمال</a> مساء أمس.</p></article></body></html>`);
    const result = extractArticle(doc, 'https://www.deirezzor24.example/n/1', NOW);
    if ('problem' in result) throw new Error(result.problem.code);
    expect(result).toMatchObject({ title: 'تقدم القوات في ريف دير الزور', outlet: 'deirezzor24.example', language: 'ar' });
    // A name an SEO plugin linked as a tag is still part of its sentence.
    expect(result.text).toContain('ودخلت القوات أطراف البوكمال مساء أمس.');
  });
});

describe('splitTitle: the headline without the site name in <title>', () => {
  const TABLE: [title: string, known: string[], headline: string, site: string | undefined][] = [
    ['القوات العراقية تبدأ عملية القائم | الجزيرة نت', [], 'القوات العراقية تبدأ عملية القائم', 'الجزيرة نت'],
    ['الجيش السوري يطوق البوكمال – شبكة الفرات الإخبارية', [], 'الجيش السوري يطوق البوكمال', 'شبكة الفرات الإخبارية'],
    ['الحشد يصل إلى الحدود :: صحيفة البيان', [], 'الحشد يصل إلى الحدود', 'صحيفة البيان'],
    // A known site name at the front.
    ['الجزيرة نت - القوات العراقية تبدأ عملية القائم', ['الجزيرة نت'], 'القوات العراقية تبدأ عملية القائم', 'الجزيرة نت'],
    // A dash inside a headline with a long second half is not a site name.
    ['دير الزور - القوات تتقدم نحو البوكمال وسط معارك عنيفة مع التنظيم', [], 'دير الزور - القوات تتقدم نحو البوكمال وسط معارك عنيفة مع التنظيم', undefined],
    ['بلا فاصل في العنوان', [], 'بلا فاصل في العنوان', undefined],
  ];
  for (const [title, known, headline, site] of TABLE) {
    it(title, () => expect(splitTitle(title, known)).toEqual(site ? { headline, site } : { headline }));
  }
});

describe('isDateOnly: dates above the text are not its first paragraph', () => {
  const TABLE: [string, boolean][] = [
    ['26/10/2017', true],
    ['2017-10-26 07:41', true],
    ['الخميس 26 أكتوبر 2017 - 10:41 ص', true],
    ['منذ 3 ساعات', true],
    ['آخر تحديث: ٢٦/١٠/٢٠١٧', true],
    ['بغداد – ٢٠ تشرين الأول ٢٠١٧ – أعلنت هيئة الحشد الشعبي وصول قطعاتها إلى الحدود', false],
    ['قتل 20 شخصا', false],
    ['المصدر : الجزيرة + وكالات', false],
  ];
  for (const [paragraph, dateOnly] of TABLE) it(paragraph, () => expect(isDateOnly(paragraph)).toBe(dateOnly));
});

describe('a hostile page', () => {
  it('nesting thousands deep is a problem in words, at once (not minutes of Readability)', () => {
    const depth = 5000;
    const html = `<html lang="ar"><body>${'<div>'.repeat(depth)}<p>${'نص عن البوكمال والقائم على الحدود. '.repeat(10)}</p>${'</div>'.repeat(depth)}</body></html>`;
    const result = extractArticle(parse(html), 'https://example.org/deep', NOW);
    expect(result).toEqual({ problem: { code: 'tooDeep', params: { limit: 150 } } });
  });

  it("nesting a news page's depth is read", () => {
    const depth = 60;
    const html = `<html lang="ar"><body>${'<div>'.repeat(depth)}<p>${'نص عن البوكمال والقائم على الحدود. '.repeat(10)}</p>${'</div>'.repeat(depth)}</body></html>`;
    const result = extractArticle(parse(html), 'https://example.org/deep', NOW);
    expect(result).toMatchObject({ text: expect.stringContaining('نص عن البوكمال') });
  });
});
