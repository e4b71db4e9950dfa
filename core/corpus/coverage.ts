/**
 * What the coverage says about each entity: which articles mention it, how often, the sentence
 * around each mention, and what else those sentences name.
 */
import type { Article, ArticleCoverage, Coverage, Entity, Mention, Snippet } from '../types.ts';

/** Longest snippet kept whole; longer sentences are cut to a window around the mention. */
export const MAX_SNIPPET = 280;
/** Snippets kept per entity and article: the card shows the first few. */
export const SNIPPETS_PER_ARTICLE = 3;
/** Co-mentioned entities kept per entity. */
export const RELATED_PER_ENTITY = 12;

/** Sentence spans: split after . ! ? ؟ … and at line breaks. */
export function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /[^.!?؟…\n]+[.!?؟…]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) spans.push([start, end]);
  }
  return spans;
}

export function snippetAround(articleId: string, text: string, sentence: [number, number], m: Mention): Snippet {
  let [from, to] = sentence;
  let prefix = '';
  let suffix = '';
  if (to - from > MAX_SNIPPET) {
    const room = Math.max(0, MAX_SNIPPET - (m.end - m.start));
    const newFrom = Math.max(from, m.start - Math.floor(room / 2));
    const newTo = Math.min(to, newFrom + (m.end - newFrom) + (room - (m.start - newFrom)));
    if (newFrom > from) prefix = '… ';
    if (newTo < to) suffix = ' …';
    from = newFrom;
    to = Math.max(newTo, m.end);
  }
  return {
    articleId,
    text: prefix + text.slice(from, to) + suffix,
    markStart: prefix.length + m.start - from,
    markEnd: prefix.length + m.end - from,
  };
}

/**
 * The outlet entity that published `article`: the one whose Arabic names include the article's
 * outlet (الوقت → موقع الوقت, a weak alias) or whose English names its English outlet (Alwaght).
 * An outlet rarely names itself in its own text, yet it is part of what the coverage says about it.
 */
export function publisherOf(article: Pick<Article, 'outlet' | 'outletEn'>, outlets: readonly Entity[]): string | undefined {
  const en = (article.outletEn ?? '').trim().toLowerCase();
  const found = outlets.find(
    (e) =>
      e.kind === 'outlet' &&
      ([e.name, ...e.aliases, ...e.weakAliases].includes(article.outlet.trim()) ||
        (en !== '' && [e.nameEn, ...e.translit].some((n) => n.toLowerCase() === en))),
  );
  return found?.id;
}

/**
 * @param entities when given, each article also counts for the outlet that published it
 *   (publisherOf), as an ArticleCoverage marked `published` with the mentions it has, maybe none
 */
export function buildCoverage(
  articles: readonly Article[],
  mentionsByArticle: ReadonlyMap<string, readonly Mention[]>,
  entities: readonly Entity[] = [],
): Coverage[] {
  const perEntity = new Map<string, { mentions: number; articles: ArticleCoverage[]; related: Map<string, number> }>();
  const dateOf = new Map(articles.map((a) => [a.id, a.date]));
  for (const article of articles) {
    const mentions = mentionsByArticle.get(article.id) ?? [];
    const sentences = sentenceSpans(article.text);
    const sentenceOf = (m: Mention) => sentences.findIndex(([s, e]) => m.start >= s && m.start < e);
    const bySentence = new Map<number, Mention[]>();
    for (const m of mentions) {
      const s = sentenceOf(m);
      const list = bySentence.get(s) ?? [];
      list.push(m);
      bySentence.set(s, list);
    }
    const here = new Map<string, ArticleCoverage>();
    const snippetSentences = new Map<string, Set<number>>();
    for (const m of mentions) {
      const entry = perEntity.get(m.entityId) ?? { mentions: 0, articles: [], related: new Map<string, number>() };
      perEntity.set(m.entityId, entry);
      entry.mentions++;
      let cov = here.get(m.entityId);
      if (!cov) {
        cov = { articleId: article.id, count: 0, firstAt: m.start / Math.max(1, article.text.length), snippets: [] };
        here.set(m.entityId, cov);
        entry.articles.push(cov);
      }
      cov.count++;
      const s = sentenceOf(m);
      const sentence = sentences[s];
      const used = snippetSentences.get(m.entityId) ?? new Set<number>();
      snippetSentences.set(m.entityId, used);
      if (sentence && !used.has(s) && cov.snippets.length < SNIPPETS_PER_ARTICLE) {
        used.add(s);
        cov.snippets.push(snippetAround(article.id, article.text, sentence, m));
      }
      for (const other of bySentence.get(s) ?? []) {
        if (other.entityId !== m.entityId) entry.related.set(other.entityId, (entry.related.get(other.entityId) ?? 0) + 1);
      }
    }
    const publisher = publisherOf(article, entities);
    if (publisher) {
      const entry = perEntity.get(publisher) ?? { mentions: 0, articles: [], related: new Map<string, number>() };
      perEntity.set(publisher, entry);
      let cov = here.get(publisher);
      if (!cov) {
        cov = { articleId: article.id, count: 0, firstAt: 1, snippets: [] };
        entry.articles.push(cov);
      }
      cov.published = true;
    }
  }
  const coverage: Coverage[] = [];
  for (const [entityId, entry] of perEntity) {
    entry.articles.sort(
      (a, b) =>
        b.count - a.count ||
        a.firstAt - b.firstAt ||
        (dateOf.get(b.articleId) ?? '').localeCompare(dateOf.get(a.articleId) ?? ''),
    );
    const related = [...entry.related]
      .map(([id, count]) => ({ entityId: id, count }))
      .sort((a, b) => b.count - a.count || a.entityId.localeCompare(b.entityId))
      .slice(0, RELATED_PER_ENTITY);
    coverage.push({ entityId, mentions: entry.mentions, articles: entry.articles, related });
  }
  return coverage.sort((a, b) => b.mentions - a.mentions || a.entityId.localeCompare(b.entityId));
}
