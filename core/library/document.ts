/**
 * A reader's document (LibraryInput) → what the library stores: the article (its id derived from
 * its URL or text, so the same article saved twice is one), the mentions the matcher finds in its
 * text, and per entity what its card shows of it (count, where it first appears, snippets) — the
 * same shapes the bundle's coverage has (core/corpus/coverage.ts), computed for one article. Pure.
 */
import { normaliseKey } from '../arabic/normalise.ts';
import { outletProfiles, type EntityProfile } from '../analysis/outlet-naming.ts';
import { buildCoverage } from '../corpus/coverage.ts';
import type { Matcher } from '../match/automaton.ts';
import { detect } from '../match/detect.ts';
import type { Article, ArticleCoverage, Mention } from '../types.ts';
import { hashString } from '../util/hash.ts';
import type { LibraryInput } from './input.ts';
import { cleanUrl } from './url.ts';

/** Library article ids: `own-` and a hash, apart from the corpus's slugs (lib/messages ARTICLE_ID). */
export const OWN_ID_PREFIX = 'own-';

/**
 * The URL as the library compares it: cleanUrl's (no fragment, no tracking parameters: url.ts), with
 * its query sorted and no trailing slash
 * (https://Example.com/a/?utm_source=x#c → https://example.com/a). Undefined for what is not an
 * http(s) URL.
 */
export function canonicalUrl(url: string | undefined): string | undefined {
  const clean = cleanUrl(url);
  if (!clean) return undefined;
  const u = new URL(clean);
  u.searchParams.sort();
  return u.toString().replace(/\/(?=$|\?)/, '');
}

/**
 * The text's fingerprint: its normalised letters (diacritics, letter variants, spaces and
 * punctuation folded by normaliseKey), hashed. The same article from two URLs (print view, AMP) or
 * saved again after the page re-rendered its markup has the same one.
 */
export function fingerprintOf(text: string): string {
  return hashString(normaliseKey(text));
}

/** A stored article's id: from the canonical URL when there is one, else from the text. */
export function ownArticleId(input: Pick<LibraryInput, 'url' | 'text'>): string {
  const url = canonicalUrl(input.url);
  return OWN_ID_PREFIX + (url ? hashString(url, 1) : fingerprintOf(input.text));
}

export interface LibraryDocument {
  article: Article & { own: true };
  fingerprint: string;
  /** Mentions in text order, as detect gives them. */
  mentions: Mention[];
  /**
   * Per entity the article names: what its card shows of this article, and how this article's
   * outlet names it (its part of the entity's outlet profile and timeline, issue 14).
   */
  coverage: (ArticleCoverage & { entityId: string; profile?: EntityProfile })[];
}

/** A text longer than this (a whole book pasted as one file) is kept only up to here: ~4 MB stored. */
export const MAX_TEXT_CHARS = 2_000_000;

/** `id`: keep this id (a stored article found again with new names) instead of deriving one. */
export function libraryDocument(input: LibraryInput, matcher: Matcher, id?: string): LibraryDocument {
  const text = input.text.length > MAX_TEXT_CHARS ? input.text.slice(0, MAX_TEXT_CHARS) : input.text;
  const url = canonicalUrl(input.url);
  const article: Article & { own: true } = {
    id: id ?? ownArticleId({ url, text }),
    file: input.sourceFile ?? '',
    outlet: input.outlet,
    outletEn: '',
    headline: input.title,
    date: input.date ?? '',
    dateEstimated: input.dateEstimated || !input.date,
    dateNote: input.dateNote ?? '',
    language: input.language,
    text,
    own: true,
  };
  if (input.byline) article.byline = input.byline;
  if (url) article.url = url;
  const mentions = detect(matcher, text);
  const byArticle = new Map([[article.id, mentions]]);
  const profiles = new Map(outletProfiles([article], byArticle).map((p) => [p.entityId, p]));
  const coverage = buildCoverage([article], byArticle).map((c) => {
    const profile = profiles.get(c.entityId);
    return { ...c.articles[0]!, entityId: c.entityId, ...(profile ? { profile } : {}) };
  });
  return { article, fingerprint: fingerprintOf(text), mentions, coverage };
}
