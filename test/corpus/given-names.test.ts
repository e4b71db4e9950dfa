/**
 * Round 7: the given names learned from ANERcorp (core/corpus/ambiguity-given-names.ts) and the
 * committed table detect reads (core/match/given-names-data.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { learnGivenNames } from '../../core/corpus/ambiguity-given-names.ts';
import { GIVEN_NAMES } from '../../core/match/given-names-data.ts';
import { givenNamesModule, GIVEN_NAMES_PATH } from '../../scripts/learn-given-names.ts';
import { ANERCORP } from './bio.ts';

const pers = (first: string, last: string) => [
  { text: first, tag: 'B-PERS' },
  { text: last, tag: 'I-PERS' },
];

describe('learnGivenNames', () => {
  test('a token that opens a two-token person name three times is a given name', () => {
    const s = [pers('جورج', 'بوش'), pers('جورج', 'واشنطن'), pers('جورج', 'كلوني')];
    expect(learnGivenNames(s)).toEqual(['جورج']);
    expect(learnGivenNames(s.slice(0, 2))).toEqual([]);
  });

  test('never tagged O: a verb that also opens names (دان) is none', () => {
    const s = [pers('دان', 'براون'), pers('دان', 'كويل'), pers('دان', 'رذر'), [{ text: 'دان', tag: 'O' }, { text: 'العراق', tag: 'B-LOC' }]];
    expect(learnGivenNames(s)).toEqual([]);
  });

  test('an ordinary word with a proclitic counts against the bare word: لصالح makes صالح none', () => {
    const s = [pers('صالح', 'مسلم'), pers('صالح', 'المطلك'), pers('صالح', 'علي'), [{ text: 'لصالح', tag: 'O' }, { text: 'العراق', tag: 'B-LOC' }]];
    expect(learnGivenNames(s)).toEqual([]);
    expect(learnGivenNames(s.slice(0, 3))).toEqual(['صالح']);
  });

  test('name particles (أبو، بن، عبد) are none; a proclitic و is taken off', () => {
    const s = [pers('أبو', 'بكر'), pers('أبو', 'مازن'), pers('أبو', 'علي'), pers('محمد', 'علي'), pers('محمد', 'خالد'), pers('ومحمد', 'سعيد'), pers('ومحمد', 'حسن'), pers('ومحمد', 'علي')];
    expect(learnGivenNames(s)).toEqual(['محمد']);
  });
});

describe('the committed table', () => {
  test('is what scripts/learn-given-names.ts makes from ANERcorp', () => {
    if (!existsSync(ANERCORP)) throw new Error(`ANERcorp is missing: expected ${ANERCORP} (see ../shared/anercorp/README.md)`);
    expect(readFileSync(GIVEN_NAMES_PATH, 'utf8')).toBe(givenNamesModule());
  });

  test('holds common given names and no particle', () => {
    expect(GIVEN_NAMES).toContain('جورج');
    expect(GIVEN_NAMES).toContain('محمد');
    for (const particle of ['ابو', 'بن', 'عبد', 'دان', 'صالح']) expect(GIVEN_NAMES).not.toContain(particle);
  });
});
