/**
 * The library's word index: which articles hold a word, written when articles are stored, so a
 * search of the texts reads a few small rows instead of every text (10,000 articles are 53 MB).
 *
 * What a word is indexed under (its forms), normalised (core/arabic/normalise.ts):
 *   - the word as written:                       والرقة → والرقه
 *   - without each proclitic it may carry:       والرقة → الرقه (و), رقه (وال); للقائم → القائم, قائم
 *   - so a query word, as the reader types it, finds the text's word with or without its
 *     clitics: «الرقة» finds والرقة, بالرقة, للرقة; «رقة» finds them all. A query word is matched
 *     whole (a word of the text, clitics off), not as any part of one.
 *
 * Layout (db/library-words.ts stores it): the articles stored together (one write of at most
 * addToLibrary call) are a batch; per batch, one row per bucket (a hash of the form, so a
 * query reads one bucket per word, of every batch), mapping each form in that bucket to the places
 * of the batch's articles that hold it, encoded as one string ("\nform\tp,p…", in base 36):
 * IndexedDB hands back a string at the cost of a copy, where an object of 300 keys is rebuilt key
 * by key, and a form is found in it by one indexOf. Only the batch's own row lists the article
 * ids. Small batches are merged into larger ones (COMPACT_AT, mergeBuckets). Pure.
 *
 * A removed article's place is emptied, not reused: its id in the batch becomes null and its
 * places leave every form (dropPlaces), so a word only its text had finds nothing, even once an
 * article of the same id (a page saved again at its URL) is stored in another batch. Merging
 * batches leaves the emptied places out (mergeBuckets with a batch's placeMoves).
 */
import { normaliseKey } from '../arabic/normalise.ts';
import { PROCLITICS } from '../arabic/clitics.ts';

/** Buckets a batch's forms are spread over: a query reads 1/WORD_BUCKETS of the index per word. */
export const WORD_BUCKETS = 512;

/**
 * Batches of fewer articles than this are merged once COMPACT_AT of them are there (the import
 * writes a batch per call, a save one of a single article): a query reads one row per batch and
 * bucket, so 10,000 articles in batches of 50 would be 200 rows a word; merged, about 30.
 */
export const COMPACT_UNDER = 1000;
export const COMPACT_AT = 16;

/** Shortest core kept after a proclitic is taken off (ب + لد is not a word "لد" of بلد). */
const MIN_CORE = 2;

const STRIPS = PROCLITICS.filter((p) => p.prefix !== '');

/** A normalised word's forms: itself and the cores its proclitics leave (see the module comment). */
export function wordForms(word: string): string[] {
  const forms = new Set([word]);
  for (const p of STRIPS) {
    if (!word.startsWith(p.prefix) || word.length - p.prefix.length < MIN_CORE) continue;
    const core = word.slice(p.prefix.length);
    if (p.coreStartsWith !== undefined && !core.startsWith(p.coreStartsWith)) continue;
    forms.add(core);
    // A prefix that carries the article (وال، لل): the word with its article is a form too.
    if (p.article && p.prefix !== 'ال') forms.add(`ال${core}`);
  }
  return [...forms];
}

/** Every form of every word of a text, once. */
export function textForms(text: string): Set<string> {
  const forms = new Set<string>();
  const seen = new Set<string>();
  for (const word of normaliseKey(text).split(' ')) {
    if (word === '' || seen.has(word)) continue;
    seen.add(word);
    for (const f of wordForms(word)) forms.add(f);
  }
  return forms;
}

/** The query's words, normalised, each looked up whole. */
export function queryForms(query: string): string[] {
  return [...new Set(normaliseKey(query).split(' ').filter((w) => w !== ''))];
}

/** FNV-1a of the form, into WORD_BUCKETS. */
export function wordBucket(form: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < form.length; i++) h = Math.imul(h ^ form.charCodeAt(i), 0x01000193);
  return (h >>> 0) % WORD_BUCKETS;
}

/**
 * A batch's article ids by place; null where a removed article was (the place stays, so the
 * places after it, which every bucket row lists, keep their meaning).
 */
export type BatchIds = readonly (string | null)[];

/** One batch's index: per bucket, form → the places (in `ids`) of the articles that hold it, ascending. */
export interface WordBatch {
  ids: string[];
  buckets: Map<number, Record<string, number[]>>;
}

export function wordBatch(articles: readonly { id: string; text: string }[]): WordBatch {
  const buckets = new Map<number, Record<string, number[]>>();
  articles.forEach((a, i) => {
    for (const form of textForms(a.text)) {
      const b = wordBucket(form);
      let words = buckets.get(b);
      if (!words) buckets.set(b, (words = Object.create(null) as Record<string, number[]>));
      (words[form] ??= []).push(i);
    }
  });
  return { ids: articles.map((a) => a.id), buckets };
}

/** A bucket's forms and places as stored: "\nform\tp,p,…" for each, the places in base 36. */
export function encodeBucket(words: Record<string, readonly number[]>): string {
  let out = '';
  for (const form in words) out += `\n${form}\t${words[form]!.map((i) => i.toString(36)).join(',')}`;
  return out;
}

/** The places of `form` in an encoded bucket, ascending; [] when it is not there. */
export function placesIn(encoded: string | undefined, form: string): number[] {
  if (!encoded) return [];
  const key = `\n${form}\t`;
  const at = encoded.indexOf(key);
  if (at < 0) return [];
  const from = at + key.length;
  const end = encoded.indexOf('\n', from);
  return encoded
    .slice(from, end < 0 ? encoded.length : end)
    .split(',')
    .map((x) => parseInt(x, 36));
}

/**
 * A batch of fewer articles than this (a saved page is one) is stored as ONE row holding every
 * bucket's forms (bucket WHOLE_BATCH): one put instead of a row per bucket (~400 for an article),
 * which was most of a save's index cost. Compaction splits it into buckets when it merges.
 */
export const WHOLE_UNDER = 8;
export const WHOLE_BATCH = -2;

/** Every bucket's forms of a batch in one encoded string (a whole-batch row). */
export function encodeWhole(buckets: Map<number, Record<string, number[]>>): string {
  let out = '';
  for (const words of buckets.values()) out += encodeBucket(words);
  return out;
}

/** A whole-batch row's forms split back into their buckets, encoded as encodeBucket does. */
export function splitWhole(encoded: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const line of encoded.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const b = wordBucket(line.slice(0, tab));
    out.set(b, `${out.get(b) ?? ''}\n${line}`);
  }
  return out;
}

/** Every form of an encoded bucket with its places. */
function decodeBucket(encoded: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const line of encoded.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    out.set(line.slice(0, tab), line.slice(tab + 1).split(',').map((x) => parseInt(x, 36)));
  }
  return out;
}

/** A form → places map encoded as encodeBucket does, leaving out forms no place holds any more. */
function encodePlaces(words: ReadonlyMap<string, readonly number[]>): string {
  let out = '';
  for (const [form, places] of words) if (places.length > 0) out += `\n${form}\t${places.map((i) => i.toString(36)).join(',')}`;
  return out;
}

/**
 * Where each place of a batch goes when it joins a merged batch that already holds `start`
 * articles: the next place for a live article, -1 for an emptied one (which is left out).
 */
export function placeMoves(ids: BatchIds, start: number): number[] {
  let next = start;
  return ids.map((id) => (id === null ? -1 : next++));
}

/**
 * One bucket of several batches merged into one: each part's places moved where `moves` says
 * (placeMoves; parts in order, so the places stay ascending), an emptied place (-1) left out.
 */
export function mergeBuckets(parts: readonly { encoded: string | undefined; moves: readonly number[] }[]): string {
  const merged = new Map<string, number[]>();
  for (const { encoded, moves } of parts) {
    if (!encoded) continue;
    for (const [form, places] of decodeBucket(encoded)) {
      let list = merged.get(form);
      if (!list) merged.set(form, (list = []));
      for (const p of places) {
        const to = moves[p] ?? -1;
        if (to >= 0) list.push(to);
      }
    }
  }
  return encodePlaces(merged);
}

/**
 * An encoded bucket (or whole-batch row) without `gone`'s places: the forms that only they held
 * are left out. The string unchanged when none of them is there.
 */
export function dropPlaces(encoded: string, gone: ReadonlySet<number>): string {
  let changed = false;
  const kept = new Map<string, number[]>();
  for (const [form, places] of decodeBucket(encoded)) {
    const left = places.filter((p) => !gone.has(p));
    if (left.length !== places.length) changed = true;
    kept.set(form, left);
  }
  return changed ? encodePlaces(kept) : encoded;
}

/** Articles of a batch holding all of `forms`: `placesOf` gives a form's places in that batch. */
export function batchHits(forms: readonly string[], ids: BatchIds, placesOf: (form: string) => number[]): string[] {
  let common: Set<number> | undefined;
  for (const form of forms) {
    const places = placesOf(form);
    common = new Set(common ? places.filter((p) => common!.has(p)) : places);
    if (common.size === 0) return [];
  }
  return [...(common ?? [])].map((i) => ids[i]).filter((id): id is string => typeof id === 'string');
}
