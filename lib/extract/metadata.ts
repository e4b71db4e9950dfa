/**
 * What a news page says about its article outside the article's text: headline, outlet, address,
 * publication date, author, language. Read-only on the document it is given; each field is a
 * table of sources tried in order, with the case each source is there for.
 */
import { isoDay } from '../../core/library/dates.ts';
import { cleanUrl, hostName } from '../../core/library/url.ts';
import { sameHeadline, tidyParagraph } from '../../core/library/text.ts';
import { articlesFirst, firstString, jsonLdObjects, nameOf, type JsonLdObject } from './json-ld.ts';

export interface PageMetadata {
  /** Headline with any site-name suffix removed; undefined when the page declares none. */
  title?: string;
  /** The outlet's own name for itself, else the host; '' when neither is known. */
  outlet: string;
  url?: string;
  date?: { date: string; note: string };
  byline?: string;
  /** The <html lang> attribute, as written. */
  declaredLanguage?: string;
}

function meta(doc: Document, selector: string): string | undefined {
  const v = doc.querySelector(selector)?.getAttribute('content');
  return v && v.trim() ? tidyParagraph(v) : undefined;
}

/** Machine-readable publication dates in meta tags, most specific first. */
const META_DATES: readonly { selector: string; note: string }[] = [
  { selector: 'meta[property="article:published_time"], meta[name="article:published_time"]', note: 'meta article:published_time' },
  { selector: 'meta[property="og:published_time"], meta[property="og:article:published_time"]', note: 'meta og:published_time' },
  { selector: 'meta[name="pubdate"], meta[name="publishdate"], meta[name="publish-date"]', note: 'meta pubdate' },
  { selector: 'meta[name="parsely-pub-date"], meta[name="sailthru.date"]', note: 'meta parsely-pub-date' },
  { selector: 'meta[name="DC.date.issued" i], meta[name="dcterms.issued" i], meta[name="dcterms.created" i]', note: 'meta Dublin Core date' },
];

/**
 * Where the article's own <time> is: inside the article (or the main region, for single-page apps
 * whose markup has no <article>), not a clock in the site's header or a date in a related list.
 */
const ARTICLE_TIME = 'article time[datetime], main time[datetime], [role="main"] time[datetime], [itemprop="articleBody"] time[datetime]';
const NOT_THE_ARTICLE = 'nav, aside, footer, [role="complementary"], [role="contentinfo"], [role="navigation"]';

function publicationDate(doc: Document, ld: readonly JsonLdObject[]): PageMetadata['date'] {
  for (const { selector, note } of META_DATES) {
    const date = isoDay(meta(doc, selector));
    if (date) return { date, note };
  }
  for (const el of doc.querySelectorAll('[itemprop="datePublished"]')) {
    const date = isoDay(el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent);
    if (date) return { date, note: 'itemprop datePublished' };
  }
  for (const o of articlesFirst(ld)) {
    const date = isoDay(typeof o['datePublished'] === 'string' ? o['datePublished'] : undefined);
    if (date) return { date, note: 'JSON-LD datePublished' };
  }
  const times = [...doc.querySelectorAll(ARTICLE_TIME), ...doc.querySelectorAll('body time[datetime]')];
  for (const el of times) {
    if (el.closest(NOT_THE_ARTICLE)) continue;
    const date = isoDay(el.getAttribute('datetime'));
    if (date) return { date, note: '<time datetime> in the article' };
  }
  return undefined;
}

/** Separators between a headline and a site name in <title>: "X | الجزيرة نت", "X :: صحيفة", "X – موقع". */
const TITLE_SEPARATOR = /\s+(?:\||::|–|—|-|»|«|·|•)\s+/;

/** A trailing title segment this short is a site name, not half of the headline. */
const MAX_SITE_SUFFIX_WORDS = 5;

/**
 * "headline | site" → { headline, site }. A segment naming a known site goes at either end; with
 * `guessSite` (a <title>, where sites put their name) a short last segment after a long headline
 * is taken for the site too. An og:title is not guessed at: "سوريا - البوكمال" may be all headline.
 */
export function splitTitle(
  title: string,
  knownSites: readonly string[] = [],
  guessSite = true,
): { headline: string; site?: string } {
  const separators = [...title.matchAll(new RegExp(TITLE_SEPARATOR.source, 'g'))];
  const firstSep = separators[0];
  const lastSep = separators[separators.length - 1];
  if (!firstSep || !lastSep) return { headline: title };
  const first = title.slice(0, firstSep.index).trim();
  if (knownSites.some((s) => sameHeadline(s, first))) {
    return { headline: title.slice(firstSep.index + firstSep[0].length).trim(), site: first };
  }
  const headline = title.slice(0, lastSep.index).trim();
  const last = title.slice(lastSep.index + lastSep[0].length).trim();
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  const known = knownSites.some((s) => sameHeadline(s, last));
  if (known || (guessSite && words(last) <= MAX_SITE_SUFFIX_WORDS && words(headline) >= 3)) return { headline, site: last };
  return { headline: title };
}

export function bylineOf(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  // "كتب: محمد العلي", "بقلم سامر الأحمد", "By Jane Doe": the name, not the verb before it.
  const name = tidyParagraph(raw).replace(/^(?:كتب|كتبت|بقلم|تقرير|إعداد|اعداد|by)\s*[:：\-–]?\s*/i, '');
  return name && name.length <= 120 ? name : undefined;
}

export function readPageMetadata(doc: Document, pageUrl: string): PageMetadata {
  const ld = jsonLdObjects(doc);
  const ldArticle = articlesFirst(ld);
  const siteNames = [
    meta(doc, 'meta[property="og:site_name"]'),
    nameOf(ldArticle.find((o) => o['publisher'] !== undefined)?.['publisher'], ld),
    meta(doc, 'meta[name="application-name"]'),
  ].filter((s): s is string => s !== undefined);
  const htmlTitle = tidyParagraph(doc.querySelector('head > title, title')?.textContent ?? '');
  const fromHtmlTitle = htmlTitle ? splitTitle(htmlTitle, siteNames) : undefined;

  const ogTitle = meta(doc, 'meta[property="og:title"]');
  const title =
    (ogTitle && splitTitle(ogTitle, [...siteNames, ...(fromHtmlTitle?.site ? [fromHtmlTitle.site] : [])], false).headline) ||
    firstString(ld, 'headline') ||
    fromHtmlTitle?.headline ||
    undefined;

  const url =
    cleanUrl(doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'), pageUrl || undefined) ??
    cleanUrl(meta(doc, 'meta[property="og:url"]'), pageUrl || undefined) ??
    cleanUrl(pageUrl);

  // A site name in <title> ("… :: صحيفة البيان الجديد") is the outlet's own words; the host is not.
  const outlet = siteNames[0] ?? fromHtmlTitle?.site ?? hostName(url);

  const byline =
    bylineOf(meta(doc, 'meta[name="author"]')) ??
    bylineOf(nameOf(ldArticle.find((o) => o['author'] !== undefined)?.['author'], ld));

  const declaredLanguage = doc.documentElement?.getAttribute('lang') ?? undefined;
  return {
    ...(title ? { title } : {}),
    outlet,
    ...(url ? { url } : {}),
    ...(() => {
      const date = publicationDate(doc, ld);
      return date ? { date } : {};
    })(),
    ...(byline ? { byline } : {}),
    ...(declaredLanguage ? { declaredLanguage } : {}),
  };
}

