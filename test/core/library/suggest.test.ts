/**
 * Names the library suggests (core/library/suggest.ts), table by table: the word after a trigger
 * that no mention covers and no known name is; its count, articles and sentences.
 */
import { describe, expect, test } from 'vitest';
import { normaliseKey } from '../../../core/arabic/normalise.ts';
import { sentenceAround, suggestNames, type SuggestText } from '../../../core/library/suggest.ts';

const doc = (articleId: string, text: string, covered: string[] = []): SuggestText => ({
  articleId,
  text,
  mentions: covered.map((w) => {
    const start = text.indexOf(w);
    return { start, end: start + w.length };
  }),
});

const known = new Set(['الميادين', 'البوكمال'].map(normaliseKey));
const none = new Set<string>();

describe('suggestNames: what is suggested', () => {
  interface Row {
    description: string;
    texts: SuggestText[];
    names: string[];
  }
  const rows: Row[] = [
    { description: 'مدينة X, X unknown: suggested', texts: [doc('a', 'دخلت القوات مدينة الصالحية أمس.')], names: ['الصالحية'] },
    { description: 'a proclitic on the trigger (بمدينة): still a trigger', texts: [doc('a', 'اشتباكات بمدينة الصالحية.')], names: ['الصالحية'] },
    { description: 'X a known name: not suggested', texts: [doc('a', 'دخلت القوات مدينة الميادين.')], names: [] },
    { description: 'X covered by a stored mention: not suggested', texts: [doc('a', 'دخلت القوات مدينة الصالحية.', ['الصالحية'])], names: [] },
    { description: 'X an ordinary follower (قوات الأمن): not suggested', texts: [doc('a', 'انتشرت قوات الأمن في الشوارع.')], names: [] },
    { description: 'a sentence break between trigger and word: not suggested', texts: [doc('a', 'وصلوا إلى المدينة. قرية صغيرة')], names: [] },
    { description: 'a Latin word: not suggested', texts: [doc('a', 'قوات SDF تتقدم')], names: [] },
    { description: 'no trigger, no suggestion', texts: [doc('a', 'قال الصالحية إن الوضع هادئ.')], names: [] },
    { description: 'a group trigger (كتائب X)', texts: [doc('a', 'أعلنت كتائب النصر مسؤوليتها.')], names: ['النصر'] },
  ];
  test.each(rows)('$description', ({ texts, names }) => {
    expect(suggestNames(texts, { known, dismissed: none }).map((s) => s.name)).toEqual(names);
  });
});

describe('suggestNames: counts, kinds, sentences, dismissal', () => {
  const texts = [
    doc('a', 'دخلت القوات مدينة الصالحية أمس. ثم غادرت مدينة الصالحية مساء.'),
    doc('b', 'وفي قرية الصالحية سقط قتيلان. وأعلنت كتائب النصر ذلك.'),
  ];

  test('counted per occurrence and per article, most frequent first, the kind its trigger says most', () => {
    const found = suggestNames(texts, { known, dismissed: none });
    expect(found.map((s) => [s.name, s.count, s.articles, s.kind])).toEqual([
      ['الصالحية', 3, 2, 'city'],
      ['النصر', 1, 1, 'militia'],
    ]);
  });

  test('one sentence per article, the sentence the word stands in', () => {
    const [first] = suggestNames(texts, { known, dismissed: none });
    expect(first!.sentences).toEqual([
      { articleId: 'a', text: 'دخلت القوات مدينة الصالحية أمس.' },
      { articleId: 'b', text: 'وفي قرية الصالحية سقط قتيلان.' },
    ]);
  });

  test('a dismissed word is not suggested again (compared normalised)', () => {
    const found = suggestNames(texts, { known, dismissed: new Set([normaliseKey('الصالحيّة')]) });
    expect(found.map((s) => s.name)).toEqual(['النصر']);
  });

  test('a long sentence is cut around the word', () => {
    const long = `${'كلام '.repeat(100)}مدينة الصالحية ${'كلام '.repeat(100)}`;
    const s = sentenceAround(long, long.indexOf('مدينة'), long.indexOf('الصالحية') + 8);
    expect(s.length).toBeLessThanOrEqual(240);
    expect(s).toContain('مدينة الصالحية');
  });
});
