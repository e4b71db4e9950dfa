/**
 * The normaliser's offset map: for each case, the normalised text and, unit by unit, the span of
 * the original it came from. Spans are written by hand from the inputs' code units.
 */
import { describe, expect, test } from 'vitest';
import { normalise, normaliseKey, originalSpan } from '../../core/arabic/normalise.ts';
import { tokenise } from '../../core/arabic/tokenise.ts';

interface OffsetCase {
  name: string;
  input: string;
  text: string;
  /** [start, end) in the input for each unit of `text`. */
  spans: [number, number][];
}

/** One-unit spans [from, from+1), [from+1, from+2) … for `count` plain letters. */
const plain = (from: number, count: number): [number, number][] =>
  Array.from({ length: count }, (_, i) => [from + i, from + i + 1]);

const CASES: OffsetCase[] = [
  { name: 'plain letters map one to one', input: 'دمشق', text: 'دمشق', spans: plain(0, 4) },
  {
    name: 'diacritics join the letter before them',
    // ف0 خ1 ّ2 َ3 خ4 َ5
    input: 'فخَّخَ',
    text: 'فخخ',
    spans: [[0, 1], [1, 4], [4, 6]],
  },
  {
    name: 'tanwin at the end of a word',
    // ق0 ا1 ئ2 م3 ً4 ا5
    input: 'قائمًا',
    text: 'قايما',
    spans: [[0, 1], [1, 2], [2, 3], [3, 5], [5, 6]],
  },
  {
    name: 'tatweel joins the letter before it',
    // ا0 ل1 ل2 ـ3 ه4
    input: 'اللـه',
    text: 'الله',
    spans: [[0, 1], [1, 2], [2, 4], [4, 5]],
  },
  {
    name: 'a run of tatweel',
    input: 'حمـــص',
    text: 'حمص',
    spans: [[0, 1], [1, 5], [5, 6]],
  },
  {
    name: 'ZWNJ inside a word joins the letter before it',
    // ا0 ل1 ب2 و3 ZWNJ4 ك5 م6 ا7 ل8
    input: 'البو\u200Cكمال',
    text: 'البوكمال',
    spans: [...plain(0, 3), [3, 5], ...plain(5, 4)],
  },
  {
    name: 'ZWJ inside a word joins the letter before it',
    input: 'راو\u200Dة',
    text: 'راوه',
    spans: [[0, 1], [1, 2], [2, 4], [4, 5]],
  },
  {
    name: 'bidi embedding around a word: the opening one belongs to nothing, the closing one to the last letter',
    // RLE0 د1 م2 ش3 ق4 PDF5
    input: '\u202Bدمشق\u202C',
    text: 'دمشق',
    spans: [[1, 2], [2, 3], [3, 4], [4, 6]],
  },
  {
    name: 'isolates and marks between words stay in the gap',
    // ح0 م1 ص2 ' '3 RLM4 ' '5 FSI6 د7 م8 ش9 ق10 PDI11
    input: 'حمص \u200F \u2068دمشق\u2069',
    text: 'حمص دمشق',
    spans: [...plain(0, 3), [3, 7], ...plain(7, 3), [10, 12]],
  },
  {
    name: 'NBSP is a space',
    input: 'دير\u00A0الزور',
    text: 'دير الزور',
    spans: [...plain(0, 3), [3, 4], ...plain(4, 5)],
  },
  {
    name: 'a run of spaces and punctuation is one space spanning the run',
    // ح0 م1 ص2 ' '3 ،4 ' '5 د6…
    input: 'حمص ، دمشق',
    text: 'حمص دمشق',
    spans: [...plain(0, 3), [3, 6], ...plain(6, 4)],
  },
  {
    name: 'leading and trailing spaces and punctuation are dropped',
    input: '  «حمص».  ',
    text: 'حمص',
    spans: plain(3, 3),
  },
  {
    name: 'quotes and a hash inside a name',
    // ك0 ت1 ا2 ئ3 ب4 ' '5 «6 ح7 ز8 ب9 ' '10 #11 ا12
    input: 'كتائب «حزب #ا',
    text: 'كتايب حزب ا',
    spans: [...plain(0, 5), [5, 7], ...plain(7, 3), [10, 12], [12, 13]],
  },
  {
    name: 'Arabic-Indic digits become ASCII digits one to one',
    input: 'عام ٢٠١٧',
    text: 'عام 2017',
    spans: plain(0, 8),
  },
  {
    name: 'Persian digits become ASCII digits',
    input: '۲۰۱۷',
    text: '2017',
    spans: plain(0, 4),
  },
  {
    name: 'alef forms, hamza seats, alef maqsura and teh marbuta fold in place',
    input: 'إأآؤئىة',
    text: 'اااوييه',
    spans: plain(0, 7),
  },
  {
    name: 'CRLF line breaks are one gap',
    input: 'حمص\r\nدمشق',
    text: 'حمص دمشق',
    spans: [...plain(0, 3), [3, 5], ...plain(5, 4)],
  },
  {
    name: 'a surrogate pair stays as two letter units',
    input: 'حمص😀',
    text: 'حمص😀',
    spans: plain(0, 5),
  },
  { name: 'empty input', input: '', text: '', spans: [] },
  { name: 'only diacritics and controls', input: 'ًٌ\u200F\u0640', text: '', spans: [] },
  { name: 'only punctuation', input: ' .، ', text: '', spans: [] },
];

describe('normalise: text and offset map', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const n = normalise(c.input);
    expect(n.text).toBe(c.text);
    expect(normaliseKey(c.input)).toBe(c.text);
    const spans = Array.from(n.starts, (s, i) => [s, n.ends[i]!]);
    expect(spans).toEqual(c.spans);
  });
});

describe('originalSpan: a name found in the normalised text maps back to its original slice', () => {
  test.each([
    ['قال: كتائب «حزب اللـه» اليوم', 'كتايب حزب الله', 'كتائب «حزب اللـه'],
    ['في مدينةِ البُوكَمال.', 'البوكمال', 'البُوكَمال'],
    ['نحو دير\u00A0الزور\u200F،', 'دير الزور', 'دير\u00A0الزور\u200F'],
    ['هاشتاغ #الجيش_السوري', 'الجيش السوري', 'الجيش_السوري'],
    ['عام ٢٠١٧ م', '2017', '٢٠١٧'],
  ])('%s: %s', (input, key, original) => {
    const n = normalise(input);
    const at = n.text.indexOf(key);
    expect(at).toBeGreaterThanOrEqual(0);
    const [start, end] = originalSpan(n, at, at + key.length);
    expect(input.slice(start, end)).toBe(original);
  });

  test('an empty span sits at the unit it starts at, or at the end', () => {
    const n = normalise('حمص دمشق');
    expect(originalSpan(n, 4, 4)).toEqual([4, 4]);
    expect(originalSpan(n, 8, 8)).toEqual([8, 8]);
    expect(originalSpan(normalise(''), 0, 0)).toEqual([0, 0]);
  });
});

describe('tokenise: words, their spans and what stands between them', () => {
  test.each([
    {
      input: 'قوات «سوريا الديمقراطية»، والجيش.',
      words: [
        ['قوات', 'قوات', false, false],
        ['سوريا', 'سوريا', false, true],
        ['الديمقراطية', 'الديمقراطيه', false, false],
        ['والجيش', 'والجيش', true, true],
      ],
    },
    {
      input: 'حزب اللـه\nالعراق',
      words: [
        ['حزب', 'حزب', false, false],
        ['اللـه', 'الله', false, false],
        ['العراق', 'العراق', true, false],
      ],
    },
  ])('$input', ({ input, words }) => {
    const tokens = tokenise(input);
    expect(tokens.map((t) => [input.slice(t.start, t.end), t.norm, t.breakBefore, t.quotedBefore])).toEqual(words);
  });

  test('quotes are seen on both sides of a quoted word', () => {
    const [a, b, c, d] = tokenise('في “المحطة الثانية” اليوم');
    expect([a!.quotedAfter, b!.quotedBefore, b!.quotedAfter, c!.quotedAfter, d!.quotedBefore, d!.quotedAfter]).toEqual([
      true, true, false, true, true, false,
    ]);
  });
});
