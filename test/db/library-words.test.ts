/**
 * The library's word index: which forms a word is found under (a table of examples), that
 * addToLibrary writes it with the texts, that a query reads the index and not the texts, and that
 * a library stored before the index existed (schema 3) is indexed when the database upgrades;
 * that removals, undo, saving again and a backup's restore keep it exact (a table of sequences),
 * and that schema 5 repairs what schema 4's removals left in it.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { libraryDocument } from '../../core/library/document.ts';
import {
  batchHits,
  COMPACT_AT,
  dropPlaces,
  encodeBucket,
  encodeWhole,
  mergeBuckets,
  placeMoves,
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
import { loadMatcher, type Matcher } from '../../core/match/automaton.ts';
import { closeDatabase, LensDatabase, SCHEMA } from '../../db/database.ts';
import { addToLibrary, removeFromLibrary, restoreToLibrary, type StoredArticle } from '../../db/library.ts';
import { articlesWithWords, indexTexts, wordRows } from '../../db/library-words.ts';
import { importBundle } from '../../db/import.ts';
import { matcherPayload } from '../../db/queries.ts';
import { backupFile, restoreBackup } from '../../lib/backup.ts';
import { openBundleDatabase, storedMatcher } from './bundle-db.ts';
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

  it('merged batches keep every live place, shifted by where each batch starts; an emptied place is left out', () => {
    expect(placeMoves(['a', null, 'b'], 4)).toEqual([4, -1, 5]);
    const merged = mergeBuckets([
      { encoded: '\nرقه\t0,2\nموصل\t1', moves: placeMoves(['a', 'b', 'c'], 0) },
      { encoded: undefined, moves: placeMoves(['d', 'e'], 3) },
      { encoded: '\nرقه\t1\nمطار\t0', moves: placeMoves([null, 'f'], 5) },
    ]);
    expect(placesIn(merged, 'رقه')).toEqual([0, 2, 5]);
    expect(placesIn(merged, 'موصل')).toEqual([1]);
    expect(merged).not.toContain('مطار'); // only the emptied place had it
  });

  it.each<[string, string, number[], string]>([
    ['a removed place leaves every form', '\nرقه\t0,2\nموصل\t2,3', [2], '\nرقه\t0\nموصل\t3'],
    ['a form only it had goes', '\nرقه\t0\nمطار\t1', [1], '\nرقه\t0'],
    ['a row of its forms alone is left empty', '\nمطار\t1', [1], ''],
    ['a row without it is unchanged', '\nرقه\t0,a', [3], '\nرقه\t0,a'],
  ])('dropPlaces: %s', (_why, encoded, gone, left) => {
    expect(dropPlaces(encoded, new Set(gone))).toBe(left);
  });

  it('a batch\'s emptied place is no hit, whatever its forms', () => {
    const placesOf = () => [0, 1];
    expect(batchHits(['رقه'], [null, 'b'], placesOf)).toEqual(['b']);
  });
});

const dbs: LensDatabase[] = [];
const open = (name: string, schema = SCHEMA) => {
  const db = new LensDatabase(name, { schema });
  dbs.push(db);
  return db;
};
const names: string[] = [];
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const name of names.splice(0)) closeDatabase(name);
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
    await removeFromLibrary(db, [ids[0]!]);
    expect(await db.library.get(ids[0]!)).toBeUndefined();
    expect([...(await articlesWithWords(db, 'البوكمال الميادين'))].sort()).toEqual(ids.slice(1));
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

describe('schema 5 repairs an index that schema 4 left holding removed texts', () => {
  const OLD = 'قصفت الطائرات مطار البوكمال فجراً';
  const NEW = 'افتتحت الأسواق في البوكمال من جديد';
  /** A schema-4 database: `texts` stored, and the index rows schema 4's writes left for `indexed`. */
  async function schema4(texts: Record<string, string>, indexed: [string, string][][]): Promise<string> {
    const name = freshName();
    const old = open(name, SCHEMA.filter((s) => s.version <= 4));
    await old.table('libraryTexts').bulkPut(Object.entries(texts).map(([id, text]) => ({ id, text, mentions: '[]' })));
    for (const batch of indexed) await old.table('libraryWords').bulkPut(wordRows(batch.map(([id, text]) => ({ id, text }))));
    old.close();
    return name;
  }

  it.each<[string, Record<string, string>, [string, string][][], Record<string, string[]>]>([
    ['an article removed and saved again with a new text', { a: NEW }, [[['a', OLD]], [['a', NEW]]], { مطار: [], الأسواق: ['a'] }],
    ['an article removed', { b: NEW }, [[['a', OLD], ['b', NEW]]], { مطار: [], الأسواق: ['b'] }],
    ['a text that no batch indexed', { a: OLD, b: NEW }, [[['a', OLD]]], { مطار: ['a'], الأسواق: ['b'] }],
  ])('%s', async (_what, texts, indexed, expected) => {
    const db = open(await schema4(texts, indexed));
    await db.open();
    expect(db.verno).toBe(5);
    const stored = (await db.libraryWords.toArray()).map((r) => r.words ?? '').join('');
    for (const [query, ids] of Object.entries(expected)) {
      expect([...(await articlesWithWords(db, query))].sort(), query).toEqual(ids);
      if (ids.length === 0) expect(stored).not.toContain(`\n${queryForms(query)[0]}\t`);
    }
  });

  it('an exact index is left as it was', async () => {
    const name = await schema4({ a: OLD, b: NEW }, [[['a', OLD]], [['b', NEW]]]);
    const before = open(name, SCHEMA.filter((s) => s.version <= 4));
    const rows = await before.table('libraryWords').toArray();
    before.close();
    const db = open(name);
    expect(await db.libraryWords.toArray()).toEqual(rows);
  });
});

/**
 * The index follows the library: after each sequence of the reader's writes, a word finds exactly
 * the stored articles whose text holds it (by their URL here), and a word that only removed or
 * replaced texts held is no longer stored at all.
 */
describe('the index stays exact as the library changes', () => {
  const A = 'https://news.example/a';
  const OLD = 'قصفت الطائرات مطار البوكمال فجراً'; // «مطار»: only the old text
  const NEW = 'افتتحت الأسواق في البوكمال من جديد'; // «الأسواق»: only the new one

  interface Run {
    db: LensDatabase;
    matcher: Matcher;
    undo: StoredArticle[];
    backup?: string;
    n: number;
  }
  type Step = (r: Run) => Promise<unknown>;
  const input = (text: string, url: string, origin: 'saved' | 'imported') => ({
    title: text.slice(0, 20), outlet: 'نشرة', url, date: '2024-01-02', dateEstimated: false, language: 'ar', text, origin,
  });
  const save = (text: string, url = A): Step => (r) => addToLibrary(r.db, [libraryDocument(input(text, url, 'saved'), r.matcher)], { origin: 'saved' });
  /** One import call of WHOLE_UNDER + 2 articles (a bucketed batch), the first `text` at A, the others about الرقة. */
  const importWith = (text: string): Step => (r) =>
    addToLibrary(
      r.db,
      Array.from({ length: WHOLE_UNDER + 2 }, (_, i) =>
        libraryDocument(i === 0 ? input(text, A, 'imported') : input(`تقرير رقم ${i} عن الرقة`, `https://news.example/import-${i}`, 'imported'), r.matcher),
      ),
      { origin: 'imported' },
    );
  /** Saves of other pages until the small batches merge (COMPACT_AT of them). */
  const savesUntilMerged: Step = async (r) => {
    for (let i = 0; i < COMPACT_AT; i++) await save(`خبر آخر رقم ${r.n++} عن الرقة`, `https://news.example/other-${r.n}`)(r);
  };
  const remove = (url = A): Step => async (r) => {
    const ids = (await r.db.library.where('url').equals(url).toArray()).map((row) => row.id);
    r.undo = await removeFromLibrary(r.db, ids);
  };
  const undo: Step = (r) => restoreToLibrary(r.db, r.undo);
  const backup: Step = async (r) => {
    r.backup = (await backupFile(r.db, { now: new Date('2026-12-03T10:00:00Z'), extensionVersion: '0.1.0' })).text;
  };
  const restore: Step = (r) => restoreBackup(r.db, r.backup!);
  /** A search that finds the old text: its batch's id list is kept in memory from here on. */
  const searched: Step = (r) => articlesWithWords(r.db, 'البوكمال');

  it.each<[string, Step[], Record<string, string[]>]>([
    ['removed', [save(OLD), remove()], { مطار: [], البوكمال: [] }],
    ['removed, then saved again at its URL with a new text', [save(OLD), remove(), save(NEW)], { مطار: [], الأسواق: [A], البوكمال: [A] }],
    ['removed, then undone', [save(OLD), remove(), undo], { مطار: [A], الأسواق: [] }],
    ['saved again at its URL with a new text while still there: a duplicate, the stored text stays', [save(OLD), save(NEW)], { مطار: [A], الأسواق: [] }],
    ['searched (its batch\'s ids kept), removed, saved again', [importWith(OLD), searched, remove(), save(NEW)], { مطار: [], الأسواق: [A] }],
    ['undone, removed again, then saved again with a new text', [save(OLD), remove(), undo, remove(), save(NEW)], { مطار: [], الأسواق: [A] }],
    [
      "one of an import's bucketed batch, removed and saved again",
      [importWith(OLD), remove(), save(NEW)],
      { مطار: [], الأسواق: [A], 'الرقة 3': ['https://news.example/import-3'] },
    ],
    ['in a merged batch, removed and saved again', [save(OLD), savesUntilMerged, remove(), save(NEW)], { مطار: [], الأسواق: [A], 'الرقة 5': ['https://news.example/other-6'] }],
    ['removed, saved again, then merged (the emptied place is left out)', [save(OLD), remove(), save(NEW), savesUntilMerged], { مطار: [], الأسواق: [A] }],
    ['removed from a merged batch, then undone', [save(OLD), savesUntilMerged, remove(), undo], { مطار: [A] }],
    ['a backup restored after the text was replaced and removed', [save(OLD), backup, remove(), save(NEW), remove(), restore], { مطار: [A], الأسواق: [] }],
  ])('%s', async (_what, steps, expected) => {
    const { name, db } = await openBundleDatabase();
    names.push(name);
    const run: Run = { db, matcher: await storedMatcher(db), undo: [], n: 0 };
    for (const step of steps) await step(run);
    const stored = (await db.libraryWords.toArray()).map((r) => r.words ?? '').join('');
    for (const [query, urls] of Object.entries(expected)) {
      const hits = await db.library.bulkGet([...(await articlesWithWords(db, query))]);
      expect(hits.map((row) => row?.url ?? 'an article no longer in the library').sort(), query).toEqual(urls);
      if (urls.length === 0) for (const form of queryForms(query)) expect(stored, `«${form}» still stored`).not.toContain(`\n${form}\t`);
    }
  });
});
