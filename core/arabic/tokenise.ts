/**
 * Words of a text with their original offsets, for context rules and search. A word is a run of
 * letters of one script (diacritics and invisible controls inside it are kept in its span but not
 * in `norm`).
 */
import { CharRole, FOLD, isArabicLetter, ROLE } from './chars.ts';

export interface Token {
  start: number;
  end: number;
  /** The word normalised (chars.ts), proclitics still attached. */
  norm: string;
  /** True when sentence punctuation or a line break stands between this word and the one before. */
  breakBefore: boolean;
  /** True when a quotation mark or bracket stands right before / after the word. */
  quotedBefore: boolean;
  quotedAfter: boolean;
}

const QUOTES = new Set(['«', '»', '“', '”', '"', "'", '‘', '’', '(', ')', '[', ']', '„'].map((c) => c.charCodeAt(0)));

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  let sawBreak = false;
  let sawQuote = false;
  while (i < n) {
    const role = ROLE[text.charCodeAt(i)];
    if (role !== CharRole.Letter) {
      if (role === CharRole.Break) sawBreak = true;
      if (QUOTES.has(text.charCodeAt(i))) sawQuote = true;
      i++;
      continue;
    }
    const start = i;
    const codes: number[] = [];
    const arabic = isArabicLetter(text.charCodeAt(i));
    while (i < n) {
      const code = text.charCodeAt(i);
      const r = ROLE[code];
      // A change of script ends a word: "الزورhttps" is two.
      if (r === CharRole.Letter && isArabicLetter(code) !== arabic) break;
      if (r === CharRole.Letter) codes.push(FOLD[code]!);
      else if (r !== CharRole.Skip) break;
      i++;
    }
    const previous = tokens[tokens.length - 1];
    if (previous) previous.quotedAfter = sawQuoteAfter(text, previous.end, start);
    tokens.push({
      start,
      end: i,
      norm: String.fromCharCode(...codes),
      breakBefore: sawBreak,
      quotedBefore: sawQuote,
      quotedAfter: false,
    });
    sawBreak = false;
    sawQuote = false;
  }
  const last = tokens[tokens.length - 1];
  if (last) last.quotedAfter = sawQuoteAfter(text, last.end, n);
  return tokens;
}

function sawQuoteAfter(text: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (QUOTES.has(text.charCodeAt(j))) return true;
  return false;
}

/** Index of the first token that ends after `offset` (binary search). */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The word before the one that `offset` lies in, normalised, and whether sentence punctuation
 * stands between them: a look back of a few characters, with no tokenising of the whole text.
 */
export function wordBefore(text: string, offset: number): { norm: string; breakBetween: boolean } | undefined {
  let i = offset;
  while (i > 0 && ROLE[text.charCodeAt(i - 1)] !== CharRole.Space && ROLE[text.charCodeAt(i - 1)] !== CharRole.Break) i--;
  let breakBetween = false;
  while (i > 0 && ROLE[text.charCodeAt(i - 1)] !== CharRole.Letter) {
    if (ROLE[text.charCodeAt(i - 1)] === CharRole.Break) breakBetween = true;
    i--;
  }
  if (i === 0) return undefined;
  const codes: number[] = [];
  while (i > 0 && ROLE[text.charCodeAt(i - 1)] !== CharRole.Space && ROLE[text.charCodeAt(i - 1)] !== CharRole.Break) {
    const code = text.charCodeAt(--i);
    if (ROLE[code] === CharRole.Letter) codes.push(FOLD[code]!);
  }
  return { norm: String.fromCharCode(...codes.reverse()), breakBetween };
}
