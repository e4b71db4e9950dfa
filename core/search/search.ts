/**
 * Gazetteer search as the reader types: Arabic names through normalisation, with or without ال
 * and proclitics, and English names and transliterations ('bukamal', 'Abu Kamal', 'ISIS').
 * Ranked exact > prefix > fuzzy, then by how much the coverage says about the entity.
 */
import { hasArabic } from '../arabic/chars.ts';
import { splitArticle, stripProclitics } from '../arabic/clitics.ts';
import { normaliseKey } from '../arabic/normalise.ts';
import type { Entity } from '../types.ts';

export const MatchQuality = { Exact: 3, Prefix: 2, Fuzzy: 1 } as const;
export type MatchQuality = (typeof MatchQuality)[keyof typeof MatchQuality];

export interface SearchHit {
  entityId: string;
  quality: MatchQuality;
  /** The name or transliteration that matched, as written in the gazetteer. */
  matched: string;
}

interface Key {
  key: string;
  entityId: string;
  text: string;
}

/** Latin folding: lower case, accents and punctuation gone ("Deir ez-Zor" → "deirezzor"). */
export function latinKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Transliterations often start with an article the reader may leave out: "al-Bukamal" → bukamal. */
const LATIN_ARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|an)[-\s']/i;

export class SearchIndex {
  private readonly arabic: Key[] = [];
  private readonly latin: Key[] = [];
  private readonly weight: ReadonlyMap<string, number>;

  /** `weight`: how much the coverage says about each entity (mentions), to order equal hits. */
  constructor(entities: readonly Entity[], weight: ReadonlyMap<string, number> = new Map()) {
    this.weight = weight;
    for (const e of entities) {
      for (const text of [e.name, ...e.aliases, ...e.weakAliases]) {
        const key = normaliseKey(text);
        if (!key) continue;
        this.arabic.push({ key, entityId: e.id, text });
        const { core, article } = splitArticle(key);
        if (article) this.arabic.push({ key: core, entityId: e.id, text });
      }
      for (const text of [e.nameEn, ...e.translit]) {
        const key = latinKey(text);
        if (key) this.latin.push({ key, entityId: e.id, text });
        if (LATIN_ARTICLE.test(text)) {
          const bare = latinKey(text.replace(LATIN_ARTICLE, ''));
          if (bare) this.latin.push({ key: bare, entityId: e.id, text });
        }
      }
    }
  }

  search(query: string, limit = 20): SearchHit[] {
    const arabic = hasArabic(query);
    const keys = arabic ? this.arabic : this.latin;
    const forms = arabic ? arabicForms(query) : [latinKey(query)].filter(Boolean);
    if (forms.length === 0) return [];
    const best = new Map<string, SearchHit>();
    for (const k of keys) {
      let quality: MatchQuality | 0 = 0;
      for (const q of forms) quality = Math.max(quality, qualityOf(k.key, q)) as MatchQuality | 0;
      if (quality === 0) continue;
      const current = best.get(k.entityId);
      if (!current || quality > current.quality) best.set(k.entityId, { entityId: k.entityId, quality, matched: k.text });
    }
    return [...best.values()]
      .sort(
        (a, b) =>
          b.quality - a.quality ||
          (this.weight.get(b.entityId) ?? 0) - (this.weight.get(a.entityId) ?? 0) ||
          a.entityId.localeCompare(b.entityId),
      )
      .slice(0, limit);
  }
}

/** The query normalised, and each reading of it with proclitics or the article taken off. */
function arabicForms(query: string): string[] {
  const q = normaliseKey(query);
  if (!q) return [];
  const forms = new Set<string>([q]);
  const [first = '', ...rest] = q.split(' ');
  for (const r of stripProclitics(first)) {
    const name = [r.name, ...rest].join(' ');
    forms.add(name);
    forms.add(splitArticle(name).core);
  }
  return [...forms];
}

function qualityOf(key: string, q: string): MatchQuality | 0 {
  if (key === q) return MatchQuality.Exact;
  if (key.startsWith(q)) return MatchQuality.Prefix;
  // A word of a multi-word name: "الزور" finds دير الزور.
  if (q.length >= 3 && key.includes(` ${q}`)) return MatchQuality.Prefix;
  if (q.length >= 4) {
    const allowed = q.length >= 8 ? 2 : 1;
    // A typo in what was typed so far: compare with the key's beginning of the same length too.
    if (editDistance(key, q, allowed) <= allowed) return MatchQuality.Fuzzy;
    if (key.length > q.length && editDistance(key.slice(0, q.length), q, allowed) <= allowed) return MatchQuality.Fuzzy;
  }
  return 0;
}

/** Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    previous = row;
  }
  return previous[b.length]!;
}
