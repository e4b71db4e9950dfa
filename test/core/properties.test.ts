/**
 * Property tests (fast-check) of the Arabic core: the normaliser, the tokeniser, the matcher and the
 * detector on arbitrary text. CI runs a modest number of cases; `npm run fuzz` sets FUZZ_RUNS.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CharRole, FOLD, isArabicLetter, ROLE } from '../../core/arabic/chars.ts';
import { PROCLITICS, splitArticle } from '../../core/arabic/clitics.ts';
import { normalise, normaliseKey } from '../../core/arabic/normalise.ts';
import { tokenise } from '../../core/arabic/tokenise.ts';
import { loadMatcher, type SerializedMatcher } from '../../core/match/automaton.ts';
import { detect } from '../../core/match/detect.ts';
import type { Mention } from '../../core/types.ts';
import { ENTITIES, MATCHER, SERIALIZED } from './fixtures.ts';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`FUZZ_RUNS must be a positive integer, not "${process.env['FUZZ_RUNS']}"`);
const params = { numRuns: RUNS };
/** Enough time for FUZZ_RUNS=100000 on a slow machine. */
const TIMEOUT = Math.max(30_000, RUNS * 5);

const char = (code: number) => String.fromCharCode(code);
const range = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map(char);

/** Any UTF-16 unit, lone surrogates included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map(char);
/** What Arabic news text is made of, and what gets mixed into it. */
const arabicUnit = fc.oneof(
  { weight: 12, arbitrary: range(0x0621, 0x064a) }, // letters
  { weight: 3, arbitrary: range(0x064b, 0x065f) }, // harakat, tanwin, shadda, sukun
  { weight: 1, arbitrary: fc.constantFrom('\u0640', '\u0670', '\u06d6', '\u06e1') }, // tatweel, superscript alef, Quranic marks
  { weight: 2, arbitrary: fc.constantFrom('\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff', '\u00ad') },
  { weight: 4, arbitrary: fc.constantFrom(' ', ' ', '\u00a0', '\t', '«', '»', '“', '”', '"', '(', ')', '_', '#', '-', "'") },
  { weight: 2, arbitrary: fc.constantFrom('.', '،', '؛', '؟', '!', ':', '\n', '\r\n', '…', '/') },
  { weight: 1, arbitrary: fc.oneof(range(0x0660, 0x0669), range(0x06f0, 0x06f9), range(0x30, 0x39)) }, // digits
  { weight: 1, arbitrary: fc.oneof(range(0x0671, 0x06ff), range(0xfb50, 0xfdff), range(0xfe70, 0xfeff)) }, // other Arabic
  { weight: 1, arbitrary: fc.oneof(range(0x41, 0x7a), fc.constantFrom('😀', '\ud83d', '\ude00', '中')) },
  { weight: 1, arbitrary: anyUnit },
);

/** The same gazetteer as the sparse automaton (failure links instead of the dense table). */
const SPARSE = loadMatcher(JSON.parse(JSON.stringify(SERIALIZED)) as SerializedMatcher, { dense: false });

const STRONG_NAMES = ENTITIES.flatMap((e) => [e.name, ...e.aliases].map((name) => ({ id: e.id, name })));
/** Words of the gazetteer, with clitics, so that random text holds names and near-names. */
const nameish = fc
  .tuple(fc.constantFrom(...PROCLITICS.map((p) => p.prefix)), fc.constantFrom(...ENTITIES.flatMap((e) => [e.name, ...e.aliases, ...e.weakAliases])))
  .map(([prefix, name]) => (prefix.endsWith('ال') || prefix.endsWith('لل') ? prefix + name.replace(/^ال/, '') : prefix + name));

/** Arabic-looking text: units, names with clitics, and context words, in any order. */
const arabicText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: arabicUnit, maxLength: 12 }) },
      { weight: 2, arbitrary: nameish },
      { weight: 1, arbitrary: fc.constantFrom(' ', ' في ', ' مدينة ', ' قوات ', ' مراسل ', '. ', ' و', 'ال', ' بأعمال ', ' كافة ') },
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(fc.string({ unit: anyUnit, maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 }), arabicText);

/** What is wrong with normalise(input)'s offset map (plain checks: expect() per unit is slow at 100k runs). */
function offsetMapProblems(input: string): string[] {
  const n = normalise(input);
  const problems: string[] = [];
  if (n.starts.length !== n.text.length || n.ends.length !== n.text.length) return ['map and text lengths differ'];
  let previousEnd = 0;
  let letters = 0;
  for (let i = 0; i < n.text.length; i++) {
    const start = n.starts[i]!;
    const end = n.ends[i]!;
    // In order, non-overlapping, inside the input.
    if (!(start >= previousEnd && start < end && end <= input.length)) problems.push(`unit ${i}: span [${start}, ${end}) after ${previousEnd}`);
    previousEnd = end;
    const unit = n.text.charCodeAt(i);
    if (unit === 0x20) {
      // A space spans a run with no letter in it, between two letters.
      if (i === 0 || i === n.text.length - 1 || n.text.charCodeAt(i - 1) === 0x20) problems.push(`unit ${i}: stray space`);
      for (let j = start; j < end; j++) if (ROLE[input.charCodeAt(j)] === CharRole.Letter) problems.push(`unit ${i}: a space spans letter ${j}`);
      if (ROLE[input.charCodeAt(start)] === CharRole.Skip) problems.push(`unit ${i}: a space starts at a dropped character`);
    } else {
      // A letter maps to the letter it folds from, followed only by dropped characters.
      letters++;
      const code = input.charCodeAt(start);
      if (ROLE[code] !== CharRole.Letter || FOLD[code] !== unit) problems.push(`unit ${i}: maps to ${start}, not its letter`);
      for (let j = start + 1; j < end; j++) if (ROLE[input.charCodeAt(j)] !== CharRole.Skip) problems.push(`unit ${i}: spans ${j}, no dropped character`);
    }
  }
  // Every letter of the input is in the text, once.
  let inputLetters = 0;
  for (let j = 0; j < input.length; j++) if (ROLE[input.charCodeAt(j)] === CharRole.Letter) inputLetters++;
  if (letters !== inputLetters) problems.push(`${letters} letters in the text, ${inputLetters} in the input`);
  return problems;
}

function checkMentions(input: string, mentions: readonly Mention[]): void {
  let previousEnd = 0;
  for (const m of mentions) {
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.start).toBeLessThan(m.end);
    expect(m.end).toBeLessThanOrEqual(input.length);
    expect(m.text).toBe(input.slice(m.start, m.end));
    expect(m.start).toBeGreaterThanOrEqual(previousEnd); // sorted, no overlaps
    previousEnd = m.end;
    expect(m.confidence).toBeGreaterThan(0);
    expect(m.confidence).toBeLessThanOrEqual(1);
    expect(SERIALIZED.entityIds).toContain(m.entityId);
  }
}

describe('normalise', () => {
  test('never throws, and its offset map is always valid', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        expect(offsetMapProblems(input)).toEqual([]);
      }),
      params,
    );
  }, TIMEOUT);

  test('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const once = normaliseKey(input);
        expect(normaliseKey(once)).toBe(once);
        // The normalised text maps onto itself one to one.
        const again = normalise(once);
        expect(Array.from(again.starts)).toEqual(Array.from({ length: once.length }, (_, i) => i));
      }),
      params,
    );
  }, TIMEOUT);

  test('spaces and punctuation runs collapse: no leading, trailing or double space', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const key = normaliseKey(input);
        expect(key.startsWith(' ') || key.endsWith(' ') || key.includes('  ')).toBe(false);
      }),
      params,
    );
  }, TIMEOUT);
});

describe('tokenise', () => {
  test('tokens are in order, inside the input, letters at both ends, one script each, and rebuild the normalised text', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const tokens = tokenise(input);
        const problems: string[] = [];
        let previousEnd = 0;
        for (const [k, t] of tokens.entries()) {
          if (!(t.start >= previousEnd && t.start < t.end && t.end <= input.length)) problems.push(`token ${k}: [${t.start}, ${t.end}) after ${previousEnd}`);
          previousEnd = t.end;
          const first = input.charCodeAt(t.start);
          if (ROLE[first] !== CharRole.Letter) problems.push(`token ${k} starts at no letter`);
          // A word ends at a non-letter or where the script changes.
          const after = input.charCodeAt(t.end);
          if (t.end < input.length && ROLE[after] === CharRole.Letter && isArabicLetter(after) === isArabicLetter(first)) {
            problems.push(`token ${k} stops before a letter of its own script`);
          }
          if (t.norm !== normaliseKey(input.slice(t.start, t.end)) || t.norm.includes(' ')) problems.push(`token ${k}: norm "${t.norm}"`);
        }
        expect(problems).toEqual([]);
        // The words are the normalised text's letters, in order, none lost.
        expect(tokens.map((t) => t.norm).join('')).toBe(normaliseKey(input).replaceAll(' ', ''));
      }),
      params,
    );
  }, TIMEOUT);
});

describe('matcher and detect', () => {
  test('never throw on random Unicode, and every mention is a slice of the input', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        checkMentions(input, detect(MATCHER, input));
        checkMentions(input, detect(MATCHER, input, { minConfidence: 0 }));
      }),
      params,
    );
  }, TIMEOUT);

  test('every raw match is exactly a name, at a word boundary', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        for (const raw of MATCHER.scan(input)) {
          expect(0 <= raw.start && raw.start < raw.end && raw.end <= input.length).toBe(true);
          const [core, article] = SERIALIZED.patterns[raw.pattern]!;
          const key = normaliseKey(input.slice(raw.start, raw.end));
          const allowed = article ? [`ال${core}`, `لل${core}`] : [core];
          expect(allowed).toContain(key);
          // What follows is no letter, or a letter of another script (an Arabic name before a
          // Latin word, a Latin name before an Arabic word).
          const next = input.charCodeAt(raw.end);
          if (raw.end < input.length && ROLE[next] === CharRole.Letter) {
            expect(isArabicLetter(core.charCodeAt(core.length - 1)) !== isArabicLetter(next)).toBe(true);
          }
        }
      }),
      params,
    );
  }, TIMEOUT);

  test('the sparse automaton (failure links, as for a very large gazetteer) never throws and finds what the dense table finds', () => {
    const sparse = SPARSE;
    expect(sparse.dense).toBe(false);
    expect(MATCHER.dense).toBe(true);
    fc.assert(
      fc.property(anyText, (input) => {
        const raw = sparse.scan(input);
        for (const r of raw) {
          if (!(Number.isInteger(r.start) && Number.isInteger(r.end) && 0 <= r.start && r.start < r.end && r.end <= input.length)) {
            throw new Error(`raw match [${r.start}, ${r.end}) outside the input of ${input.length}`);
          }
        }
        expect(raw).toEqual(MATCHER.scan(input));
        const mentions = detect(sparse, input, { minConfidence: 0 });
        checkMentions(input, mentions);
        expect(mentions).toEqual(detect(MATCHER, input, { minConfidence: 0 }));
      }),
      params,
    );
  }, TIMEOUT);

  test('never throw on long texts either, with the entities known on the page as evidence', () => {
    const known = fc.subarray(SERIALIZED.entityIds.slice(), { maxLength: 5 });
    const longText = fc.array(arabicText, { minLength: 5, maxLength: 40 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(longText, known, (input, ids) => {
        const knownEntities = new Set(ids);
        checkMentions(input, detect(MATCHER, input, { knownEntities }));
        checkMentions(input, detect(SPARSE, input, { knownEntities, minConfidence: 0 }));
      }),
      // Long inputs: a fortieth of the runs (2,500 in `npm run fuzz`) is still thousands of pages.
      { numRuns: Math.max(50, Math.floor(RUNS / 40)) },
    );
  }, TIMEOUT);

  test('a matcher loaded from JSON finds the same', () => {
    const copy = loadMatcher(JSON.parse(JSON.stringify(SERIALIZED)) as SerializedMatcher);
    fc.assert(
      fc.property(anyText, (input) => {
        expect(detect(copy, input, { minConfidence: 0 })).toEqual(detect(MATCHER, input, { minConfidence: 0 }));
      }),
      params,
    );
  }, TIMEOUT);
});

/** Characters normalisation drops: they may be typed anywhere inside a name. */
const skipUnit = fc.constantFrom('\u064e', '\u064f', '\u0650', '\u0651', '\u0652', '\u064b', '\u0640', '\u0640\u0640', '\u200c', '\u200d', '\u200f', '\u2067', '\u00ad');

describe('a name survives what normalisation drops', () => {
  test('inserting diacritics, tatweel or ZWNJ inside a name (with any fitting proclitic) never loses the match', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STRONG_NAMES),
        fc.constantFrom(...PROCLITICS),
        fc.array(fc.tuple(fc.nat(), skipUnit), { minLength: 1, maxLength: 6 }),
        ({ id, name }, proclitic, inserts) => {
          const { core, article } = splitArticle(normaliseKey(name));
          fc.pre(proclitic.article === article);
          fc.pre(proclitic.coreStartsWith === undefined || core.startsWith(proclitic.coreStartsWith));
          // The written word: the proclitic's letters, then the name; a proclitic with the article
          // (وال, لل …) takes the name's own ال. The mention starts at the article (or at لل).
          const written = article ? proclitic.prefix + name.replace(/^ال/, '') : proclitic.prefix + name;
          const nameStart = !article
            ? proclitic.prefix.length
            : proclitic.coreStartsWith !== undefined
              ? proclitic.prefix.length - 1
              : proclitic.prefix.length - 2;
          // Insert only strictly inside the name: after its first unit, before its end.
          const room = written.length - nameStart - 1;
          let text = written;
          const positions = inserts.map(([at, unit]) => [nameStart + 1 + (at % room), unit] as const).sort((a, b) => b[0] - a[0]);
          for (const [at, unit] of positions) text = text.slice(0, at) + unit + text.slice(at);
          const sentence = `قال المصدر إن ${text} مهم.`;
          const offset = 'قال المصدر إن '.length;
          const mentions = detect(MATCHER, sentence);
          const hit = mentions.find((m) => m.entityId === id);
          expect(hit, `${sentence} should name ${id}`).toBeDefined();
          expect([hit!.start, hit!.end]).toEqual([offset + nameStart, offset + text.length]);
        },
      ),
      params,
    );
  }, TIMEOUT);
});
