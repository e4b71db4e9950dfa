/**
 * Character-level normalisation rules: one small table, read by both the string normaliser
 * (normalise.ts) and the matcher's character classes (match/automaton.ts), so that search keys and
 * page scanning can never disagree on what counts as the same letter.
 *
 * Each rule's `example` is its test case: `input → output` (see test/core/chars.test.ts).
 */

/** What a character turns into. */
export const CharRole = {
  /** Dropped: diacritics, tatweel, invisible controls. They may sit inside a name. */
  Skip: 0,
  /** A letter or digit: part of a word. */
  Letter: 1,
  /** Space, quotes, brackets, `_`, `#`: may sit between the words of a name (كتائب «حزب الله»). */
  Space: 2,
  /**
   * Sentence punctuation and line breaks: a name never spans punctuation. A line break ends a
   * sentence for the context rules, but the matcher lets a name run over one (LINE_BREAKS).
   */
  Break: 3,
} as const;
export type CharRole = (typeof CharRole)[keyof typeof CharRole];

export interface CharRule {
  description: string;
  /** `input → output`, checked by the tests. */
  example: string;
  /** Code point ranges, inclusive. */
  ranges: readonly (readonly [number, number])[];
  role: CharRole;
  /** For letters: the replacement (a single UTF-16 unit); omitted = the character itself. */
  to?: (code: number) => number;
}

const PRESENTATION_FORMS = [[0xfb50, 0xfdff], [0xfe73, 0xfe73], [0xfe80, 0xfefe]] as const;

const ALEF = 0x0627;
const YEH = 0x064a;
const HEH = 0x0647;
const WAW = 0x0648;
const KAF = 0x0643;

export const CHAR_RULES: readonly CharRule[] = [
  {
    description: 'harakat, tanwin, shadda, sukun, superscript alef and Quranic marks are dropped',
    example: 'فخَّخَ → فخخ',
    ranges: [[0x0610, 0x061a], [0x064b, 0x065f], [0x0670, 0x0670], [0x06d6, 0x06dc], [0x06df, 0x06e8], [0x06ea, 0x06ed]],
    role: CharRole.Skip,
  },
  {
    description: 'tatweel (kashida) is dropped',
    example: 'اللـه → الله',
    ranges: [[0x0640, 0x0640]],
    role: CharRole.Skip,
  },
  {
    description: 'zero-width and bidi controls, soft hyphen and BOM are dropped',
    example: 'البو\u200Cكمال → البوكمال',
    ranges: [[0x00ad, 0x00ad], [0x061c, 0x061c], [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x2064], [0x2066, 0x2069], [0xfeff, 0xfeff]],
    role: CharRole.Skip,
  },
  {
    description: 'alef with hamza or madda, and alef wasla, become bare alef',
    example: 'إيران → ايران',
    ranges: [[0x0622, 0x0623], [0x0625, 0x0625], [0x0671, 0x0673], [0x0675, 0x0675]],
    role: CharRole.Letter,
    to: () => ALEF,
  },
  {
    description: 'alef maqsura and Farsi yeh become yeh',
    example: 'حاوى → حاوي',
    ranges: [[0x0649, 0x0649], [0x06cc, 0x06cc], [0x06d0, 0x06d0]],
    role: CharRole.Letter,
    to: () => YEH,
  },
  {
    description: 'yeh with hamza becomes yeh',
    example: 'القائم → القايم',
    ranges: [[0x0626, 0x0626]],
    role: CharRole.Letter,
    to: () => YEH,
  },
  {
    description: 'waw with hamza becomes waw',
    example: 'مؤتة → موته',
    ranges: [[0x0624, 0x0624]],
    role: CharRole.Letter,
    to: () => WAW,
  },
  {
    description: 'teh marbuta becomes heh',
    example: 'راوة → راوه',
    ranges: [[0x0629, 0x0629]],
    role: CharRole.Letter,
    to: () => HEH,
  },
  {
    description: 'Farsi keheh becomes kaf',
    example: 'کمال → كمال',
    ranges: [[0x06a9, 0x06a9]],
    role: CharRole.Letter,
    to: () => KAF,
  },
  {
    description: 'Arabic-Indic and Persian digits become ASCII digits',
    example: '٢٠١٧ → 2017',
    ranges: [[0x0660, 0x0669], [0x06f0, 0x06f9]],
    role: CharRole.Letter,
    to: (c) => 0x30 + (c >= 0x06f0 ? c - 0x06f0 : c - 0x0660),
  },
  {
    description: 'Latin capitals become small letters',
    example: 'T2 → t2',
    ranges: [[0x41, 0x5a]],
    role: CharRole.Letter,
    to: (c) => c + 0x20,
  },
  {
    description: 'other Arabic letters, Latin letters and digits stay as they are',
    example: 'دمشق → دمشق',
    ranges: [[0x30, 0x39], [0x61, 0x7a], [0x0621, 0x063a], [0x0641, 0x064a], [0x066e, 0x066f], [0x0674, 0x06d3], [0x06d5, 0x06d5], [0x06ee, 0x06ef], [0x06fa, 0x06ff], [0x00c0, 0x024f], [0x0750, 0x077f], [0x08a0, 0x08ff]],
    role: CharRole.Letter,
  },
  {
    description: 'Arabic presentation forms become the letters they show (two-letter ligatures excepted)',
    example: 'ﺍﻟﻘﺎﺋﻢ → القايم',
    ranges: PRESENTATION_FORMS,
    role: CharRole.Letter,
    // The letter shown, folded by the rules above (ﺋ → ئ → ي).
    to: (c) => {
      const shown = String.fromCharCode(c).normalize('NFKC');
      return shown.length === 1 ? FOLD[shown.charCodeAt(0)]! : c;
    },
  },
  {
    description: 'isolated and medial forms of harakat are dropped like the marks',
    example: 'ﺍﻟﻘﺎﺋﻢﹸ → القايم',
    ranges: [[0xfe70, 0xfe72], [0xfe74, 0xfe74], [0xfe76, 0xfe7f]],
    role: CharRole.Skip,
  },
  {
    description: 'spaces (NBSP included), quotes, brackets, underscore, hash and tildes may sit inside a name',
    example: 'كتائب «حزب الله» → كتايب حزب الله',
    ranges: [
      [0x09, 0x09], [0x20, 0x20], [0x22, 0x23], [0x27, 0x29], [0x2a, 0x2a], [0x5b, 0x5b], [0x5d, 0x5d], [0x5f, 0x5f],
      [0x7b, 0x7b], [0x7d, 0x7e], [0xa0, 0xa0], [0xab, 0xab], [0xbb, 0xbb], [0x2000, 0x200a], [0x2018, 0x201f],
      [0x2039, 0x203a], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfd3e, 0xfd3f],
    ],
    role: CharRole.Space,
  },
];

/**
 * Line breaks (LF, CR, VT, FF, NEL, LS, PS): Breaks for the words around a name, but a name may run
 * over them. A text node's newline renders as a space ("قوات⏎سوريا الديمقراطية" in the page's
 * source is one name on screen) and a <br> or a wrapped line can fall inside a name; a name
 * cut there would light its first or last word as another name (سوريا for the SDF).
 */
export const LINE_BREAKS: readonly number[] = [0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029];

/**
 * Role and replacement of every UTF-16 unit, as two flat tables: anything no rule names is a
 * Break (punctuation, line breaks, symbols, other scripts' marks).
 * Surrogate halves count as Letters, so an emoji or a CJK character between names separates
 * nothing and joins nothing.
 */
export const ROLE = new Uint8Array(0x10000).fill(CharRole.Break);
export const FOLD = new Uint16Array(0x10000);

// Built on every page the content script runs in, before the page is parsed: ranges are filled
// natively, and only the replacements are computed one by one.
for (let c = 0; c < 0x10000; c++) FOLD[c] = c;
ROLE.fill(CharRole.Letter, 0xd800, 0xdfff + 1);
ROLE.fill(CharRole.Letter, 0x4e00, 0x9fff + 1);
for (const rule of CHAR_RULES) {
  for (const [lo, hi] of rule.ranges) {
    ROLE.fill(rule.role, lo, hi + 1);
    if (rule.to) for (let c = lo; c <= hi; c++) FOLD[c] = rule.to(c);
  }
}
ROLE[0xfeff] = CharRole.Skip;

/**
 * The ranges of the Arabic-script letters (isArabicLetter): the Arabic blocks without their
 * digits. Arabic-Indic and Persian digits fold to ASCII digits (above), so they count as digits,
 * not as Arabic: the matcher's classes see folded codes, and both sides must agree.
 */
export const ARABIC_LETTER_RANGES: readonly (readonly [number, number])[] = [
  [0x0600, 0x065f], [0x066a, 0x06ef], [0x06fa, 0x06ff], [0x0750, 0x077f], [0x08a0, 0x08ff], [0xfb50, 0xfdff],
  [0xfe70, 0xfefe],
];

/** 1 for each UTF-16 unit in ARABIC_LETTER_RANGES: a look-up, for loops over every unit of a page. */
export const ARABIC_LETTER = new Uint8Array(0x10000);
for (const [lo, hi] of ARABIC_LETTER_RANGES) ARABIC_LETTER.fill(1, lo, hi + 1);

/**
 * Arabic-script letters. Where Arabic meets another script inside a run of letters, as in
 * "دير الزورhttps://…" when a link is pasted against a word, a word ends there.
 */
export function isArabicLetter(code: number): boolean {
  return ARABIC_LETTER[code] === 1;
}

/** A letter of an Arabic-script word: no mark, tatweel, digit or punctuation of those blocks. */
export function isArabicWordLetter(code: number): boolean {
  return ROLE[code] === CharRole.Letter && isArabicLetter(code);
}

/** Whether a text has any Arabic letter at all: the cheap test before scanning or searching it. */
export function hasArabic(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (isArabicWordLetter(text.charCodeAt(i))) return true;
  }
  return false;
}
