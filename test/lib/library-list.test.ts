/** The library list's search and filters, as the reader types and picks. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type LibraryRow } from '../../db/database.ts';
import { indexTexts } from '../../db/library-words.ts';
import { filterLibrary, listItems, listItemsInSlices, NO_FILTER, outletsOf, queryWords, searchTexts, type LibraryFilter } from '../../lib/library-list.ts';
import { freshName } from '../db/fixture.ts';

const row = (id: string, headline: string, outlet: string, date: string, counts: Record<string, number> = {}, addedAt = 1): LibraryRow => ({
  id, file: '', outlet, outletEn: '', headline, date, dateEstimated: false, dateNote: '', language: 'ar',
  own: true, fingerprint: id, counts, origin: 'imported', addedAt,
});

const NAMES: Record<string, string> = { 'place:raqqa': 'الرقة', 'group:sdf': 'قوات سوريا الديمقراطية' };
const ROWS = [
  row('r1', 'معارك في الرَّقة', 'عنب بلدي', '2017-10-20', { 'place:raqqa': 3 }),
  row('r2', 'اقتصاد العراق', 'الحياة', '2017-11-02'),
  row('r3', 'بيان عسكري', 'الحياة', '2017-11-09', { 'group:sdf': 1, 'place:raqqa': 2 }),
  row('r4', 'تقرير بلا تاريخ', 'عنب بلدي', ''),
];
const items = listItems(ROWS, (id) => NAMES[id]);
const ids = (f: Partial<LibraryFilter>, hits?: Set<string>) => filterLibrary(items, { ...NO_FILTER, ...f }, hits).map((i) => i.row.id);

describe('filterLibrary', () => {
  it.each<[string, Partial<LibraryFilter>, string[]]>([
    ['no filter: newest first, undated last', {}, ['r3', 'r2', 'r1', 'r4']],
    ['a headline word, diacritics and taa marbuta folded ("الرقه" finds "الرَّقة")', { query: 'الرقه' }, ['r3', 'r1']],
    ['a name the article mentions counts (r3 names الرقة in its text only)', { query: 'الرقة' }, ['r3', 'r1']],
    ['every word must match', { query: 'معارك الرقة' }, ['r1']],
    ['an outlet word', { query: 'الحياه' }, ['r3', 'r2']],
    ['by outlet', { outlet: 'عنب بلدي' }, ['r1', 'r4']],
    ['from a date (inclusive); undated out', { from: '2017-11-02' }, ['r3', 'r2']],
    ['up to a date', { to: '2017-11-01' }, ['r1']],
    ['a range and an outlet', { from: '2017-10-01', to: '2017-11-05', outlet: 'الحياة' }, ['r2']],
    ['no match', { query: 'الموصل' }, []],
  ])('%s', (_why, f, expected) => {
    expect(ids(f)).toEqual(expected);
  });

  it('an article whose text holds the words is found (textHits from searchTexts)', () => {
    expect(ids({ query: 'الموصل' }, new Set(['r2']))).toEqual(['r2']);
  });

  it('lists names most mentioned first, and outlets once each', () => {
    expect(items.find((i) => i.row.id === 'r3')!.names).toEqual(['الرقة', 'قوات سوريا الديمقراطية']);
    expect(outletsOf(ROWS)).toEqual(['الحياة', 'عنب بلدي']);
    expect(queryWords('  الرَّقة  والموصل ')).toEqual(['الرقه', 'والموصل']);
  });
});

describe('searchTexts', () => {
  it('finds the words from the word index, reading no text, and gives nothing once aborted', async () => {
    const name = freshName();
    const db = openDatabase(name);
    const texts = Array.from({ length: 250 }, (_, i) => ({ id: `own-${String(i).padStart(3, '0')}`, text: i % 50 === 7 ? 'وصلت القوات إلى الموصِل صباحاً' : 'نص آخر', mentions: '[]' }));
    await db.transaction('rw', db.libraryTexts, db.libraryWords, async () => {
      await db.libraryTexts.bulkPut(texts);
      await indexTexts(db, texts);
    });
    // The texts gone: what is found comes from the index alone.
    await db.libraryTexts.clear();
    const hits = await searchTexts(db, 'الموصل', new AbortController().signal);
    expect([...hits!].sort()).toEqual(['own-007', 'own-057', 'own-107', 'own-157', 'own-207']);
    expect([...(await searchTexts(db, 'موصل القوات', new AbortController().signal))!].sort()).toEqual(['own-007', 'own-057', 'own-107', 'own-157', 'own-207']);
    expect((await searchTexts(db, 'الموصل بغداد', new AbortController().signal))!.size).toBe(0);
    const stop = new AbortController();
    stop.abort();
    expect(await searchTexts(db, 'الموصل', stop.signal)).toBeUndefined();
    closeDatabase(name);
  });
});

describe('listItemsInSlices', () => {
  it('gives what listItems gives, pausing between slices of rows, and nothing once aborted', async () => {
    const many = Array.from({ length: 1200 }, (_, i) => row(`m${i}`, `خبر ${i}`, 'الحياة', `2017-11-${String(1 + (i % 28)).padStart(2, '0')}`, {}, i));
    let pauses = 0;
    const made = await listItemsInSlices(many, () => undefined, new AbortController().signal, async () => void pauses++);
    expect(made!.map((i) => i.row.id)).toEqual(listItems(many, () => undefined).map((i) => i.row.id));
    expect(pauses).toBe(2);
    const stop = new AbortController();
    const pending = listItemsInSlices(many, () => undefined, stop.signal, async () => stop.abort());
    expect(await pending).toBeUndefined();
  });
});
