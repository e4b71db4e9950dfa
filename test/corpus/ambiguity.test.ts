/**
 * Ambiguity learned from data (core/corpus/ambiguity.ts, scripts/learn-ambiguity.ts): the rule on
 * small tagged texts, the table's effect on the gazetteer, and the committed corpus/ambiguity.json
 * being exactly what `npm run learn` makes from ANERcorp.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { AMBIGUITY_RULE, applyAmbiguity, learnAmbiguity, parseAmbiguity, type TaggedToken } from '../../core/corpus/ambiguity.ts';
import { loadGazetteer, matcherFor } from '../../core/corpus/build.ts';
import { ProblemList } from '../../core/corpus/errors.ts';
import { loadMatcher } from '../../core/match/automaton.ts';
import { detect } from '../../core/match/detect.ts';
import { AMBIGUITY_PATH, formatTable, learnTable } from '../../scripts/learn-ambiguity.ts';
import { ambiguityFile, gazetteerFiles } from '../../scripts/corpus-files.ts';
import { entity } from '../core/fixtures.ts';
import { ANERCORP } from './bio.ts';

/** "word/TAG word/TAG …" → tokens (a bare word is O). */
const tagged = (line: string): TaggedToken[] =>
  line.split(' ').map((w) => {
    const [text, tag] = w.split('/');
    return { text: text!, tag: tag ?? 'O' };
  });

const keys = (...names: string[]) => new Map(names.map((n) => [n, ['place:x']]));
const entryOf = (entries: ReturnType<typeof learnAmbiguity>, key: string) => entries.find((e) => e.key === key)!;

describe('the rule', () => {
  test('a one-word name mostly not tagged LOC/ORG is weak; one mostly tagged is not', () => {
    const sentences = [
      'قال القائم/O بالأعمال', 'الوضع القائم/O', 'وللقائم/O دور', 'دخلوا القائم/B-LOC',
      'في بغداد/B-LOC', 'من بغداد/B-LOC', 'الى بغداد/O',
    ].map(tagged);
    const entries = learnAmbiguity(sentences, keys('القايم', 'بغداد'));
    expect(entryOf(entries, 'القايم')).toMatchObject({ occurrences: 4, locOrg: 1, other: 3, weak: true });
    expect(entryOf(entries, 'بغداد')).toMatchObject({ occurrences: 3, locOrg: 2, other: 1, weak: false });
  });

  test(`fewer than ${AMBIGUITY_RULE.MIN_OCCURRENCES} occurrences say nothing by themselves`, () => {
    const entries = learnAmbiguity(['الوضع القائم/O', 'القائم/O'].map(tagged), keys('القايم'));
    expect(entryOf(entries, 'القايم').weak).toBe(false);
  });

  test('seen once as a word, and common without the article: weak', () => {
    const bare = Array.from({ length: AMBIGUITY_RULE.MIN_BARE }, () => tagged('في وقت/O لاحق'));
    expect(entryOf(learnAmbiguity([tagged('في الوقت/O'), ...bare], keys('الوقت')), 'الوقت').weak).toBe(true);
    // Never seen untagged: the indefinite form alone does not make it weak (رقة / الرقة).
    expect(entryOf(learnAmbiguity(bare, keys('الوقت')), 'الوقت').weak).toBe(false);
  });

  test('names of two words or more are counted, never made weak', () => {
    const sentences = ['الحكومة/O العراقية/O', 'الحكومة/O العراقية/O', 'الحكومة/O العراقية/O'].map(tagged);
    expect(entryOf(learnAmbiguity(sentences, keys('الحكومه العراقيه')), 'الحكومه العراقيه')).toMatchObject({
      occurrences: 3,
      other: 3,
      weak: false,
    });
  });
});

describe('the table in the build', () => {
  const town = entity('place:town', 'city', 'Town', 'القائم', ['مدينة القائم']);

  test('a learned name is weak like a hand-listed one: shown only with evidence', () => {
    const [learned] = applyAmbiguity([town], new Set(['القايم']));
    expect(learned!.weakAliases).toEqual(['القائم']);
    const matcher = loadMatcher(matcherFor([learned!]));
    expect(detect(matcher, 'الوضع القائم صعب')).toEqual([]);
    expect(detect(matcher, 'دخلت القوات القائم').map((m) => m.entityId)).toEqual(['place:town']);
    // Without the table it is strong.
    expect(detect(loadMatcher(matcherFor([town])), 'الوضع القائم صعب').map((m) => m.entityId)).toEqual(['place:town']);
  });

  test('a malformed table is a problem with its file named, not a throw', () => {
    const problems = new ProblemList();
    expect(parseAmbiguity({ path: 'corpus/ambiguity.json', text: '{"weak": 3}' }, problems).size).toBe(0);
    expect(parseAmbiguity({ path: 'corpus/ambiguity.json', text: 'nope' }, problems).size).toBe(0);
    expect(problems.items.map((p) => p.file)).toEqual(['corpus/ambiguity.json', 'corpus/ambiguity.json']);
  });

  test('the real gazetteer takes the committed table', () => {
    const table = JSON.parse(readFileSync(AMBIGUITY_PATH, 'utf8')) as { weak: string[] };
    const entities = loadGazetteer(gazetteerFiles(), ambiguityFile());
    const weak = new Set(entities.flatMap((e) => e.weakAliases.map((a) => a)));
    expect(table.weak.length).toBeGreaterThan(0);
    expect(entities.find((e) => e.id === 'place:mosul')!.weakAliases).toContain('الموصل');
    expect(weak.size).toBeGreaterThan(0);
  });
});

describe('corpus/ambiguity.json', () => {
  test('is what `npm run learn` makes from ANERcorp (run it after changing the gazetteer or the rule)', () => {
    if (!existsSync(ANERCORP)) {
      throw new Error(`ANERcorp is missing: expected ${ANERCORP} (see ../shared/anercorp/README.md)`);
    }
    const committed = readFileSync(AMBIGUITY_PATH, 'utf8');
    const { generated } = JSON.parse(committed) as { generated: string };
    expect(committed).toBe(formatTable(learnTable(ANERCORP, generated)));
  });
});
