/**
 * The character rule table (core/arabic/chars.ts), row by row: each row's `input → output` example
 * through normaliseKey, and the flat ROLE/FOLD tables the matcher reads checked against the rows.
 */
import { describe, expect, test } from 'vitest';
import { CHAR_RULES, CharRole, FOLD, isArabicLetter, ROLE, type CharRule } from '../../core/arabic/chars.ts';
import { normaliseKey } from '../../core/arabic/normalise.ts';
import { parseExample } from './fixtures.ts';

function covers(rule: CharRule, code: number): boolean {
  return rule.ranges.some(([lo, hi]) => code >= lo && code <= hi);
}

const ROLE_NAME = Object.fromEntries(Object.entries(CharRole).map(([k, v]) => [v, k])) as Record<number, string>;
const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

describe.each(CHAR_RULES.map((rule) => [rule.description, rule] as const))('%s', (_, rule) => {
  const { input, output } = parseExample(rule.example);

  test(`${JSON.stringify(input)} → ${JSON.stringify(output)}`, () => {
    expect(normaliseKey(input)).toBe(output);
  });

  test('the example exercises the rule (its input holds a character the rule names)', () => {
    const codes = Array.from({ length: input.length }, (_, i) => input.charCodeAt(i));
    expect(codes.some((c) => covers(rule, c))).toBe(true);
  });

  test('the example output is already normal (normalisation is idempotent on it)', () => {
    expect(normaliseKey(output)).toBe(output);
  });

  test('ranges are well-formed and inside the BMP', () => {
    for (const [lo, hi] of rule.ranges) {
      expect(lo).toBeLessThanOrEqual(hi);
      expect(hi).toBeLessThan(0x10000);
    }
  });

  test('ROLE and FOLD hold the rule for every code unit it names', () => {
    const wrong: string[] = [];
    for (const [lo, hi] of rule.ranges) {
      for (let c = lo; c <= hi; c++) {
        // Non-letter rules win over the broad letter ranges (BOM and the ornate parentheses sit in
        // the presentation-form blocks); a letter rule's code may be claimed by a non-letter rule.
        const claimedByNonLetter = CHAR_RULES.some((r) => r.role !== CharRole.Letter && covers(r, c));
        const expected = rule.role === CharRole.Letter && claimedByNonLetter ? undefined : rule.role;
        if (expected !== undefined && ROLE[c] !== expected) {
          wrong.push(`${hex(c)} is ${ROLE_NAME[ROLE[c]!]}, not ${ROLE_NAME[expected]}`);
        }
        if (rule.to && !claimedByNonLetter && FOLD[c] !== rule.to(c)) {
          wrong.push(`${hex(c)} folds to ${hex(FOLD[c]!)}, not ${hex(rule.to(c))}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  if (rule.role === CharRole.Letter) {
    test('folding is idempotent: what a letter folds to is a letter that folds to itself', () => {
      const wrong: string[] = [];
      for (const [lo, hi] of rule.ranges) {
        for (let c = lo; c <= hi; c++) {
          if (ROLE[c] !== CharRole.Letter) continue;
          const f = FOLD[c]!;
          if (ROLE[f] !== CharRole.Letter || FOLD[f] !== f) wrong.push(`${hex(c)} → ${hex(f)}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});

describe('code units no rule names', () => {
  test.each([
    ['full stop', '.', CharRole.Break],
    ['Arabic comma', '،', CharRole.Break],
    ['Arabic question mark', '؟', CharRole.Break],
    ['line feed', '\n', CharRole.Break],
    ['carriage return', '\r', CharRole.Break],
    ['colon', ':', CharRole.Break],
    ['high surrogate', '\uD83D', CharRole.Letter],
    ['low surrogate', '\uDE00', CharRole.Letter],
  ])('%s is %s', (_, ch, role) => {
    expect(ROLE[ch.charCodeAt(0)]).toBe(role);
  });

  test('a break between two words normalises to one space, as spaces do', () => {
    expect(normaliseKey('حمص. دمشق')).toBe('حمص دمشق');
    expect(normaliseKey('حمص ، دمشق')).toBe('حمص دمشق');
  });
});

describe('Arabic-script letters (isArabicLetter, a table look-up)', () => {
  test('are the Arabic blocks and presentation forms, without the Arabic-Indic and Persian digits', () => {
    const blocks = [[0x0600, 0x06ff], [0x0750, 0x077f], [0x08a0, 0x08ff], [0xfb50, 0xfdff], [0xfe70, 0xfefe]];
    const digits = [[0x0660, 0x0669], [0x06f0, 0x06f9]];
    const within = (c: number, ranges: number[][]) => ranges.some(([lo, hi]) => c >= lo! && c <= hi!);
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isArabicLetter(c) !== (within(c, blocks) && !within(c, digits))) wrong.push(c);
    expect(wrong).toEqual([]);
    expect([-1, 0x10000, Number.NaN].map(isArabicLetter)).toEqual([false, false, false]);
  });
});
