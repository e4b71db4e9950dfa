/**
 * The reads and writes behind the background's answers, one function per question, so each can
 * be tested against a database without a browser.
 */
import { SearchIndex } from '../core/search/search.ts';
import type { Article, Entity } from '../core/types.ts';
import type { ArticleSummary, CardData, MatcherPayload, SearchResult } from '../lib/messages.ts';
import type { LensDatabase } from './database.ts';

function summary(article: Article): ArticleSummary {
  const { text: _text, ...rest } = article;
  return rest;
}

export async function matcherPayload(db: LensDatabase): Promise<MatcherPayload | null> {
  const row = await db.meta.get('matcher');
  if (row?.key !== 'matcher') return null;
  return { version: row.version, matcher: row.matcher, kinds: row.kinds };
}

/** Everything the entity card shows, or null for an unknown id. */
export async function cardData(db: LensDatabase, entityId: string): Promise<CardData | null> {
  return db.transaction('r', [db.entities, db.coverage, db.articles], async () => {
    const entity = await db.entities.get(entityId);
    if (!entity) return null;
    const [coverage, parent] = await Promise.all([
      db.coverage.get(entityId),
      entity.parent ? db.entities.get(entity.parent) : Promise.resolve(undefined),
    ]);
    const articleIds = coverage?.articles.map((a) => a.articleId) ?? [];
    const relatedIds = coverage?.related.map((r) => r.entityId) ?? [];
    const [articles, related] = await Promise.all([db.articles.bulkGet(articleIds), db.entities.bulkGet(relatedIds)]);
    const card: CardData = { entity, coverage, articles: {}, related: [] };
    if (parent) card.parent = { id: parent.id, name: parent.name, nameEn: parent.nameEn };
    for (const a of articles) if (a) card.articles[a.id] = summary(a);
    coverage?.related.forEach((r, i) => {
      const e = related[i];
      if (e) card.related.push({ id: e.id, name: e.name, nameEn: e.nameEn, kind: e.kind, count: r.count });
    });
    return card;
  });
}

/** Sites are on unless the reader switched them off. */
export async function siteEnabled(db: LensDatabase, host: string): Promise<boolean> {
  return (await db.sites.get(host))?.enabled ?? true;
}

export async function setSiteEnabled(db: LensDatabase, host: string, enabled: boolean): Promise<boolean> {
  await db.sites.put({ host, enabled, updatedAt: Date.now() });
  return enabled;
}

/** Gazetteer search (core/search), each hit resolved to what a result list shows. */
export async function searchEntities(db: LensDatabase, query: string, limit: number): Promise<SearchResult[]> {
  const [entities, coverage] = await db.transaction('r', db.entities, db.coverage, () =>
    Promise.all([db.entities.toArray(), db.coverage.toArray()]),
  );
  const weight = new Map(coverage.map((c) => [c.entityId, c.mentions]));
  const byId = new Map<string, Entity>(entities.map((e) => [e.id, e]));
  return new SearchIndex(entities, weight).search(query, limit).flatMap((hit) => {
    const e = byId.get(hit.entityId);
    return e
      ? [{ entityId: e.id, name: e.name, nameEn: e.nameEn, kind: e.kind, matched: hit.matched, mentions: weight.get(e.id) ?? 0 }]
      : [];
  });
}

/** Every article without its text, newest first. */
export async function listArticles(db: LensDatabase): Promise<ArticleSummary[]> {
  const all = await db.articles.orderBy('date').reverse().toArray();
  return all.map(summary);
}

export async function getArticle(db: LensDatabase, id: string): Promise<Article | null> {
  return (await db.articles.get(id)) ?? null;
}
