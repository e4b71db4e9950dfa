/**
 * What the coverage says about outlets counts the sources each one published (an outlet seldom
 * names itself in its own text: Alwaght's article never says الوقت), and nothing the card or the
 * lists show a reader is the curator's working text (article ids, 'corpus', المدونة).
 */
import { describe, expect, it } from 'vitest';
import { publisherOf } from '../../core/corpus/coverage.ts';
import type { Entity } from '../../core/types.ts';
import { corpusBundle } from '../ui/helpers.ts';

const outlet = (id: string, name: string, nameEn: string, more: Partial<Entity> = {}): Entity => ({
  id, kind: 'outlet', name, nameEn, aliases: [], weakAliases: [], translit: [], description: '', ...more,
});
const OUTLETS = [
  outlet('outlet:alwaght', 'موقع الوقت', 'Alwaght', { weakAliases: ['الوقت'], translit: ['Al-Waght'] }),
  outlet('outlet:reuters', 'رويترز', 'Reuters'),
];

describe('publisherOf', () => {
  it.each([
    // outlet, outletEn, publisher: an example of each way an article names its outlet
    ['الوقت', 'Alwaght', 'outlet:alwaght'], // a weak alias (الوقت is also 'time')
    ['موقع الوقت', '', 'outlet:alwaght'], // the name itself
    ['وكالة', 'al-waght', 'outlet:alwaght'], // the English name, any case
    ['رويترز', 'Reuters', 'outlet:reuters'],
    ['عباس الزين (وسيلة النشر غير معروفة)', 'Abbas al-Zein (outlet unknown)', undefined], // no outlet
  ] as const)('%s / %s → %s', (name, nameEn, expected) => {
    expect(publisherOf({ outlet: name, outletEn: nameEn }, OUTLETS)).toBe(expected);
  });
});

describe('the bundled coverage', () => {
  const bundle = corpusBundle();
  const coverageOf = (id: string) => bundle.coverage.find((c) => c.entityId === id);

  it('counts Alwaght’s own article for Alwaght', () => {
    const alwaght = bundle.articles.find((a) => a.outletEn === 'Alwaght')!;
    const cov = coverageOf('outlet:alwaght');
    expect(cov?.articles.find((a) => a.articleId === alwaght.id)?.published).toBe(true);
  });

  it('marks every article published by a known outlet, and only those', () => {
    const published = bundle.coverage.flatMap((c) => c.articles.filter((a) => a.published).map((a) => [c.entityId, a.articleId]));
    expect(published.map(([, a]) => a).sort()).toEqual(['000', '002', '003', '004']);
    expect(published.every(([e]) => e!.startsWith('outlet:'))).toBe(true);
  });

  it('shows readers no curator’s working text: no article ids, corpus or المدونة', () => {
    const shown = [
      ...bundle.entities.flatMap((e) => [e.description, e.descriptionEn ?? '']),
      ...bundle.articles.flatMap((a) => [a.outlet, a.outletEn ?? '', a.byline ?? '']),
    ];
    expect(shown.filter((s) => /\b(article|report) 00\d|\b00\d\b|corpus|المدونة|outlet not named/i.test(s))).toEqual([]);
  });
});
