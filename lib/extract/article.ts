/**
 * "Save this page": the article of a news page as a library document. Works on a Document the
 * caller parsed from the page's HTML (DOMParser in the browser, linkedom in tests); Readability
 * runs on a copy of it, so the given document (and never a live page) is changed in any way.
 *
 * Why @mozilla/readability (not defuddle): on our Arabic fixture pages both found the same body
 * text, but Readability took 3–25 ms a page where defuddle took 40–530 ms (linkedom, Node 20),
 * it is a fraction of the size in the bundle, and defuddle took an author for the site name and
 * joined two JSON-LD dates on the WordPress page. Metadata is read by ./metadata.ts, which knows
 * the Arabic sites' habits (site names in <title>, Arabic dates in the text).
 */
import { Readability } from '@mozilla/readability';
import { findArabicDate, localDay } from '../../core/library/dates.ts';
import type { LibraryInput } from '../../core/library/input.ts';
import { errorDetail, problem, type Problem } from '../../core/library/problem.ts';
import { documentLanguage } from '../../core/library/language.ts';
import { sameHeadline } from '../../core/library/text.ts';
import { blockParagraphs } from './block-text.ts';
import { bylineOf, readPageMetadata } from './metadata.ts';

/** An article shorter than this is a page without one (a homepage, an index, a video page's caption). */
export const MIN_ARTICLE_CHARS = 100;

/**
 * Deepest element nesting read. News pages are 15–40 levels deep; Readability's time grows with
 * the square of the depth (250 levels took 2 s under linkedom on a loaded machine, 1,000 took 30),
 * so a page nested deeper is a problem, not a frozen save.
 */
export const MAX_DOM_DEPTH = 150;

/** Elements Readability reads before it gives up: big news pages have 3,000–10,000. */
export const MAX_ELEMENTS = 50_000;

/** Dates are looked for in the opening of the article only: a dateline, not a date it reports on. */
const DATELINE_CHARS = 400;

/**
 * Page furniture removed from the copy before Readability scores it: blocks its class and id
 * heuristics keep when they sit inside the article's container. Each with the markup it is for.
 */
export const CLUTTER: readonly { selector: string; example: string }[] = [
  { selector: 'ins.adsbygoogle, .adsbygoogle, [id^="div-gpt-ad"], [id^="dfp-ad"], [class~="ad-slot"], [class~="advert"]', example: '<div class="adsbygoogle">إعلان ممول</div> (AdSense, Google Ad Manager slots)' },
  { selector: '.sharedaddy, .share-buttons, [class~="social-share"], [class~="share"]', example: '<div class="sharedaddy"><h3>شارك هذا:</h3>… (share bars)' },
  { selector: '#jp-relatedposts, .jp-relatedposts, .related-posts, .yarpp-related, [class~="related"]', example: '<div class="jp-relatedposts"><h3>ذات صلة</h3><ul>… (related-post lists)' },
  // Containers only: SEO plugins link names inside the body's sentences with rel="tag", and those words are the article's.
  { selector: '[class~="article-tags"], .tags-links', example: '<div class="article-tags"><a>العراق</a>… (tag lists)' },
];

export type ExtractResult = LibraryInput | { problem: Problem };

/**
 * A paragraph that is only a date or a time, as article headers show them above the text:
 * "26/10/2017", "2017-10-26 07:41", "الخميس 26 أكتوبر 2017 - 10:41 ص", "منذ 3 ساعات". At the top of
 * the text it is furniture, not the article's opening.
 */
const DATE_ONLY = /^(?:(?:الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|منذ|ساعة|ساعات|دقيقة|دقائق|يوم|أيام|آخر تحديث|تحديث|نشر في|ص|م)[\s:،,]*|[\d٠-٩]+[\s\/\-.:،,]*)+$/;

export function isDateOnly(paragraph: string): boolean {
  return paragraph.length <= 60 && /[\d٠-٩]/.test(paragraph) && (DATE_ONLY.test(paragraph) || (findArabicDate(paragraph) !== undefined && paragraph.split(/\s+/).length <= 7));
}

/** How deep the body's elements nest, counting no further than `limit + 1`. */
function nestingDepth(root: Element, limit: number): number {
  let deepest = 0;
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return deepest;
}

function removeClutter(doc: Document): void {
  for (const { selector } of CLUTTER) for (const el of doc.querySelectorAll(selector)) el.remove();
}

export interface ExtractOptions {
  /** The dateNote when the page has no date at all (an imported file says 'imported', not 'saved'). */
  undatedNote?: string;
}

export function extractArticle(doc: Document, url: string, now: Date, options: ExtractOptions = {}): ExtractResult {
  try {
    const meta = readPageMetadata(doc, url);
    if (doc.body && nestingDepth(doc.body, MAX_DOM_DEPTH) > MAX_DOM_DEPTH) {
      return { problem: problem('tooDeep', { limit: MAX_DOM_DEPTH }) };
    }
    const copy = doc.cloneNode(true) as Document;
    removeClutter(copy);
    const parsed = new Readability<Node>(copy, { serializer: (node) => node, maxElemsToParse: MAX_ELEMENTS }).parse();
    const title = meta.title || parsed?.title?.trim() || '';
    let paragraphs = parsed?.content ? blockParagraphs(parsed.content) : [];
    // Readability often keeps the headline as the body's first block; the library keeps it apart.
    while (paragraphs.length > 0 && (sameHeadline(paragraphs[0]!, title) || isDateOnly(paragraphs[0]!))) paragraphs = paragraphs.slice(1);
    // The header's date may come after a source line ("المصدر : الجزيرة"): the first three blocks are looked at.
    paragraphs = paragraphs.filter((p, i) => i >= 3 || !isDateOnly(p));
    const text = paragraphs.join('\n\n');
    if (text.length < MIN_ARTICLE_CHARS) {
      return { problem: problem('noArticle', { chars: text.length }) };
    }
    const written = meta.date ? undefined : findArabicDate(text.slice(0, DATELINE_CHARS));
    const date = meta.date
      ? { date: meta.date.date, dateEstimated: false, dateNote: meta.date.note }
      : written
        ? { date: written.date, dateEstimated: true, dateNote: `date written in the article's text: "${written.written}"` }
        : { date: localDay(now), dateEstimated: true, dateNote: options.undatedNote ?? 'no publication date on the page: the day it was saved' };
    const byline = meta.byline ?? bylineOf(parsed?.byline ?? undefined);
    return {
      title: title || paragraphs[0]!.slice(0, 120),
      outlet: meta.outlet,
      ...(meta.url ? { url: meta.url } : {}),
      ...date,
      language: documentLanguage(meta.declaredLanguage, `${title}\n${text}`),
      ...(byline ? { byline } : {}),
      text,
      origin: 'saved',
    };
  } catch (e) {
    // A hostile or broken page gets a problem in words, never an exception into the caller.
    return { problem: problem('unreadable', { detail: errorDetail(e) }) };
  }
}
