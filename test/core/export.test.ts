import { describe, expect, it } from 'vitest';
import { ANNO_CONTEXT, annotationFileName, buildAnnotations, codePointOffsets, QUOTE_CONTEXT } from '../../core/export/annotations.ts';
import { placesGeoJson } from '../../core/export/geojson.ts';
import type { Entity } from '../../core/types.ts';
import { annotationProblems, collectionProblems, geoJsonProblems, reanchorProblem } from './export-validators.ts';

const entity = (e: Partial<Entity> & Pick<Entity, 'id' | 'kind' | 'name'>): Entity => ({
  nameEn: e.id, aliases: [], weakAliases: [], translit: [], description: '', ...e,
});

const ENTITIES = new Map<string, Entity>(
  [
    entity({ id: 'place:albukamal', kind: 'city', name: 'البوكمال', nameEn: 'Albukamal', aliases: ['أبو كمال'], coords: [34.4534, 40.9188], parent: 'place:deir-ez-zor-governorate', country: 'SY' }),
    entity({ id: 'place:alqaim', kind: 'town', name: 'القائم', nameEn: 'Al-Qaim', weakAliases: ['القائم'], coords: [34.3686, 41.0944], country: 'IQ' }),
    entity({ id: 'place:hajin', kind: 'town', name: 'هجين', nameEn: 'Hajin' }),
    entity({ id: 'group:isis', kind: 'organisation', name: 'داعش', nameEn: 'ISIS' }),
  ].map((e) => [e.id, e]),
);

const TEXT = 'تقدم الجيش نحو البوكمال 🇸🇾 بعد معارك مع داعش قرب القائم، ثم دخل البوكمال.';
const mention = (word: string, entityId: string, from = 0) => {
  const start = TEXT.indexOf(word, from);
  return { start, end: start + word.length, entityId };
};
const MENTIONS = [
  mention('القائم', 'place:alqaim'),
  mention('البوكمال', 'place:albukamal'),
  mention('داعش', 'group:isis'),
  mention('البوكمال', 'place:albukamal', TEXT.indexOf('دخل')),
];

const build = (extra: Partial<Parameters<typeof buildAnnotations>[0]> = {}) =>
  buildAnnotations({ source: 'https://news.example/article', label: 'خبر', text: TEXT, mentions: MENTIONS, entities: ENTITIES, created: '2026-12-03T05:00:00.000Z', ...extra });

describe('buildAnnotations (W3C Web Annotations)', () => {
  it('makes a collection the W3C model accepts, an annotation per mention in text order', () => {
    const c = build();
    expect(collectionProblems(c)).toEqual([]);
    expect(c['@context'][0]).toBe(ANNO_CONTEXT);
    expect(c.total).toBe(4);
    expect(c.first.items.map((a) => a.body.entityId)).toEqual(['place:albukamal', 'group:isis', 'place:alqaim', 'place:albukamal']);
    expect(new Set(c.first.items.map((a) => a.id)).size).toBe(4);
    for (const a of c.first.items) {
      expect(a.type).toBe('Annotation');
      expect(a.motivation).toBe('identifying');
      expect(a.target.source).toBe('https://news.example/article');
    }
  });

  it('gives the entity as the body: its id as an IRI, its names and kind', () => {
    const body = build().first.items[0]!.body;
    expect(body).toEqual({
      id: 'urn:khabar-lens:entity:place:albukamal',
      entityId: 'place:albukamal',
      name: 'البوكمال',
      nameEn: 'Albukamal',
      names: ['البوكمال', 'أبو كمال'],
      kind: 'city',
      category: 'place',
    });
  });

  it('counts positions in code points: a mention after an emoji flag (4 UTF-16 units, 2 code points) re-anchors', () => {
    const c = build();
    const isis = c.first.items.find((a) => a.body.entityId === 'group:isis')!;
    const utf16 = TEXT.indexOf('داعش');
    expect(isis.target.selector[1].start).toBe(utf16 - 2);
    for (const a of c.first.items) expect(reanchorProblem(TEXT, a)).toBeNull();
  });

  it('quotes up to QUOTE_CONTEXT code points either side, fewer at the ends of the text', () => {
    const [first] = build().first.items;
    const q = first!.target.selector[0];
    expect(q.exact).toBe('البوكمال');
    expect(q.prefix).toBe('تقدم الجيش نحو ');
    expect(Array.from(q.suffix)).toHaveLength(QUOTE_CONTEXT);
    const last = build().first.items.at(-1)!.target.selector[0];
    expect(last.suffix).toBe('.');
  });

  it('leaves out mentions of unknown entities and spans outside the text', () => {
    const c = build({ mentions: [...MENTIONS, { start: 0, end: 4, entityId: 'place:nowhere' }, { start: TEXT.length - 1, end: TEXT.length + 5, entityId: 'group:isis' }, { start: 5, end: 5, entityId: 'group:isis' }] });
    expect(c.total).toBe(4);
  });

  it('the validator fails documents that miss what the model requires (it can fail)', () => {
    const good = build().first.items[0]!;
    const broken = (f: (a: Record<string, unknown>) => void) => {
      const a = structuredClone(good) as unknown as Record<string, unknown>;
      f(a);
      return annotationProblems(a);
    };
    expect(broken((a) => delete a['@context'])).not.toEqual([]);
    expect(broken((a) => delete a['id'])).not.toEqual([]);
    expect(broken((a) => (a['type'] = 'Note'))).not.toEqual([]);
    expect(broken((a) => delete a['target'])).not.toEqual([]);
    expect(broken((a) => delete (a['target'] as { selector: Record<string, unknown>[] }).selector[0]!['exact'])).not.toEqual([]);
    expect(broken((a) => ((a['target'] as { selector: Record<string, unknown>[] }).selector[1]!['start'] = -1))).not.toEqual([]);
    expect(reanchorProblem(TEXT.replace('نحو', 'إلى'), good)).not.toBeNull();
  });

  it('codePointOffsets counts a surrogate pair once', () => {
    expect([...codePointOffsets('a😀b')]).toEqual([0, 1, 1, 2, 3]);
  });

  it('names the file by host or article and date, nothing unsafe in it', () => {
    expect(annotationFileName('www.aljazeera.net', '2026-12-03T05:00:00.000Z')).toBe('khabar-lens-www.aljazeera.net-2026-12-03.jsonld');
    expect(annotationFileName('../../x y', '2026-12-03T05:00:00.000Z')).toBe('khabar-lens-..-..-x-y-2026-12-03.jsonld');
  });
});

describe('placesGeoJson (RFC 7946)', () => {
  it('is a FeatureCollection of Points at [lon, lat], one per place with coordinates', () => {
    const g = placesGeoJson([...ENTITIES.values()]);
    expect(geoJsonProblems(g)).toEqual([]);
    expect(g.features.map((f) => f.id)).toEqual(['place:albukamal', 'place:alqaim']);
    const f = g.features[0]!;
    expect(f.geometry.coordinates).toEqual([40.9188, 34.4534]);
    expect(f.properties).toEqual({ id: 'place:albukamal', name: 'البوكمال', nameEn: 'Albukamal', kind: 'city', parent: 'place:deir-ez-zor-governorate', country: 'SY' });
    expect(g.features[1]!.properties.parent).toBeNull();
  });

  it('the validator fails swapped or missing coordinates (it can fail)', () => {
    expect(geoJsonProblems({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [34, 200] } }] })).not.toEqual([]);
    expect(geoJsonProblems({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [40, 34] } }] })).not.toEqual([]);
    expect(geoJsonProblems({ type: 'Feature' })).not.toEqual([]);
  });
});
