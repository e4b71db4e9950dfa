/**
 * What the extension's own pages (popup, side panel, options) read from the database. They share
 * the extension's origin with the background, so they open the same Dexie database directly and
 * wrap these reads in liveQuery (components/hooks.ts): a view re-renders when an import, or the
 * reader's own change in another page, touches the rows it read.
 *
 * Card data comes from db/queries.ts `cardData`, the same function that answers the content
 * script's getCard, so every card shows the same thing; the import status from db/import.ts
 * `importStatus`, the answer to getStatus; articles without their text from db/queries.ts
 * `listArticles`, the answer to listArticles.
 *
 * The bundle's mentions are those detect kept at its confidence threshold (core/match/detect.ts),
 * so every one of them counts here as the article naming the entity.
 */
import { relatedArticles, type RelatedArticle } from '../core/search/related.ts';
import { SearchIndex } from '../core/search/search.ts';
import type { Article, Entity, Mention } from '../core/types.ts';
import { DB_NAME, openDatabase, type LensDatabase, type SiteRow } from '../db/database.ts';
import { listArticles } from '../db/queries.ts';
import type { ArticleSummary, PageNames } from './messages.ts';

export { importStatus } from '../db/import.ts';
export { cardData } from '../db/queries.ts';

export function uiDatabase(): LensDatabase {
  return openDatabase(DB_NAME);
}

/** The gazetteer, ready to search as the reader types (built once per data change, not per key). */
export interface Gazetteer {
  index: SearchIndex;
  byId: ReadonlyMap<string, Entity>;
  /** Mentions in the corpus per entity. */
  mentions: ReadonlyMap<string, number>;
}

export async function gazetteer(db: LensDatabase): Promise<Gazetteer> {
  const [entities, coverage] = await db.transaction('r', db.entities, db.coverage, () =>
    Promise.all([db.entities.toArray(), db.coverage.toArray()]),
  );
  const mentions = new Map(coverage.map((c) => [c.entityId, c.mentions]));
  return { index: new SearchIndex(entities, mentions), byId: new Map(entities.map((e) => [e.id, e])), mentions };
}

/** One source in the side panel's list. */
export interface SourceRow {
  article: ArticleSummary;
  /** Distinct entities the article names. */
  names: string[];
  /** Mentions per entity in the article. */
  counts: Record<string, number>;
}

function countsOf(mentions: readonly Mention[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of mentions) counts[m.entityId] = (counts[m.entityId] ?? 0) + 1;
  return counts;
}

/** Every corpus article, newest first (ties by id), with the names it mentions. */
export async function sources(db: LensDatabase): Promise<SourceRow[]> {
  const [articles, mentions] = await db.transaction('r', db.articles, db.articleMentions, () =>
    Promise.all([listArticles(db), db.articleMentions.toArray()]),
  );
  const byArticle = new Map(mentions.map((m) => [m.articleId, m.mentions]));
  return articles
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
    .map((article) => {
      const counts = countsOf(byArticle.get(article.id) ?? []);
      const names = Object.keys(counts).sort((x, y) => counts[y]! - counts[x]! || x.localeCompare(y));
      return { article, names, counts };
    });
}

/** The side panel's articles ranked by the names they share with a page (core/search/related). */
export function relatedSources(page: PageNames, rows: readonly SourceRow[]): RelatedArticle[] {
  return relatedArticles(
    page,
    rows.map((r) => ({ articleId: r.article.id, mentions: r.names.map((entityId) => ({ entityId })) })),
  );
}

/** One article with its text and the mentions to highlight in it, in text order, not overlapping. */
export interface ReaderArticle {
  article: Article;
  mentions: Mention[];
}

export async function readerArticle(db: LensDatabase, articleId: string): Promise<ReaderArticle | null> {
  const [article, row] = await db.transaction('r', db.articles, db.articleMentions, () =>
    Promise.all([db.articles.get(articleId), db.articleMentions.get(articleId)]),
  );
  if (!article) return null;
  const mentions: Mention[] = [];
  let end = 0;
  for (const m of [...(row?.mentions ?? [])].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (m.start < end || m.end > article.text.length || m.end <= m.start) continue;
    mentions.push(m);
    end = m.end;
  }
  return { article, mentions };
}

/** A piece of an article's text: plain, or a mention of an entity. */
export type TextPiece = { text: string; start: number; mention?: Mention };

/** The text cut at the mentions' offsets, for rendering as text nodes and spans (never as HTML). */
export function splitText(text: string, mentions: readonly Mention[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const m of mentions) {
    if (m.start < at) continue;
    if (m.start > at) pieces.push({ text: text.slice(at, m.start), start: at });
    pieces.push({ text: text.slice(m.start, m.end), start: m.start, mention: m });
    at = m.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), start: at });
  return pieces;
}

/** Sites the reader switched off, by host. */
export async function disabledSites(db: LensDatabase): Promise<SiteRow[]> {
  const rows = await db.sites.toArray();
  return rows.filter((r) => !r.enabled).sort((a, b) => a.host.localeCompare(b.host));
}
