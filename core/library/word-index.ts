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
 * WORD_BATCH_MAX articles) are a batch; per batch, one row per bucket (a hash of the form, so a
 * query reads one bucket per word, of every batch), mapping each form in that bucket to a bit mask
 * of the batch's articles that hold it, encoded as one string ("\nform\tmask…", mask in base 36):
 * IndexedDB hands back a string at the cost of a copy, where an object of 300 keys is rebuilt key
 * by key, and a form is found in it by one indexOf. Only the batch's own row lists the article
 * ids. Pure.
 */
import { normaliseKey } from '../arabic/normalise.ts';
import { PROCLITICS } from '../arabic/clitics.ts';

/** Buckets a batch's forms are spread over: a query reads 1/WORD_BUCKETS of the index per word. */
export const WORD_BUCKETS = 512;

/** Articles per batch at most: a mask is a number, exact up to 2^53, and bit i is article i. */
export const WORD_BATCH_MAX = 50;

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

/** One batch's index: per bucket, form → mask of the articles (by their place in `ids`). */
export interface WordBatch {
  ids: string[];
  buckets: Map<number, Record<string, number>>;
}

export function wordBatch(articles: readonly { id: string; text: string }[]): WordBatch {
  if (articles.length > WORD_BATCH_MAX) throw new RangeError(`a word batch holds at most ${WORD_BATCH_MAX} articles`);
  const buckets = new Map<number, Record<string, number>>();
  articles.forEach((a, i) => {
    const bit = 2 ** i;
    for (const form of textForms(a.text)) {
      const b = wordBucket(form);
      let words = buckets.get(b);
      if (!words) buckets.set(b, (words = Object.create(null) as Record<string, number>));
      words[form] = (words[form] ?? 0) + bit;
    }
  });
  return { ids: articles.map((a) => a.id), buckets };
}

/** The places in the batch whose bit is set in `mask`. */
export function maskMembers(mask: number): number[] {
  const out: number[] = [];
  for (let i = 0; mask > 0 && i < WORD_BATCH_MAX; i++) {
    if (Math.floor(mask / 2 ** i) % 2 === 1) {
      out.push(i);
      mask -= 2 ** i;
    }
  }
  return out;
}

/** A bucket's forms and masks as stored: "\nform\tmask" for each, the mask in base 36. */
export function encodeBucket(words: Record<string, number>): string {
  let out = '';
  for (const form in words) out += `\n${form}\t${words[form]!.toString(36)}`;
  return out;
}

/** The mask of `form` in an encoded bucket; 0 when it is not there. */
export function maskIn(encoded: string | undefined, form: string): number {
  if (!encoded) return 0;
  const key = `\n${form}\t`;
  const at = encoded.indexOf(key);
  if (at < 0) return 0;
  const from = at + key.length;
  const end = encoded.indexOf('\n', from);
  return parseInt(encoded.slice(from, end < 0 ? encoded.length : end), 36);
}

const HALF = 2 ** 25;
/** a AND b for masks of up to 50 bits (JavaScript's & stops at 32). */
export function andMask(a: number, b: number): number {
  return (Math.floor(a / HALF) & Math.floor(b / HALF)) * HALF + ((a % HALF) & (b % HALF));
}

/** Articles of a batch holding all of `forms`: `maskOf` gives a form's mask in that batch. */
export function batchHits(forms: readonly string[], ids: readonly string[], maskOf: (form: string) => number): string[] {
  let common = 2 ** WORD_BATCH_MAX - 1;
  for (const form of forms) {
    common = andMask(common, maskOf(form));
    if (common === 0) return [];
  }
  return maskMembers(common)
    .map((i) => ids[i])
    .filter((id): id is string => id !== undefined);
}
