/**
 * The scorer counts what a reader sees: a highlight is right only on a gold span of the same
 * entity; a card for another entity, or on an ordinary word, is a false positive; a gold mention
 * no highlight of its entity touches is a miss.
 */
import { describe, expect, test } from 'vitest';
import { isListedSurface, scoreSet, type Detected, type EntityInfo } from '../../eval/score.ts';
import type { EvalItem } from '../../eval/types.ts';

const ENTITIES = new Map<string, EntityInfo>([
  ['place:albukamal', { category: 'place', names: ['البوكمال', 'البو كمال'] }],
  ['place:al-qaim', { category: 'place', names: ['القائم', 'قضاء القائم'] }],
  ['place:washington', { category: 'place', names: ['واشنطن'] }],
  ['group:sdf', { category: 'group', names: ['قوات سوريا الديمقراطية', 'قسد'] }],
  ['outlet:reuters', { category: 'outlet', names: ['رويترز'] }],
]);

function item(text: string, kind: EvalItem['kind'], gold: [string, string][], not: [string, string][] = []): EvalItem {
  const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  return {
    id: `t-${text.length}`, set: 't', split: 'dev', url: 'https://example.com/p', outlet: 'o', kind, text,
    gold: gold.map(([s, entity]) => ({ ...span(s), entity })),
    not: not.map(([s, sense]) => ({ ...span(s), surface: s, sense })),
  };
}

/** A stand-in detector: highlights the given surfaces as the given entities. */
const detector = (hits: Record<string, [string, string][]>) => (text: string): Detected[] =>
  (hits[text] ?? []).map(([s, entityId]) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, entityId, confidence: 1 }));

describe('scoreSet', () => {
  test('right entity on a gold span is correct; the same span as another entity is a false positive and a miss', () => {
    const a = item('وصل الجيش إلى البوكمال', 'sentence', [['البوكمال', 'place:albukamal']]);
    const b = item('قال قسد إنها تقدمت', 'sentence', [['قسد', 'group:sdf']]);
    const s = scoreSet('t', 'dev', [a, b], detector({ [a.text]: [['البوكمال', 'place:albukamal']], [b.text]: [['قسد', 'place:al-qaim']] }), ENTITIES);
    expect(s.placeGroup).toMatchObject({ tp: 1, fp: 1, found: 1, gold: 2, precision: 0.5, recall: 0.5 });
    expect(s.falsePositives).toEqual([expect.objectContaining({ surface: 'قسد', entity: 'place:al-qaim', goldEntity: 'group:sdf' })]);
    expect(s.misses).toEqual([expect.objectContaining({ surface: 'قسد', entity: 'group:sdf' })]);
  });

  test('a highlight on a labelled other sense is a false positive that names the sense; per 30 headlines counts headlines only', () => {
    const h = item('ارتدت الكرة من القائم الأيمن', 'headline', [], [['القائم', 'goalpost']]);
    const s1 = item('سدد اللاعب فارتطمت الكرة بالقائم', 'sentence', []);
    const s = scoreSet('t', 'dev', [h, s1], detector({ [h.text]: [['القائم', 'place:al-qaim']], [s1.text]: [['القائم', 'place:al-qaim']] }), ENTITIES);
    expect(s.placeGroup).toMatchObject({ tp: 0, fp: 2, gold: 0, precision: 0, recall: null });
    expect(s.falsePositives[0]).toMatchObject({ notSense: 'goalpost', kind: 'headline' });
    expect(s.falsePer30Headlines).toBe(30);
    expect(s.falsePer30Items).toBe(30);
  });

  test('people and outlets are scored apart and never count as place/group false positives', () => {
    const a = item('قالت رويترز إن', 'sentence', [['رويترز', 'outlet:reuters']]);
    const s = scoreSet('t', 'dev', [a], detector({ [a.text]: [['رويترز', 'outlet:reuters']] }), ENTITIES);
    expect(s.placeGroup).toMatchObject({ tp: 0, fp: 0, gold: 0 });
    expect(s.other).toMatchObject({ tp: 1, found: 1, gold: 1 });
    const b = item('قالت الرقة بلطف', 'sentence', [], [['الرقة', 'tenderness']]);
    const wrong = scoreSet('t', 'dev', [b], detector({ [b.text]: [['الرقة', 'outlet:reuters']] }), ENTITIES);
    expect(wrong.placeGroup.fp).toBe(0);
    expect(wrong.otherFalsePositives).toEqual([expect.objectContaining({ entity: 'outlet:reuters', notSense: 'tenderness' })]);
  });

  test('recall on listed names leaves out the variants outlets write that the gazetteer does not list', () => {
    const a = item('قوات سورية الديموقراطية في البو كمال', 'sentence', [['قوات سورية الديموقراطية', 'group:sdf'], ['البو كمال', 'place:albukamal']]);
    const s = scoreSet('t', 'dev', [a], detector({ [a.text]: [['البو كمال', 'place:albukamal']] }), ENTITIES);
    expect(s.placeGroup).toMatchObject({ found: 1, gold: 2, listedFound: 1, listedGold: 1, recallListed: 1 });
    expect(s.misses).toEqual([expect.objectContaining({ entity: 'group:sdf', unlisted: true })]);
  });
});

describe('isListedSurface', () => {
  test.each([
    ['البوكمال', ['البوكمال'], true],
    ['البُوكَمَال', ['البوكمال'], true],
    ['للأنبار', ['الأنبار'], true],
    ['ألدولة الإسلامية', ['الدولة الإسلامية'], true],
    ['قوات النظام', ['الجيش السوري'], false],
  ])('%s in %j → %s', (surface, names, listed) => {
    expect(isListedSurface(surface, names)).toBe(listed);
  });
});
