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

/** Index of the first of `sorted` (code-unit order) that is not below `q`. */
function lowerBound(sorted: readonly string[], q: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The ordinals of `strings`, ordered by their string (code-unit order, as `<` compares). */
function sortedOrdinals(strings: readonly string[]): Int32Array {
  const order = Int32Array.from(strings, (_, i) => i);
  order.sort((a, b) => (strings[a]! < strings[b]! ? -1 : strings[a]! > strings[b]! ? 1 : a - b));
  return order;
}

/** The set of a string's characters, each as a bit (code unit mod 32; a shared bit only lets more through). */
function charMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) & 31);
  return mask;
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * The keys of one script, in the order they were added (a hit reports the first key of its best
 * quality, as a scan in that order would). Exact and prefix hits are found by binary search in
 * the keys sorted, and word-prefix hits ("الزور" in دير الزور) in the words after a space sorted,
 * so a query reads only what it matches; these orders are built on the first search.
 */
class KeyList {
  readonly keys: string[] = [];
  readonly entity: number[] = [];
  readonly text: string[] = [];
  private sorted?: { keys: string[]; ordinals: Int32Array; words: string[]; wordOrdinals: Int32Array };
  private masks?: Int32Array;

  /**
   * Calls `hit(ordinal)`, in order, for every key within the allowed edits of a form (isFuzzy)
   * whose entity `skip` does not rule out. Each character of a form that a key lacks costs an edit,
   * so a key lacking more of them than the edits allowed is ruled out without comparing.
   */
  fuzzyHits(forms: readonly string[], skip: (entity: number) => boolean, hit: (ordinal: number) => void): void {
    const masks = (this.masks ??= Int32Array.from(this.keys, charMask));
    const wanted = forms.map((q) => ({ q, mask: charMask(q), allowed: allowedEdits(q) }));
    for (let ordinal = 0; ordinal < masks.length; ordinal++) {
      const mask = masks[ordinal]!;
      for (const f of wanted) {
        if (bitCount(f.mask & ~mask) > f.allowed || skip(this.entity[ordinal]!) || !isFuzzy(this.keys[ordinal]!, f.q)) continue;
        hit(ordinal);
        break;
      }
    }
  }

  add(key: string, entity: number, text: string): void {
    this.keys.push(key);
    this.entity.push(entity);
    this.text.push(text);
  }

  /** Calls `hit(ordinal, quality)` for every key equal to `q` or starting with it, and every word-prefix hit. */
  prefixHits(q: string, hit: (ordinal: number, quality: MatchQuality) => void): void {
    const s = (this.sorted ??= this.sort());
    for (let i = lowerBound(s.keys, q); i < s.keys.length && s.keys[i]!.startsWith(q); i++) {
      hit(s.ordinals[i]!, s.keys[i]!.length === q.length ? MatchQuality.Exact : MatchQuality.Prefix);
    }
    // A word of a multi-word name: "الزور" finds دير الزور.
    if (q.length < 3) return;
    for (let i = lowerBound(s.words, q); i < s.words.length && s.words[i]!.startsWith(q); i++) {
      hit(s.wordOrdinals[i]!, MatchQuality.Prefix);
    }
  }

  private sort() {
    const byKey = sortedOrdinals(this.keys);
    const words: string[] = [];
    const owners: number[] = [];
    this.keys.forEach((key, ordinal) => {
      for (let at = key.indexOf(' '); at !== -1; at = key.indexOf(' ', at + 1)) {
        words.push(key.slice(at + 1));
        owners.push(ordinal);
      }
    });
    const byWord = sortedOrdinals(words);
    return {
      keys: Array.from(byKey, (o) => this.keys[o]!),
      ordinals: byKey,
      words: Array.from(byWord, (w) => words[w]!),
      wordOrdinals: Int32Array.from(byWord, (w) => owners[w]!),
    };
  }
}

export class SearchIndex {
  private readonly arabic = new KeyList();
  private readonly latin = new KeyList();
  private readonly ids: string[] = [];
  private readonly weight: ReadonlyMap<string, number>;

  /** `weight`: how much the coverage says about each entity (mentions), to order equal hits. */
  constructor(entities: readonly Entity[], weight: ReadonlyMap<string, number> = new Map()) {
    this.weight = weight;
    for (const e of entities) {
      const n = this.ids.push(e.id) - 1;
      for (const text of [e.name, ...e.aliases, ...e.weakAliases]) {
        const key = normaliseKey(text);
        if (!key) continue;
        this.arabic.add(key, n, text);
        const { core, article } = splitArticle(key);
        if (article) this.arabic.add(core, n, text);
      }
      for (const text of [e.nameEn, ...e.translit]) {
        const key = latinKey(text);
        if (key) this.latin.add(key, n, text);
        if (LATIN_ARTICLE.test(text)) {
          const bare = latinKey(text.replace(LATIN_ARTICLE, ''));
          if (bare) this.latin.add(bare, n, text);
        }
      }
    }
  }

  /**
   * The entities whose keys match a form of `query`, best first. Each entity counts with its best
   * key (the first such key in the gazetteer's order): exact, prefix, or within 1 edit (2 from 8
   * letters) of the key or of its beginning. Fuzzy hits rank below every exact and prefix hit, so
   * the keys are only compared one by one when fewer than `limit` entities matched better.
   */
  search(query: string, limit = 20): SearchHit[] {
    const arabic = hasArabic(query);
    const list = arabic ? this.arabic : this.latin;
    const forms = arabic ? arabicForms(query) : [latinKey(query)].filter(Boolean);
    if (forms.length === 0) return [];
    const best = new Map<number, { quality: MatchQuality; ordinal: number }>();
    const offer = (ordinal: number, quality: MatchQuality) => {
      const e = list.entity[ordinal]!;
      const current = best.get(e);
      if (!current || quality > current.quality || (quality === current.quality && ordinal < current.ordinal)) {
        best.set(e, { quality, ordinal });
      }
    };
    for (const q of forms) list.prefixHits(q, offer);
    const fuzzy = forms.filter((q) => q.length >= 4);
    if (best.size < limit && fuzzy.length > 0) {
      // Keys in order, so an entity keeps its first fuzzy key.
      list.fuzzyHits(fuzzy, (e) => best.has(e), (ordinal) => best.set(list.entity[ordinal]!, { quality: MatchQuality.Fuzzy, ordinal }));
    }
    return [...best]
      .map(([e, b]) => ({ entityId: this.ids[e]!, quality: b.quality, matched: list.text[b.ordinal]! }))
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

const allowedEdits = (q: string) => (q.length >= 8 ? 2 : 1);

/** A typo in what was typed so far: `q` within the allowed edits of the key, or of its beginning. */
function isFuzzy(key: string, q: string): boolean {
  const allowed = allowedEdits(q);
  if (editDistance(key, q, allowed) <= allowed) return true;
  return key.length > q.length && editDistance(key, q, allowed, q.length) <= allowed;
}

/** Rows of the edit distance, reused: the fuzzy pass runs it for every key of the gazetteer. */
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/**
 * Levenshtein distance between `a` (its first `aLength` units) and `b`, giving up (returning
 * max + 1) once it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number, aLength = a.length): number {
  const n = Math.min(aLength, a.length);
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (previousRow.length <= m) {
    previousRow = new Int32Array(m + 1);
    currentRow = new Int32Array(m + 1);
  }
  let previous = previousRow;
  let row = currentRow;
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    row[0] = i;
    let rowMin = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const v = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (c === b.charCodeAt(j - 1) ? 0 : 1));
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const done = previous;
    previous = row;
    row = done;
  }
  return Math.min(previous[m]!, max + 1);
}
