import { describe, expect, it } from 'vitest';
import { relatedArticles } from '../../core/search/related.ts';

const article = (articleId: string, ...ids: string[]) => ({ articleId, mentions: ids.map((entityId) => ({ entityId })) });

describe('relatedArticles', () => {
  const articles = [
    article('a', 'place:iraq', 'place:syria', 'place:alqaim'),
    article('b', 'place:iraq', 'place:syria'),
    article('c', 'place:iraq', 'group:pmf', 'place:alqaim', 'place:rawa'),
    article('d', 'place:tokyo'),
  ];

  it('ranks by shared names, rare names weighing more, and leaves out articles sharing none', () => {
    const ranked = relatedArticles({ 'place:alqaim': 3, 'place:rawa': 1, 'place:iraq': 5 }, articles);
    expect(ranked.map((r) => r.articleId)).toEqual(['c', 'a', 'b']);
    expect(ranked[0]!.shared).toEqual(['place:iraq', 'place:alqaim', 'place:rawa']);
  });

  it('returns nothing for a page with no names', () => {
    expect(relatedArticles({}, articles)).toEqual([]);
  });
});
