/**
 * Words of a text with their original offsets, for context rules and search. A word is a run of
 * letters of one script (diacritics and invisible controls inside it are kept in its span but not
 * in `norm`).
 */
import { ARABIC_LETTER, CharRole, FOLD, ROLE } from './chars.ts';

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

const QUOTE = new Uint8Array(0x10000);
for (const c of ['«', '»', '“', '”', '"', "'", '‘', '’', '(', ')', '[', ']', '„']) QUOTE[c.charCodeAt(0)] = 1;

const BREAK_BEFORE = 1;
const QUOTED_BEFORE = 2;
const QUOTED_AFTER = 4;

/**
 * The words of a text as parallel arrays, each word's normalised form made only when asked:
 * detect reads a few words around each weak name, and tokenising a page's blocks in code the
 * engine has not optimised yet must not build a string and an object per word.
 */
export class Words {
  readonly count: number;
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly flags: number[] = [];
  private readonly norms: (string | undefined)[] = [];

  constructor(private readonly text: string) {
    const { starts, ends, flags } = this;
    const n = text.length;
    let i = 0;
    let sawBreak = false;
    let sawQuote = false;
    while (i < n) {
      const code = text.charCodeAt(i);
      const role = ROLE[code];
      if (role !== CharRole.Letter) {
        if (role === CharRole.Break) sawBreak = true;
        if (QUOTE[code] === 1) sawQuote = true;
        i++;
        continue;
      }
      const start = i;
      const arabic = ARABIC_LETTER[code];
      while (i < n) {
        const c = text.charCodeAt(i);
        const r = ROLE[c];
        // A change of script ends a word: "الزورhttps" is two.
        if (r === CharRole.Letter ? ARABIC_LETTER[c] !== arabic : r !== CharRole.Skip) break;
        i++;
      }
      // What stands between two words is the one's quote after and the other's quote before.
      if (sawQuote && flags.length > 0) flags[flags.length - 1]! |= QUOTED_AFTER;
      starts.push(start);
      ends.push(i);
      flags.push((sawBreak ? BREAK_BEFORE : 0) | (sawQuote ? QUOTED_BEFORE : 0));
      sawBreak = false;
      sawQuote = false;
    }
    if (sawQuote && flags.length > 0) flags[flags.length - 1]! |= QUOTED_AFTER;
    this.count = starts.length;
  }

  start(i: number): number {
    return this.starts[i]!;
  }

  end(i: number): number {
    return this.ends[i]!;
  }

  breakBefore(i: number): boolean {
    return (this.flags[i]! & BREAK_BEFORE) !== 0;
  }

  quotedBefore(i: number): boolean {
    return (this.flags[i]! & QUOTED_BEFORE) !== 0;
  }

  quotedAfter(i: number): boolean {
    return (this.flags[i]! & QUOTED_AFTER) !== 0;
  }

  /** Word i normalised: its letters folded, diacritics and controls left out. */
  norm(i: number): string {
    let norm = this.norms[i];
    if (norm === undefined) {
      const codes: number[] = [];
      for (let j = this.starts[i]!, end = this.ends[i]!; j < end; j++) {
        const code = this.text.charCodeAt(j);
        if (ROLE[code] === CharRole.Letter) codes.push(FOLD[code]!);
      }
      this.norms[i] = norm = String.fromCharCode(...codes);
    }
    return norm;
  }

  /** Index of the first word that ends after `offset` (binary search). */
  at(offset: number): number {
    const ends = this.ends;
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export function tokenise(text: string): Token[] {
  const words = new Words(text);
  const tokens: Token[] = [];
  for (let i = 0; i < words.count; i++) {
    tokens.push({
      start: words.start(i),
      end: words.end(i),
      norm: words.norm(i),
      breakBefore: words.breakBefore(i),
      quotedBefore: words.quotedBefore(i),
      quotedAfter: words.quotedAfter(i),
    });
  }
  return tokens;
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

/**
 * The word after the one that ends at `offset`, normalised, and whether sentence punctuation
 * stands between them: wordBefore's mirror, for the few rules that look one word ahead.
 */
export function wordAfter(text: string, offset: number): { norm: string; breakBetween: boolean } | undefined {
  const n = text.length;
  let i = offset;
  let breakBetween = false;
  while (i < n && ROLE[text.charCodeAt(i)] !== CharRole.Letter) {
    if (ROLE[text.charCodeAt(i)] === CharRole.Break) breakBetween = true;
    i++;
  }
  if (i === n) return undefined;
  const codes: number[] = [];
  while (i < n && ROLE[text.charCodeAt(i)] !== CharRole.Space && ROLE[text.charCodeAt(i)] !== CharRole.Break) {
    const code = text.charCodeAt(i++);
    if (ROLE[code] === CharRole.Letter) codes.push(FOLD[code]!);
  }
  return { norm: String.fromCharCode(...codes), breakBetween };
}
