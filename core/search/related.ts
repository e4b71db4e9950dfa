/**
 * Articles related to what the reader has open: ranked by the names they share with the page,
 * each shared name weighted by how rare it is in the corpus (a name every article has says little).
 */
import type { Mention } from '../types.ts';

export interface RelatedArticle {
  articleId: string;
  score: number;
  /** Entity ids the article shares with the page, most mentioned on the page first. */
  shared: string[];
}

export function relatedArticles(
  pageNames: Readonly<Record<string, number>>,
  articles: readonly { articleId: string; mentions: readonly Pick<Mention, 'entityId'>[] }[],
): RelatedArticle[] {
  const inArticles = new Map<string, number>();
  const namesOf = articles.map((a) => new Set(a.mentions.map((m) => m.entityId)));
  for (const names of namesOf) for (const id of names) inArticles.set(id, (inArticles.get(id) ?? 0) + 1);
  const total = articles.length;
  const ranked: RelatedArticle[] = [];
  articles.forEach((a, i) => {
    const shared = [...namesOf[i]!].filter((id) => (pageNames[id] ?? 0) > 0);
    if (shared.length === 0) return;
    const score = shared.reduce((s, id) => s + Math.log(1 + total / (inArticles.get(id) ?? 1)), 0);
    shared.sort((x, y) => (pageNames[y] ?? 0) - (pageNames[x] ?? 0) || x.localeCompare(y));
    ranked.push({ articleId: a.articleId, score: Math.round(score * 1000) / 1000, shared });
  });
  return ranked.sort((x, y) => y.score - x.score || x.articleId.localeCompare(y.articleId));
}
