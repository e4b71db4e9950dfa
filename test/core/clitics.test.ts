/**
 * The proclitic table (core/arabic/clitics.ts), row by row: each example `word → name` is read by
 * stripProclitics as that prefix + name, and the matcher finds the name inside the word, in a
 * sentence, with the row's proclitic.
 */
import { describe, expect, test } from 'vitest';
import { MAX_PROCLITIC_LENGTH, PROCLITICS, procliticFor, splitArticle, stripProclitics } from '../../core/arabic/clitics.ts';
import { normaliseKey } from '../../core/arabic/normalise.ts';
import { entity, matcherOf, parseExample } from './fixtures.ts';

/** The mention a matcher should report for `word` = row.prefix + name: the article stays with the name; لل is kept whole. */
function expectedMention(word: string, row: (typeof PROCLITICS)[number]): { text: string; proclitic: string } {
  const { prefix, article } = row;
  if (!article) return { text: word.slice(prefix.length), proclitic: prefix };
  // li- swallowed the whole article before a lam (للاذقية): the mention starts at li-'s lam.
  if (row.coreStartsWith !== undefined) return { text: word.slice(prefix.length - 1), proclitic: prefix };
  if (prefix.endsWith('ال')) return { text: word.slice(prefix.length - 2), proclitic: prefix.slice(0, -2) };
  // لل: li- fused with the article; the mention starts at the fused pair.
  return { text: word.slice(prefix.length - 2), proclitic: prefix.slice(0, -1) };
}

describe.each(PROCLITICS.map((p) => [p.prefix === '' ? '(none)' : p.prefix, p.description, p] as const))(
  'proclitic %s (%s)',
  (_, __, row) => {
    const { input: word, output: name } = parseExample(row.example);
    const key = normaliseKey(word);
    const nameKey = normaliseKey(name);

    test(`${row.example}: the word is the prefix then the name's core`, () => {
      const { core, article } = splitArticle(nameKey);
      expect(article).toBe(row.article);
      expect(key).toBe(row.prefix + core);
      expect(procliticFor(row.prefix, row.article, core[0]!)).toBe(row);
    });

    test(`${row.example}: stripProclitics reads it so`, () => {
      const prefix = row.prefix === 'ال' ? '' : row.prefix;
      expect(stripProclitics(key)).toContainEqual({ prefix, name: nameKey });
    });

    test(`${row.example}: the matcher finds the name inside the word`, () => {
      const matcher = matcherOf([entity('place:test', 'city', 'Test', name)]);
      const sentence = `قال المصدر إن ${word} مهمة.`;
      const offset = sentence.indexOf(word);
      const want = expectedMention(word, row);
      const raw = matcher.scan(sentence);
      expect(raw).toHaveLength(1);
      expect(sentence.slice(raw[0]!.start, raw[0]!.end)).toBe(want.text);
      expect(raw[0]!.end).toBe(offset + word.length);
      expect(raw[0]!.proclitic).toBe(want.proclitic);
    });
  },
);

describe('the table', () => {
  test('prefixes are normalised, unique per article, and article rows end in ال or لل or stand before a lam', () => {
    const prefixes = PROCLITICS.map((p) => p.prefix);
    expect(new Set(PROCLITICS.map((p) => `${p.article}${p.prefix}`)).size).toBe(prefixes.length);
    for (const p of PROCLITICS) {
      expect(normaliseKey(p.prefix)).toBe(p.prefix);
      expect(p.article).toBe(p.prefix.endsWith('ال') || p.prefix.endsWith('لل') || p.coreStartsWith === 'ل');
    }
    expect(MAX_PROCLITIC_LENGTH).toBe(Math.max(...prefixes.map((p) => p.length)));
  });

  test('every conjunction + preposition combination of و ف with ب ل ك is there, with and without the article', () => {
    const forms: [string, boolean][] = [];
    for (const conj of ['', 'و', 'ف']) {
      for (const prep of ['', 'ب', 'ل', 'ك']) {
        forms.push([conj + prep, false]);
        forms.push([prep === 'ل' ? `${conj}لل` : `${conj}${prep}ال`, true]);
      }
    }
    for (const [prefix, article] of forms) expect(procliticFor(prefix, article, 'ق'), `${prefix} (${article})`).toBeDefined();
    // …and li- before a lam-initial name, with and without و ف.
    for (const prefix of ['ل', 'ول', 'فل']) {
      expect(procliticFor(prefix, true, 'ل')).toBeDefined();
      expect(procliticFor(prefix, true, 'ق')).toBeUndefined();
    }
    expect(PROCLITICS).toHaveLength(forms.length + 3);
  });
});

describe('words that are not a name with proclitics', () => {
  const bare = matcherOf([entity('place:baghdad', 'city', 'Baghdad', 'بغداد')]);
  const definite = matcherOf([entity('place:alqaim', 'city', 'al-Qaim', 'القائم')]);
  test.each([
    ['wrong order: bi- before wa-', 'بوبغداد', bare],
    ['two prepositions', 'كببغداد', bare],
    ['a letter that is no proclitic', 'مبغداد', bare],
    ['the article on a name that has none', 'البغداد', bare],
    ['wa- + the article on a name that has none', 'والبغداد', bare],
    ['a name with the article, written without it', 'قائم', definite],
    ['wa- without the article', 'وقائم', definite],
    ['bi- without the article', 'بقائم', definite],
    ['li- + al- written in full (لال)', 'لالقائم', definite],
    ['an article twice', 'الالقائم', definite],
    ['the name inside a longer word', 'بغدادي', bare],
    ['the name followed by a suffix', 'القائمة', definite],
  ])('%s: %s', (_, word, matcher) => {
    expect(matcher.scan(`قال إن ${word} مهمة`)).toEqual([]);
  });

  test('stripProclitics always offers the word itself, last', () => {
    for (const word of ['بوبغداد', 'والقايم', 'ل', 'وب']) {
      expect(stripProclitics(word).at(-1)).toEqual({ prefix: '', name: word });
    }
  });
});
