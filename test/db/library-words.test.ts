/**
 * The library's word index: which forms a word is found under (a table of examples), that
 * addToLibrary writes it with the texts, that a query reads the index and not the texts, and that
 * a library stored before the index existed (schema 3) is indexed when the database upgrades.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { libraryDocument } from '../../core/library/document.ts';
import {
  batchHits,
  COMPACT_AT,
  encodeBucket,
  encodeWhole,
  mergeBuckets,
  placesIn,
  queryForms,
  splitWhole,
  textForms,
  WHOLE_BATCH,
  WHOLE_UNDER,
  wordBatch,
  wordBucket,
  wordForms,
} from '../../core/library/word-index.ts';
import { loadMatcher } from '../../core/match/automaton.ts';
import { LensDatabase, SCHEMA } from '../../db/database.ts';
import { addToLibrary, removeFromLibrary } from '../../db/library.ts';
import { articlesWithWords, indexTexts } from '../../db/library-words.ts';
import { importBundle } from '../../db/import.ts';
import { matcherPayload } from '../../db/queries.ts';
import { fixtureBundle, freshName } from './fixture.ts';

describe('the forms a word is indexed under', () => {
  it.each<[string, string, string[]]>([
    ['a bare word is itself', 'دمشق', ['دمشق']],
    ['wa- comes off', 'ودمشق', ['ودمشق', 'دمشق']],
    ['wa- + al-: with and without the article', 'والرقه', ['والرقه', 'رقه', 'الرقه']],
    ['li- + al- drops the alef: the article comes back', 'للقائم', ['للقائم', 'قائم', 'لقائم', 'القائم', 'اللقائم']],
    ['a word starting with a clitic letter keeps its own form', 'بلده', ['بلده', 'لده']],
    ['no core shorter than two letters', 'وب', ['وب']],
  ])('%s: %s', (_why, word, forms) => {
    expect(wordForms(word).sort()).toEqual([...forms].sort());
  });

  it('a query word, however the reader writes it, meets the text\'s word', () => {
    const text = textForms('وصلت القوات إلى والرَّقة، وبالبوكمال صباحاً');
    for (const q of ['الرقة', 'الرقه', 'رقة', 'والرقة', 'البوكمال', 'بوكمال', 'القوات']) {
      expect(queryForms(q).every((f) => text.has(f)), q).toBe(true);
    }
    expect(queryForms('الموصل').every((f) => text.has(f))).toBe(false);
  });

  it('a batch lists its articles\' places under each form', () => {
    const batch = wordBatch([{ id: 'a', text: 'الرقة' }, { id: 'b', text: 'الموصل' }, { id: 'c', text: 'الرقة والموصل' }]);
    const stored = new Map([...batch.buckets].map(([b, words]) => [b, encodeBucket(words)]));
    const placesOf = (form: string) => placesIn(stored.get(wordBucket(form)), form);
    expect(batchHits(['الرقه'], batch.ids, placesOf)).toEqual(['a', 'c']);
    expect(batchHits(['الرقه', 'الموصل'], batch.ids, placesOf)).toEqual(['c']);
    expect(batchHits(['constructor'], batch.ids, placesOf)).toEqual([]);
    // A form that is the end of another is not it ("رقه" in "الرقه").
    expect(placesIn('\nالرقه\t5', 'رقه')).toEqual([]);
    expect(placesIn('\nالرقه\t5,a,1b', 'الرقه')).toEqual([5, 10, 47]);
  });

  it('a small batch in one row splits back into the buckets a large one has', () => {
    const batch = wordBatch([{ id: 'a', text: 'الرقة والموصل' }, { id: 'b', text: 'الموصل ودير الزور' }]);
    const bucketed = new Map([...batch.buckets].map(([b, words]) => [b, encodeBucket(words)]));
    const split = splitWhole(encodeWhole(batch.buckets));
    expect([...split.keys()].sort((x, y) => x - y)).toEqual([...bucketed.keys()].sort((x, y) => x - y));
    for (const [b, encoded] of bucketed) expect(split.get(b)!.split('\n').sort()).toEqual(encoded.split('\n').sort());
  });

  it('merged batches keep every place, shifted by where each batch starts', () => {
    const merged = mergeBuckets([
      { encoded: '\nرقه\t0,2\nموصل\t1', offset: 0 },
      { encoded: undefined, offset: 3 },
      { encoded: '\nرقه\t1', offset: 5 },
    ]);
    expect(placesIn(merged, 'رقه')).toEqual([0, 2, 6]);
    expect(placesIn(merged, 'موصل')).toEqual([1]);
  });
});

const dbs: LensDatabase[] = [];
const open = (name: string, schema = SCHEMA) => {
  const db = new LensDatabase(name, { schema });
  dbs.push(db);
  return db;
};
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

const article = (i: number, text: string) => ({
  title: `خبر ${i}`, outlet: 'نشرة', url: `https://example.com/${i}`, date: '2024-01-02', dateEstimated: false, language: 'ar', text, origin: 'imported' as const,
});

describe('the index in the database', () => {
  it('addToLibrary writes it; a query reads it and no text', async () => {
    const db = open(freshName());
    await importBundle(db, fixtureBundle(), { extensionVersion: 't' });
    const matcher = loadMatcher((await matcherPayload(db))!.matcher);
    const docs = Array.from({ length: 120 }, (_, i) => libraryDocument(article(i, i % 40 === 5 ? `خبر ${i}: دخلت القوات إلى الميادين وبالبوكمال.` : `خبر ${i}: نص آخر عن الاقتصاد.`), matcher));
    await addToLibrary(db, docs, { origin: 'imported', now: 1 });
    const ids = (await db.library.toArray()).filter((r) => r.headline.endsWith(' 5') || r.headline.endsWith(' 45') || r.headline.endsWith(' 85')).map((r) => r.id).sort();
    await db.libraryTexts.clear(); // what is found comes from the index alone
    expect([...(await articlesWithWords(db, 'البوكمال الميادين'))].sort()).toEqual(ids);
    expect((await articlesWithWords(db, 'البوكمال الموصل')).size).toBe(0);
    // Removed articles stay in their batch; the list shows only what the library holds.
    await removeFromLibrary(db, [ids[0]!]);
    expect(await db.library.get(ids[0]!)).toBeUndefined();
  });

  it('small batches are merged (a query reads fewer rows), and every article is still found', async () => {
    const db = open(freshName());
    const calls = COMPACT_AT * 2 + 3;
    for (let c = 0; c < calls; c++) {
      const texts = Array.from({ length: 3 }, (_, i) => ({ id: `own-${c}-${i}`, text: i === 1 ? `وصلت القوات إلى الموصل ${c}` : 'نص آخر عن الاقتصاد', mentions: '[]' }));
      await db.transaction('rw', db.libraryTexts, db.libraryWords, async () => {
        await db.libraryTexts.bulkPut(texts);
        await indexTexts(db, texts);
      });
    }
    const batches = await db.libraryWords.where('bucket').equals(-1).count();
    expect(batches).toBeLessThan(COMPACT_AT);
    const hits = [...(await articlesWithWords(db, 'الموصل'))].sort();
    expect(hits).toEqual(Array.from({ length: calls }, (_, c) => `own-${c}-1`).sort());
    expect([...(await articlesWithWords(db, 'الموصل 17'))]).toEqual(['own-17-1']);
  });

  it('a saved page is one row of words (one put, not one per bucket); merged with bucketed batches, all still found', async () => {
    const db = open(freshName());
    const save = async (texts: { id: string; text: string; mentions: string }[]) =>
      db.transaction('rw', db.libraryTexts, db.libraryWords, async () => {
        await db.libraryTexts.bulkPut(texts);
        await indexTexts(db, texts);
      });
    await save([{ id: 'saved-0', text: 'وصلت القوات إلى الموصل صباحاً، ثم إلى البوكمال', mentions: '[]' }]);
    expect(await db.libraryWords.count()).toBe(2); // its ids and its words
    expect(await db.libraryWords.where('bucket').equals(WHOLE_BATCH).count()).toBe(1);
    expect([...(await articlesWithWords(db, 'الموصل البوكمال'))]).toEqual(['saved-0']);
    // An import's batch (bucketed), then saved pages until the small batches merge.
    await save(Array.from({ length: WHOLE_UNDER }, (_, i) => ({ id: `imp-${i}`, text: i === 2 ? 'معارك في الموصل' : 'نص آخر', mentions: '[]' })));
    for (let c = 1; c < COMPACT_AT - 1; c++) await save([{ id: `saved-${c}`, text: c % 5 === 0 ? `خبر عن الموصل ${c}` : 'خبر آخر', mentions: '[]' }]);
    expect(await db.libraryWords.where('bucket').equals(WHOLE_BATCH).count()).toBe(0);
    expect(await db.libraryWords.where('bucket').equals(-1).count()).toBe(1);
    expect([...(await articlesWithWords(db, 'الموصل'))].sort()).toEqual(['imp-2', 'saved-0', 'saved-10', 'saved-5']);
    expect([...(await articlesWithWords(db, 'البوكمال'))]).toEqual(['saved-0']);
  });

  it('a library of schema 3 is indexed when the database upgrades', async () => {
    const name = freshName();
    const old = open(name, SCHEMA.filter((s) => s.version <= 3));
    await old.table('libraryTexts').bulkPut(
      Array.from({ length: 130 }, (_, i) => ({ id: `own-${i}`, text: i % 60 === 1 ? 'وصلت القوات إلى الموصِل صباحاً' : 'نص آخر', mentions: '[]' })),
    );
    expect(old.verno).toBe(3);
    old.close();
    const db = open(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA.at(-1)!.version);
    expect([...(await articlesWithWords(db, 'موصل'))].sort()).toEqual(['own-1', 'own-121', 'own-61']);
  });
});
