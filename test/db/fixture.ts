/**
 * A small hand-made corpus built into a real Bundle with core's builder, so the database tests do
 * not depend on the corpus being edited elsewhere, and `manyEntities` for batching and progress.
 */
import { buildBundle } from '../../core/corpus/build.ts';
import type { Bundle, Entity } from '../../core/types.ts';

const ENTITIES: Entity[] = [
  {
    id: 'place:syria', kind: 'country', name: 'سوريا', nameEn: 'Syria', aliases: ['سورية'], weakAliases: [],
    translit: ['Syria'], country: 'SY', description: 'دولة في المشرق العربي.',
  },
  {
    id: 'place:albukamal', kind: 'city', name: 'البوكمال', nameEn: 'Albu Kamal', aliases: ['أبو كمال'], weakAliases: [],
    translit: ['Bukamal', 'Abu Kamal'], parent: 'place:syria', country: 'SY', description: 'مدينة على الفرات.',
  },
  {
    id: 'place:alqaim', kind: 'town', name: 'القائم', nameEn: 'Al-Qaim', aliases: [], weakAliases: [],
    translit: ['Qaim'], country: 'IQ', description: 'بلدة عراقية على الحدود.',
  },
  {
    id: 'group:syrian-army', kind: 'army', name: 'الجيش السوري', nameEn: 'Syrian Army', aliases: [], weakAliases: [],
    translit: ['SAA'], description: 'الجيش النظامي السوري.',
  },
];

const ARTICLES = [
  {
    meta: {
      id: 'a1', file: 'articles/a1.txt', outlet: 'الوطن', outletEn: 'Al-Watan', headline: 'تقدم نحو البوكمال',
      date: '2017-10-26', dateEstimated: false, dateNote: 'Given in the text.', language: 'ar',
    },
    text: 'يتقدم الجيش السوري نحو البوكمال في شرق سوريا. وتقع البوكمال قبالة القائم.',
  },
  {
    meta: {
      id: 'a2', file: 'articles/a2.txt', outlet: 'الحياة', outletEn: 'Al-Hayat', headline: 'معارك قرب القائم',
      date: '2017-11-03', dateEstimated: false, dateNote: 'Given in the text.', language: 'ar',
    },
    text: 'اشتدت المعارك قرب القائم. وقال مصدر إن الجيش السوري دخل البوكمال.',
  },
];

export function fixtureBundle(entities: Entity[] = ENTITIES): Bundle {
  return buildBundle({
    gazetteer: [{ path: 'corpus/gazetteer/test.jsonl', text: entities.map((e) => JSON.stringify(e)).join('\n') }],
    articles: { path: 'corpus/articles.jsonl', text: ARTICLES.map((a) => JSON.stringify(a.meta)).join('\n') },
    ignore: { path: 'corpus/ignore.txt', text: '' },
    texts: new Map(ARTICLES.map((a) => [a.meta.file, { path: `corpus/${a.meta.file}`, text: a.text }])),
  });
}

/** The fixture plus `n` extra villages, for imports of many batches. */
export function bigBundle(n: number): Bundle {
  const extra: Entity[] = [];
  for (let i = 0; i < n; i++) {
    extra.push({
      id: `place:village-${i}`, kind: 'village', name: `قرية${'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'[i % 28]}${i}`,
      nameEn: `Village ${i}`, aliases: [], weakAliases: [], translit: [], description: 'قرية.',
    });
  }
  return fixtureBundle([...ENTITIES, ...extra]);
}

let counter = 0;
/** A database name no other test uses. */
export function freshName(): string {
  return `test-${process.pid}-${++counter}-${Math.random().toString(36).slice(2)}`;
}

/** Entities and articles stored (a row holds a few of them: db/database.ts). */
export async function storedCounts(db: import('../../db/database.ts').LensDatabase): Promise<{ entities: number; articles: number }> {
  const items = async (table: typeof db.entities | typeof db.articles) => {
    let n = 0;
    await table.each((c: { items: unknown[] }) => void (n += c.items.length));
    return n;
  };
  return { entities: await items(db.entities), articles: await items(db.articles) };
}
