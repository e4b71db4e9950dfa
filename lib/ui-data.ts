/**
 * What the extension's own pages (popup, side panel, options) read from the database. They share
 * the extension's origin with the background, so they open the same Dexie database directly and
 * wrap these reads in liveQuery (components/hooks.ts): a view re-renders when an import, or the
 * reader's own change in another page, touches the rows it read.
 *
 * Card data comes from db/queries.ts `cardData`, the same function that answers the content
 * script's getCard, so every card shows the same thing; the import status from db/import.ts
 * `importStatus`, the answer to getStatus.
 *
 * The bundle's mentions are those detect kept at its confidence threshold (core/match/detect.ts),
 * so every one of them counts here as the article naming the entity.
 */
import { relatedArticles, type RelatedArticle } from '../core/search/related.ts';
import { SearchIndex } from '../core/search/search.ts';
import { tally } from '../core/util/tally.ts';
import type { Article, Entity, Mention } from '../core/types.ts';
import { DB_NAME, openDatabase, type ArticleRow, type GazetteerData, type GazetteerRecord, type LensDatabase, type SiteRow } from '../db/database.ts';
import { allArticleRows, articleRow, readGazetteerRecord, summary } from '../db/queries.ts';
import { libraryRows, libraryText, libraryTotals, namesVersionString, ownSummary, readNamesVersion, userEntities } from '../db/library.ts';
import { mentionsOf, unpackMentions } from '../db/rows.ts';
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

/**
 * The bundle's entities and the reader's own (theirs win an id both have), with their mentions in
 * the corpus and the reader's library together.
 */
function buildGazetteer(record: GazetteerRecord | null, own: readonly Entity[], libraryCounts: Record<string, { mentions: number }>): Gazetteer {
  const data: GazetteerData = record ? (JSON.parse(record.json) as GazetteerData) : { entities: [], mentions: {} };
  const ownIds = new Set(own.map((e) => e.id));
  const entities = [...data.entities.filter((e) => !ownIds.has(e.id)), ...own];
  const mentions = new Map(Object.entries(data.mentions));
  for (const [id, t] of Object.entries(libraryCounts)) mentions.set(id, (mentions.get(id) ?? 0) + t.mentions);
  return { index: new SearchIndex(entities, mentions), byId: new Map(entities.map((e) => [e.id, e])), mentions };
}

/**
 * Built once per bundle version: a liveQuery runs this again whenever the record is rewritten
 * (every import) and each open page would otherwise rebuild the index (100,000 names: ~1 s).
 */
let built: { version: string; gazetteer: Gazetteer } | undefined;

export async function gazetteer(db: LensDatabase): Promise<Gazetteer> {
  const [record, names, counts] = await Promise.all([readGazetteerRecord(db), readNamesVersion(db), libraryTotals(db)]);
  if (!record && names.count === 0) return buildGazetteer(null, [], {});
  // The library's counts change with every saved article: part of the version, cheaply (a sum).
  let total = 0;
  for (const t of Object.values(counts)) total += t.mentions * 31 + t.articles;
  // The reader's names by their stored version: read whole only when they changed.
  const version = `${record?.version ?? ''}+${namesVersionString(names)}+${Object.keys(counts).length}:${total}`;
  if (built?.version !== version) built = { version, gazetteer: buildGazetteer(record, await userEntities(db), counts) };
  return built.gazetteer;
}

/** One source in the side panel's list. */
export interface SourceRow {
  article: ArticleSummary;
  /** Distinct entities the article names. */
  names: string[];
  /** Mentions per entity in the article. */
  counts: Record<string, number>;
}

function sourceRow(article: ArticleSummary, counts: Record<string, number>): SourceRow {
  const names = Object.keys(counts).sort((x, y) => counts[y]! - counts[x]! || x.localeCompare(y));
  return { article, names, counts };
}

/** Every corpus article and the reader's own, newest first (ties by id), with the names each mentions. */
export async function sources(db: LensDatabase): Promise<SourceRow[]> {
  const [rows, own] = await Promise.all([allArticleRows(db), libraryRows(db)]);
  return [
    ...rows.map((row) => sourceRow(summary(row), tally(mentionsOf(row).map(([, , entityId]) => entityId)))),
    ...own.map((row) => sourceRow(ownSummary(row), row.counts)),
  ].sort((a, b) => b.article.date.localeCompare(a.article.date) || a.article.id.localeCompare(b.article.id));
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
  const row = (await articleRow(db, articleId)) ?? (await ownArticleRow(db, articleId));
  if (!row) return null;
  const { mentions: _stored, ...article } = row;
  const stored = mentionsOf(row);
  const mentions: Mention[] = [];
  let end = 0;
  for (const m of unpackMentions(stored, article.text).sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (m.start < end || m.end > article.text.length || m.end <= m.start) continue;
    mentions.push(m);
    end = m.end;
  }
  return { article, mentions };
}

/** A library article in the bundle's article shape (text and mentions together). */
async function ownArticleRow(db: LensDatabase, id: string): Promise<ArticleRow | undefined> {
  const [row, text] = await Promise.all([db.library.get(id), libraryText(db, id)]);
  if (!row || !text) return undefined;
  return { ...ownSummary(row), text: text.text, mentions: text.mentions };
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
