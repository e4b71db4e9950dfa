/**
 * The bundle's shapes ↔ the stored rows (db/database.ts): the import packs an entity's coverage
 * with it and an article's mentions with it, repeating none of the article's text, and stores them
 * in buckets of a hash of their id; the reads unpack them to the bundle's shapes with the text.
 */
import type { EntityProfile } from '../core/analysis/profile.ts';
import type { Article, ArticleCoverage, Bundle, Coverage, Entity, Mention, Snippet } from '../core/types.ts';
import {
  ARTICLE_BUCKETS,
  ENTITY_BUCKETS,
  type ArticleRow,
  type Bucket,
  type EntityRow,
  type GazetteerData,
  type BaseMapRecord,
  type GazetteerRecord,
  type MatcherRecord,
  type StoredCoverage,
  type StoredMention,
  type StoredSnippet,
} from './database.ts';

const CUT_BEFORE = '… ';
const CUT_AFTER = ' …';

/** The snippet as offsets into `text` when it is a piece of it (cut marks around it allowed), or whole. */
export function packSnippet(snippet: Snippet, text: string | undefined): StoredSnippet {
  let shown = snippet.text;
  let cut = 0;
  if (shown.startsWith(CUT_BEFORE)) {
    cut |= 1;
    shown = shown.slice(CUT_BEFORE.length);
  }
  if (shown.endsWith(CUT_AFTER)) {
    cut |= 2;
    shown = shown.slice(0, -CUT_AFTER.length);
  }
  const from = text?.indexOf(shown) ?? -1;
  if (from < 0 || shown.length === 0) return snippet;
  return [from, from + shown.length, snippet.markStart, snippet.markEnd, cut];
}

export function unpackSnippet(stored: StoredSnippet, articleId: string, text: string): Snippet {
  if (!Array.isArray(stored)) return stored;
  const [from, to, markStart, markEnd, cut] = stored;
  const shown = (cut & 1 ? CUT_BEFORE : '') + text.slice(from, to) + (cut & 2 ? CUT_AFTER : '');
  return { articleId, text: shown, markStart, markEnd };
}

export function packCoverage(coverage: Coverage, textOf: (articleId: string) => string | undefined): StoredCoverage {
  return {
    ...coverage,
    articles: coverage.articles.map((a) => ({
      ...a,
      // Unpacked with the text of the article it is listed under (unpackCoverage).
      snippets: a.snippets.map((s) => (s.articleId === a.articleId ? packSnippet(s, textOf(a.articleId)) : s)),
    })),
  };
}

/** `textOf`: the text of each article the coverage names (a packed snippet without its article is left out). */
export function unpackCoverage(stored: StoredCoverage, textOf: (articleId: string) => string | undefined): Coverage {
  // The outlet profile travels in the same JSON but is no part of the Coverage (profileOf).
  const { outlets: _outlets, timeline: _timeline, ...coverage } = stored;
  return {
    ...coverage,
    articles: stored.articles.map((a): ArticleCoverage => {
      const snippets: Snippet[] = [];
      for (const s of a.snippets) {
        if (!Array.isArray(s)) snippets.push(s);
        else {
          const text = textOf(a.articleId);
          if (text !== undefined) snippets.push(unpackSnippet(s, a.articleId, text));
        }
      }
      return { ...a, snippets };
    }),
  };
}

export function packMentions(mentions: readonly Mention[]): StoredMention[] {
  return mentions.map((m) => [m.start, m.end, m.entityId, m.confidence]);
}

export function unpackMentions(stored: readonly StoredMention[], text: string): Mention[] {
  return stored.map(([start, end, entityId, confidence]) => ({ start, end, text: text.slice(start, end), entityId, confidence }));
}

export function entityOf(row: EntityRow): Entity {
  return JSON.parse(row.entity) as Entity;
}

export function mentionsOf(row: ArticleRow): StoredMention[] {
  return JSON.parse(row.mentions) as StoredMention[];
}

export function coverageOf(row: EntityRow): StoredCoverage | undefined {
  return row.coverage === undefined ? undefined : (JSON.parse(row.coverage) as StoredCoverage);
}

/** How outlets name the entity and its timeline, as stored with its coverage (none when not stored). */
export function profileOf(stored: StoredCoverage | undefined): Pick<StoredCoverage, 'outlets' | 'timeline'> {
  const profile: Pick<StoredCoverage, 'outlets' | 'timeline'> = {};
  if (stored?.outlets) profile.outlets = stored.outlets;
  if (stored?.timeline) profile.timeline = stored.timeline;
  return profile;
}

/** The bundle's entities as stored, each with its coverage (and its outlet profile inside it). */
export function entityRows(bundle: Bundle): EntityRow[] {
  const texts = new Map<string, string>(bundle.articles.map((a) => [a.id, a.text]));
  const coverage = new Map<string, Coverage>(bundle.coverage.map((c) => [c.entityId, c]));
  const profiles = new Map<string, EntityProfile>((bundle.profiles ?? []).map((p) => [p.entityId, p]));
  return bundle.entities.map((entity: Entity) => {
    const c = coverage.get(entity.id);
    const row: EntityRow = { id: entity.id, entity: JSON.stringify(entity) };
    if (c) {
      const stored = packCoverage(c, (id) => texts.get(id));
      const p = profiles.get(entity.id);
      if (p) {
        stored.outlets = p.outlets;
        stored.timeline = p.timeline;
      }
      row.coverage = JSON.stringify(stored);
    }
    return row;
  });
}

/** The bundle's articles as stored, each with its mentions. */
export function articleRows(bundle: Bundle): ArticleRow[] {
  const mentions = new Map<string, Mention[]>(bundle.articleMentions.map((m) => [m.articleId, m.mentions]));
  return bundle.articles.map((a: Article) => ({ ...a, mentions: JSON.stringify(packMentions(mentions.get(a.id) ?? [])) }));
}

/**
 * The bucket of an id: FNV-1a (32 bits) of its UTF-16 code units, modulo `buckets`. Part of the
 * stored format: a change needs a schema version.
 */
export function bucketOf(id: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % buckets;
}

/** `items` grouped by bucket, buckets in key order, items in id order (the same rows for the same bundle). */
export function bucketed<T extends { id: string }>(items: readonly T[], buckets: number): Bucket<T>[] {
  const byBucket = new Map<number, T[]>();
  for (const item of [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const b = bucketOf(item.id, buckets);
    const list = byBucket.get(b);
    if (list) list.push(item);
    else byBucket.set(b, [item]);
  }
  return [...byBucket].sort(([a], [b]) => a - b).map(([id, list]) => ({ id, items: list }));
}

export const entityBuckets = (bundle: Bundle) => bucketed(entityRows(bundle), ENTITY_BUCKETS);
export const articleBuckets = (bundle: Bundle) => bucketed(articleRows(bundle), ARTICLE_BUCKETS);

/** The search's record: every entity as the bundle has it, and its mentions. */
export function gazetteerRecord(bundle: Bundle): GazetteerRecord {
  const mentions: Record<string, number> = {};
  for (const c of bundle.coverage) if (c.mentions > 0) mentions[c.entityId] = c.mentions;
  const data: GazetteerData = { entities: bundle.entities, mentions };
  return { key: 'gazetteer', version: bundle.version, json: JSON.stringify(data) };
}

export function matcherRecord(bundle: Bundle): MatcherRecord {
  return { key: 'matcher', version: bundle.version, json: JSON.stringify(bundle.matcher) };
}

/** The base map's record, when the bundle has one (test bundles do not). */
export function baseMapRecord(bundle: Bundle): BaseMapRecord[] {
  return bundle.baseMap ? [{ key: 'basemap', version: bundle.version, json: JSON.stringify(bundle.baseMap) }] : [];
}
