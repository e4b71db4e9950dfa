/**
 * The reader's corrections (lib/corrections.ts): the stored form of a word, untrusted stored values,
 * and the filter the scanner applies, checked against real detector output (the inline gazetteer).
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../core/match/detect.ts';
import {
  applyingKeys,
  correctionFilter,
  MAX_CORRECTIONS,
  parseCorrections,
  readingsOf,
  siteOf,
  surfaceOf,
  withCorrection,
  withoutCorrection,
  type Correction,
} from '../../lib/corrections.ts';
import { namesOf } from '../../entrypoints/content/corrections.ts';
import { MATCHER } from '../core/fixtures.ts';

function correction(over: Partial<Correction> = {}): Correction {
  return { surface: 'القايم', entityId: 'place:alqaim', host: 'news.example', text: 'القائم', entityName: 'مدينة القائم', at: 1, ...over };
}

/** What the scanner would place on `host` for `text`: detect's mentions the filter lets through. */
function placed(text: string, list: Correction[], host: string): string[] {
  const hides = correctionFilter(list, host);
  return detect(MATCHER, text, { minConfidence: 0 })
    .filter((m) => !hides?.(m.entityId, m.text))
    .map((m) => `${m.text}=${m.entityId}`);
}

describe('the stored form of a word', () => {
  // Each row: the page's text of a mention → the form stored, as the detector's spans give them.
  const rows: [string, string, string][] = [
    ['diacritics and hamza folded', 'القَائِم', 'القايم'],
    ['taa marbuta folded', 'راوة', 'راوه'],
    ['li- + al- written لل: read as the name with its article', 'للقائم', 'القايم'],
    ['li- + al- before a lam: the name keeps both lams', 'للاذقية', 'اللاذقيه'],
  ];
  const names = new Set(['القايم', 'راوه', 'اللاذقيه']);
  it.each(rows)('%s: %s → %s', (_why, text, stored) => {
    expect(surfaceOf(text, (s) => names.has(s))).toBe(stored);
  });

  it('without a known name, the plain normalised word', () => {
    expect(surfaceOf('للقائم')).toBe('للقايم');
    expect(readingsOf('للقائم')).toEqual(['للقايم', 'القايم', 'اللقايم']);
    expect(readingsOf('دمشق')).toEqual(['دمشق']);
  });

  it("uses the matcher's names of the entity (namesOf), article included", () => {
    const names = namesOf(MATCHER, 'place:alqaim');
    expect(names.has('القايم')).toBe(true);
    expect(names.has('مدينه القايم')).toBe(true);
    expect(namesOf(MATCHER, 'place:nowhere').size).toBe(0);
  });

  it('a site is its host without www. and in lower case', () => {
    expect(siteOf('WWW.Aljazeera.net')).toBe('aljazeera.net');
    expect(siteOf('news.example.')).toBe('news.example');
  });
});

describe('stored corrections are untrusted', () => {
  it('keeps valid ones, drops junk, normalises, dedups, newest first', () => {
    const raw = [
      correction({ at: 1 }),
      correction({ at: 5, surface: 'القَائِم' }), // the same correction written unnormalised
      correction({ at: 3, host: null }),
      { ...correction(), surface: '' },
      { ...correction(), surface: 42 },
      { ...correction(), host: 'bad host/<script>' },
      { ...correction(), entityId: 'x'.repeat(1000) },
      null,
      'القائم',
      [1, 2],
    ];
    const list = parseCorrections(raw);
    expect(list.map((c) => [c.surface, c.host, c.at])).toEqual([
      ['القايم', 'news.example', 5],
      ['القايم', null, 3],
    ]);
  });

  it('anything not a list is no corrections', () => {
    for (const raw of [undefined, null, {}, 'x', 3, { 0: correction() }]) expect(parseCorrections(raw)).toEqual([]);
  });

  it('fills display fields it cannot read, and bounds the list', () => {
    const [c] = parseCorrections([{ surface: 'القايم', entityId: 'place:alqaim', host: null }]);
    expect(c).toEqual({ surface: 'القايم', entityId: 'place:alqaim', host: null, text: 'القايم', entityName: '', at: 0 });
    const many = Array.from({ length: MAX_CORRECTIONS + 10 }, (_, i) => correction({ surface: `كلمه${i}`, at: i }));
    expect(parseCorrections(many)).toHaveLength(MAX_CORRECTIONS);
  });

  it('adds in front (replacing an equal one) and removes by word, entity and scope', () => {
    const a = correction({ at: 1 });
    const b = correction({ at: 2, host: null });
    let list = withCorrection([], a);
    list = withCorrection(list, b);
    list = withCorrection(list, { ...a, at: 3 });
    expect(list.map((c) => c.at)).toEqual([3, 2]);
    expect(withoutCorrection(list, a).map((c) => c.host)).toEqual([null]);
  });
});

describe('the filter', () => {
  const sport = 'ارتدت الكرة من القائم الأيمن ثم سجل الفريق في القائم';
  const news = 'سيطرت القوات على مدينة القائم ثم تقدمت من القائم إلى البوكمال';

  it('without corrections it costs nothing and drops nothing', () => {
    expect(correctionFilter([], 'news.example')).toBeUndefined();
    expect(placed(sport, [], 'news.example').length).toBeGreaterThan(0);
  });

  it('a site correction drops the word as that entity on that site only (www. or not)', () => {
    const list = [correction()];
    const here = placed(sport, list, 'www.news.example');
    expect(here.filter((m) => m.endsWith('place:alqaim'))).toEqual([]);
    expect(placed(sport, list, 'other.example').some((m) => m === 'القائم=place:alqaim')).toBe(true);
  });

  it('keeps other names of the same entity, and other entities through the same word', () => {
    const list = [correction()];
    const got = placed(news, list, 'news.example');
    expect(got).toContain('مدينة القائم=place:alqaim');
    expect(got).toContain('البوكمال=place:albukamal');
    expect(got).not.toContain('القائم=place:alqaim');
    // Another entity's correction on the same word leaves al-Qaim alone.
    expect(placed(news, [correction({ entityId: 'place:other' })], 'news.example')).toContain('القائم=place:alqaim');
  });

  it('matches the word through clitics, diacritics and li- + al-', () => {
    const list = [correction({ host: null })];
    const text = 'وصلوا إلى القَائِم وللقائم والقائم';
    expect(detect(MATCHER, text, { minConfidence: 0 }).some((m) => m.entityId === 'place:alqaim')).toBe(true);
    expect(placed(text, list, 'any.example').filter((m) => m.endsWith('place:alqaim'))).toEqual([]);
  });

  it('a global correction applies on every site', () => {
    const list = [correction({ host: null })];
    for (const host of ['a.example', 'b.example']) {
      expect(placed(sport, list, host).filter((m) => m.endsWith('place:alqaim'))).toEqual([]);
    }
  });

  it('tells which corrections apply on a host (a lifted one means scan again)', () => {
    const list = [correction(), correction({ host: 'other.example' }), correction({ host: null })];
    expect(applyingKeys(list, 'news.example').size).toBe(2);
  });
});
