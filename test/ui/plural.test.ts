/**
 * Counted phrases follow each language's plural rules: Arabic's six forms (0, 1, 2, 3–10, 11–99,
 * 100+) with the noun agreeing with the number, English's one and other.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../lib/i18n.ts';
import { pluralForm, tn, type PluralBase } from '../../lib/plural.ts';

describe('pluralForm', () => {
  it.each([
    [0, 'zero'], [1, 'one'], [2, 'two'], [3, 'few'], [10, 'few'], [11, 'many'], [99, 'many'], [100, 'other'], [103, 'few'],
  ] as const)('Arabic %i is %s', (n, form) => expect(pluralForm(n, 'ar')).toBe(form));

  it.each([[0, 'other'], [1, 'one'], [2, 'other'], [11, 'other']] as const)('English %i is %s', (n, form) =>
    expect(pluralForm(n, 'en')).toBe(form),
  );
});

describe('tn: counted phrases', () => {
  const table: [PluralBase, number, string, string][] = [
    // base, n, Arabic, English
    ['searchCount', 0, 'لا نتائج', '0 results'],
    ['searchCount', 1, 'نتيجة واحدة', '1 result'],
    ['searchCount', 2, 'نتيجتان', '2 results'],
    ['searchCount', 3, '3 نتائج', '3 results'],
    ['searchCount', 10, '10 نتائج', '10 results'],
    ['searchCount', 11, '11 نتيجة', '11 results'],
    ['searchCount', 20, '20 نتيجة', '20 results'],
    ['mentionCount', 1, 'إشارة واحدة', '1 mention'],
    ['mentionCount', 2, 'إشارتان', '2 mentions'],
    ['mentionCount', 7, '7 إشارات', '7 mentions'],
    ['mentionCount', 15, '15 إشارة', '15 mentions'],
    ['mentionCount', 100, '100 إشارة', '100 mentions'],
    ['moreArticles', 1, 'ومصدر آخر', 'and 1 more source'],
    ['moreArticles', 2, 'ومصدران آخران', 'and 2 more sources'],
    ['moreArticles', 4, 'و4 مصادر أخرى', 'and 4 more sources'],
    ['moreArticles', 12, 'و12 مصدراً آخر', 'and 12 more sources'],
    ['nameCount', 0, 'لا أسماء', '0 names'],
    ['nameCount', 1, 'اسم واحد', '1 name'],
    ['nameCount', 2, 'اسمان', '2 names'],
    ['nameCount', 5, '5 أسماء', '5 names'],
    ['nameCount', 13, '13 اسماً', '13 names'],
  ];
  it.each(table)('%s %i: %s / %s', (base, n, ar, en) => {
    expect(tn(base, 'ar', n)).toBe(ar);
    expect(tn(base, 'en', n)).toBe(en);
  });

  it('fills the other slots too: the card’s coverage line', () => {
    const line = (lang: 'ar' | 'en', n: number, m: number) => tn('coverageCount', lang, n, { mentions: tn('mentionCount', lang, m) });
    expect(line('ar', 1, 1)).toBe('يرد في مصدر واحد (إشارة واحدة)');
    expect(line('ar', 2, 2)).toBe('يرد في مصدرين (إشارتان)');
    expect(line('ar', 3, 20)).toBe('يرد في 3 مصادر (20 إشارة)');
    expect(line('ar', 11, 3)).toBe('يرد في 11 مصدراً (3 إشارات)');
    expect(line('en', 1, 1)).toBe('Mentioned in 1 source (1 mention)');
    expect(line('en', 5, 20)).toBe('Mentioned in 5 sources (20 mentions)');
  });

  it('has all six forms of every counted message in both languages', () => {
    const bases = Object.keys(MESSAGES.ar).filter((k) => k.endsWith('_other')).map((k) => k.slice(0, -'_other'.length));
    expect(bases.length).toBeGreaterThanOrEqual(5);
    for (const base of bases) {
      for (const form of ['zero', 'one', 'two', 'few', 'many', 'other']) {
        expect(Object.keys(MESSAGES.ar)).toContain(`${base}_${form}`);
        expect(Object.keys(MESSAGES.en)).toContain(`${base}_${form}`);
      }
    }
  });
});

describe('words a reader understands', () => {
  const files = ['ar', 'en'].map((l) => readFileSync(join(import.meta.dirname, '..', '..', 'public', '_locales', l, 'messages.json'), 'utf8'));
  const messages = files.flatMap((f) => Object.values(JSON.parse(f) as Record<string, { message: string }>).map((m) => m.message));

  it('never says المدونة (“the blog”) or corpus', () => {
    expect(messages.filter((m) => /المدونة|corpus/i.test(m))).toEqual([]);
  });

  it('says the coverage is from October–November 2017', () => {
    expect(MESSAGES.ar.coveragePeriod.message).toContain('تشرين الأول – تشرين الثاني 2017');
    expect(MESSAGES.en.coveragePeriod.message).toContain('Oct–Nov 2017');
  });
});
