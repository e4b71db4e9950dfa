/**
 * A synthetic gazetteer and coverage at scale, for the import and scale benchmark: 100,000 names
 * and 10,000 articles by default, generated from a seeded RNG (the same bundle on every run).
 *
 * Words are Arabic-like: 3–7 letters of the Arabic alphabet with long vowels (ا و ي) between
 * consonants, as Arabic roots and patterns give; names are one to three such words, often with the
 * article (ال) or behind a word for a kind of place or group (مدينة, قوات …), as real names are.
 * Articles are sentences of such words with entity names placed in them; the mentions, coverage
 * (snippets and related entities) and the compiled matcher are derived the way the corpus build
 * derives them, so each table has realistic row counts and sizes.
 */
import { normaliseKey } from '../../core/arabic/normalise.ts';
import { compileMatcher, type MatcherName } from '../../core/match/automaton.ts';
import {
  ENTITY_KINDS,
  categoryOf,
  type Article,
  type ArticleCoverage,
  type Bundle,
  type Coverage,
  type Entity,
  type EntityKind,
  type Mention,
  type NameEntry,
} from '../../core/types.ts';

/** mulberry32: small, fast, seeded. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONSONANTS = 'بتثجحخدذرزسشصضطظعغفقكلمنهءة';
const LONG_VOWELS = 'اوي';
const PLACE_WORDS = ['مدينة', 'بلدة', 'قرية', 'منطقة', 'ناحية', 'قضاء', 'وادي', 'جبل', 'سهل', 'تل'];
const GROUP_WORDS = ['قوات', 'لواء', 'كتائب', 'جبهة', 'حركة', 'حزب', 'تجمع', 'فرقة', 'سرايا', 'جيش'];
const FILLER = ['في', 'من', 'إلى', 'على', 'بعد', 'قبل', 'أن', 'التي', 'الذي', 'مع', 'عن', 'حيث', 'كما', 'قال', 'أعلن', 'أكد', 'وذلك'];

export interface SyntheticOptions {
  names: number;
  articles: number;
  seed: number;
  /** Sentences per article (≈12 words each). */
  sentencesPerArticle: number;
  /** Names placed in each article. */
  mentionsPerArticle: number;
}

export const SYNTHETIC_DEFAULTS: SyntheticOptions = {
  names: 100_000,
  articles: 10_000,
  seed: 20171103,
  sentencesPerArticle: 14,
  mentionsPerArticle: 10,
};

export function syntheticBundle(options: Partial<SyntheticOptions> = {}): { bundle: Bundle; names: MatcherName[] } {
  const o = { ...SYNTHETIC_DEFAULTS, ...options };
  const rnd = seededRandom(o.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const letter = (letters: string): string => letters[Math.floor(rnd() * letters.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

  const word = (): string => {
    const length = int(3, 7);
    let w = '';
    while (w.length < length) {
      w += letter(CONSONANTS.slice(0, -2)); // no hamza or ta marbuta at the start of a syllable
      if (w.length < length && rnd() < 0.45) w += letter(LONG_VOWELS);
    }
    return rnd() < 0.2 ? `${w}ة` : w;
  };
  const nameOf = (kind: EntityKind): string => {
    const category = categoryOf(kind);
    const words = [word()];
    if (rnd() < 0.45) words.push(word());
    if (rnd() < 0.12) words.push(word());
    if (rnd() < 0.4) words[0] = `ال${words[0]}`;
    if (category === 'place' && rnd() < 0.15) words.unshift(pick(PLACE_WORDS));
    if (category === 'group' && rnd() < 0.35) words.unshift(pick(GROUP_WORDS));
    return words.join(' ');
  };

  // Entities and their names, until `o.names` distinct keys.
  const entities: Entity[] = [];
  const names: NameEntry[] = [];
  const keys = new Set<string>();
  const add = (e: Entity, text: string, weak: boolean): boolean => {
    const key = normaliseKey(text);
    if (!key || keys.has(key) || names.length >= o.names) return false;
    keys.add(key);
    names.push({ key, text, entityId: e.id, weak });
    return true;
  };
  while (names.length < o.names) {
    const kind = pick(ENTITY_KINDS);
    const id = `${categoryOf(kind)}:syn-${entities.length.toString(36)}`;
    const e: Entity = {
      id,
      kind,
      name: nameOf(kind),
      nameEn: `Synthetic ${entities.length}`,
      aliases: [],
      weakAliases: [],
      translit: [`syn${entities.length}`],
      description: `كيان تجريبي رقم ${entities.length} من نوع ${kind}، مولّد للقياس.`,
    };
    if (!add(e, e.name, false)) continue;
    for (let k = int(0, 3); k > 0; k--) {
      const alias = nameOf(kind);
      if (add(e, alias, false)) e.aliases.push(alias);
    }
    if (rnd() < 0.1) {
      const weak = word();
      if (add(e, weak, true)) e.weakAliases.push(weak);
    }
    entities.push(e);
  }

  // Articles: sentences of filler and words, with names placed in them.
  const articles: Article[] = [];
  const articleMentions: Bundle['articleMentions'] = [];
  const coverage = new Map<string, Coverage>();
  const related = new Map<string, Map<string, number>>();
  for (let a = 0; a < o.articles; a++) {
    const id = `syn-${a.toString().padStart(5, '0')}`;
    const placed = new Set<number>();
    while (placed.size < o.mentionsPerArticle) placed.add(int(0, o.sentencesPerArticle * 2 - 1));
    let text = '';
    const mentions: Mention[] = [];
    const sentenceOf: [number, number][] = [];
    for (let s = 0; s < o.sentencesPerArticle; s++) {
      const start = text.length;
      const parts: string[] = [];
      for (let w = int(8, 14); w > 0; w--) parts.push(rnd() < 0.4 ? pick(FILLER) : word());
      let sentence = parts.join(' ');
      for (const slot of [s * 2, s * 2 + 1]) {
        if (!placed.has(slot)) continue;
        const n = names[Math.floor(rnd() * names.length)]!;
        const at = start + sentence.length + 1;
        sentence += ` ${n.text}`;
        mentions.push({ start: at, end: at + n.text.length, text: n.text, entityId: n.entityId, confidence: n.weak ? 0.7 : 1 });
        sentence += ` ${parts.slice(0, int(2, 5)).join(' ')}`;
      }
      text += `${sentence}.\n`;
      sentenceOf.push([start, start + sentence.length + 1]);
    }
    const headline = `${mentions[0]?.text ?? word()} ${word()} ${word()}`;
    articles.push({
      id,
      file: `articles/${id}.txt`,
      outlet: 'وكالة القياس',
      outletEn: 'Benchmark Agency',
      headline,
      date: `20${10 + (a % 15)}-${String(1 + (a % 12)).padStart(2, '0')}-${String(1 + (a % 28)).padStart(2, '0')}`,
      dateEstimated: false,
      dateNote: 'synthetic',
      language: 'ar',
      text,
    });
    articleMentions.push({ articleId: id, mentions });
    const inArticle = new Map<string, Mention[]>();
    for (const m of mentions) inArticle.set(m.entityId, [...(inArticle.get(m.entityId) ?? []), m]);
    for (const [entityId, list] of inArticle) {
      let c = coverage.get(entityId);
      if (!c) coverage.set(entityId, (c = { entityId, mentions: 0, articles: [], related: [] }));
      c.mentions += list.length;
      const entry: ArticleCoverage = {
        articleId: id,
        count: list.length,
        firstAt: list[0]!.start / text.length,
        snippets: list.slice(0, 3).map((m) => {
          const [from, to] = sentenceOf.find(([f, t]) => m.start >= f && m.start < t) ?? [m.start, m.end];
          return { articleId: id, text: text.slice(from, to), markStart: m.start - from, markEnd: m.end - from };
        }),
      };
      c.articles.push(entry);
      let r = related.get(entityId);
      if (!r) related.set(entityId, (r = new Map()));
      for (const other of inArticle.keys()) if (other !== entityId) r.set(other, (r.get(other) ?? 0) + 1);
    }
  }
  for (const [entityId, r] of related) {
    coverage.get(entityId)!.related = [...r]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 12)
      .map(([id, count]) => ({ entityId: id, count }));
  }
  for (const c of coverage.values()) c.articles.sort((x, y) => y.count - x.count || x.firstAt - y.firstAt);

  const kindOf = new Map(entities.map((e) => [e.id, e.kind]));
  const matcherNames: MatcherName[] = names.map((n) => ({ key: n.key, entityId: n.entityId, kind: kindOf.get(n.entityId)!, weak: n.weak }));
  const bundle: Bundle = {
    version: `synthetic-${o.seed}-${o.names}-${o.articles}`,
    entities,
    names,
    articles,
    coverage: [...coverage.values()],
    articleMentions,
    matcher: compileMatcher(matcherNames),
  };
  return { bundle, names: matcherNames };
}
