/**
 * The reader's library in the database: saved documents join every card, the search and the
 * source list; the same article twice is stored once; delete gives back what undo restores; a
 * name the reader adds is in the matcher pages get, and a rescan finds it in the library; a new
 * bundle import leaves all of it alone.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalUrl, fingerprintOf, libraryDocument } from '../../core/library/document.ts';
import type { LibraryInput } from '../../core/library/input.ts';
import { loadMatcher } from '../../core/match/automaton.ts';
import { detect } from '../../core/match/detect.ts';
import type { Bundle, Entity } from '../../core/types.ts';
import { closeDatabase, openDatabase, type LensDatabase } from '../../db/database.ts';
import { importBundle } from '../../db/import.ts';
import {
  addToLibrary,
  deleteUserEntity,
  entityLibrary,
  libraryRows,
  putUserEntity,
  removeFromLibrary,
  rescanLibrary,
  restoreToLibrary,
} from '../../db/library.ts';
import { cardData, matcherPayload } from '../../db/queries.ts';
import { gazetteer, readerArticle, sources } from '../../lib/ui-data.ts';
import { fixtureBundle, freshName } from './fixture.ts';

let name: string;
let db: LensDatabase;
let bundle: Bundle;

const input = (over: Partial<LibraryInput> = {}): LibraryInput => ({
  title: 'الجيش السوري يدخل البوكمال',
  outlet: 'عنب بلدي',
  url: 'https://www.enabbaladi.net/archives/1?utm_source=x#top',
  date: '2017-11-09',
  dateEstimated: false,
  language: 'ar',
  text: 'دخل الجيش السوري مدينة البوكمال صباح اليوم.\n\nوتقع البوكمال على الحدود مع العراق قرب بلدة حصيبة.',
  origin: 'saved',
  ...over,
});

async function matcher() {
  return loadMatcher((await matcherPayload(db))!.matcher);
}

async function save(...inputs: LibraryInput[]) {
  const m = await matcher();
  return addToLibrary(db, inputs.map((i) => libraryDocument(i, m)), { origin: 'saved', now: 1000 });
}

const HUSAYBAH: Entity = {
  id: 'place:own-husaybah', kind: 'town', name: 'حصيبة', nameEn: 'Husaybah', aliases: [], weakAliases: [],
  translit: [], parent: 'place:alqaim', description: 'بلدة عراقية على الحدود.',
};

beforeEach(async () => {
  name = freshName();
  db = openDatabase(name);
  bundle = fixtureBundle();
  await importBundle(openDatabase(name, { relaxed: true }), bundle);
});
afterEach(() => closeDatabase(name));

describe('core/library/document', () => {
  it.each([
    ['https://Example.com/a/?utm_source=x&fbclid=1#c', 'https://example.com/a'],
    ['https://example.com/a?b=2&a=1', 'https://example.com/a?a=1&b=2'],
    ['https://example.com/a?ref=home&gclid=x&id=7', 'https://example.com/a?id=7'],
    ['ftp://example.com/a', undefined],
    ['not a url', undefined],
  ])('canonicalUrl(%s) → %s', (url, expected) => {
    expect(canonicalUrl(url)).toBe(expected);
  });

  it('gives the same fingerprint to the same text with other diacritics and spacing', () => {
    expect(fingerprintOf('دخلَ الجيشُ  البوكمال.')).toBe(fingerprintOf('دخل الجيش البوكمال'));
    expect(fingerprintOf('دخل الجيش البوكمال')).not.toBe(fingerprintOf('دخل الجيش القائم'));
  });

  it('finds the mentions and what the card shows, per entity', async () => {
    const doc = libraryDocument(input(), await matcher());
    expect(doc.article).toMatchObject({ own: true, url: 'https://www.enabbaladi.net/archives/1', headline: 'الجيش السوري يدخل البوكمال' });
    expect(doc.coverage.map((c) => c.entityId).sort()).toEqual(['group:syrian-army', 'place:albukamal']);
    const bk = doc.coverage.find((c) => c.entityId === 'place:albukamal')!;
    expect(bk.count).toBe(2);
    const s = bk.snippets[0]!;
    expect(s.text.slice(s.markStart, s.markEnd)).toBe('البوكمال');
  });
});

describe('db/library', () => {
  it('adds a saved article to the card, the search counts and the source list, marked as the reader\'s', async () => {
    const [result] = await save(input());
    expect(result).toMatchObject({ status: 'added', names: 2 });
    const card = (await cardData(db, 'place:albukamal'))!;
    expect(card.library).toEqual({ articles: 1, mentions: 2 });
    expect(card.coverage!.articles[0]!.articleId).toBe(result!.id);
    expect(card.articles[result!.id]).toMatchObject({ own: true, outlet: 'عنب بلدي' });
    expect(card.articles[result!.id]).not.toHaveProperty('text');
    const bundled = bundle.coverage.find((c) => c.entityId === 'place:albukamal')!;
    expect(card.coverage!.mentions).toBe(bundled.mentions + 2);
    const gaz = await gazetteer(db);
    expect(gaz.mentions.get('place:albukamal')).toBe(bundled.mentions + 2);
    const list = await sources(db);
    expect(list[0]!.article).toMatchObject({ id: result!.id, own: true });
    expect(list[0]!.counts).toEqual({ 'place:albukamal': 2, 'group:syrian-army': 1 });
    const reader = (await readerArticle(db, result!.id))!;
    expect(reader.mentions.map((m) => m.text)).toEqual(['الجيش السوري', 'البوكمال', 'البوكمال']);
  });

  it('counts the library in how outlets name an entity and in its timeline, and follows a removal', async () => {
    const before = (await cardData(db, 'place:albukamal'))!;
    const [a] = await save(input());
    const card = (await cardData(db, 'place:albukamal'))!;
    const own = card.outlets!.find((o) => o.outlet === 'عنب بلدي')!;
    expect(own).toMatchObject({ articles: 1, mentions: 2 });
    expect(own.names).toEqual([{ key: expect.any(String), text: 'البوكمال', count: 2 }]);
    // The bundle's outlets are still there, and the library's day joins the bundle's days.
    expect(card.outlets!.length).toBe((before.outlets?.length ?? 0) + 1);
    expect(card.timeline!.map((d) => d.date)).toEqual([...new Set([...(before.timeline ?? []).map((d) => d.date), '2017-11-09'])].sort());
    await removeFromLibrary(db, [a!.id]);
    const after = (await cardData(db, 'place:albukamal'))!;
    expect(after.outlets).toEqual(before.outlets);
    expect(after.timeline).toEqual(before.timeline);
  });

  it('keeps each entity\'s library profile in step with saves, a removal and the saves after it', async () => {
    const outlet = async () => (await cardData(db, 'place:albukamal'))!.outlets!.find((o) => o.outlet === 'عنب بلدي');
    const [a] = await save(input());
    expect(await outlet()).toMatchObject({ articles: 1, mentions: 2 });
    // A second save merges into the kept profile; a third in the same call too.
    await save(input({ url: 'https://example.com/b', text: 'وصلت قوات إلى البوكمال.' }), input({ url: 'https://example.com/c', text: 'البوكمال مدينة. البوكمال على الفرات.' }));
    expect(await outlet()).toMatchObject({ articles: 3, mentions: 5 });
    await removeFromLibrary(db, [a!.id]);
    expect(await outlet()).toMatchObject({ articles: 2, mentions: 3 });
    // Saved while the profile was dropped and not yet rebuilt: rebuilt whole by the next card.
    await removeFromLibrary(db, []);
    await save(input({ url: 'https://example.com/d', text: 'غادرت القوات البوكمال.' }));
    expect(await outlet()).toMatchObject({ articles: 3, mentions: 4 });
  });

  it('does not store the same article twice: same URL (tracking parameters aside), or same text elsewhere', async () => {
    const [first] = await save(input());
    const again = await save(
      input({ url: 'https://www.enabbaladi.net/archives/1' }),
      input({ url: 'https://amp.enabbaladi.net/1', text: input().text.replace('صباح', 'صباحَ') }),
    );
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(again.every((r) => r.id === first!.id)).toBe(true);
    expect(await libraryRows(db)).toHaveLength(1);
    expect((await cardData(db, 'place:albukamal'))!.library).toEqual({ articles: 1, mentions: 2 });
  });

  it('removes an article and puts it back as it was (undo)', async () => {
    const [a] = await save(input());
    const removed = await removeFromLibrary(db, [a!.id]);
    expect(await libraryRows(db)).toHaveLength(0);
    expect((await cardData(db, 'place:albukamal'))!.library).toBeUndefined();
    await restoreToLibrary(db, removed);
    expect((await cardData(db, 'place:albukamal'))!.library).toEqual({ articles: 1, mentions: 2 });
  });

  it('reads an entity\'s newest library articles by key, and counts all of them', async () => {
    const inputs = Array.from({ length: 8 }, (_, i) =>
      input({ url: `https://example.com/${i}`, date: `2017-11-${String(10 + i)}`, text: `خبر ${i}: دخل الجيش السوري البوكمال.` }),
    );
    await save(...inputs);
    const lib = await entityLibrary(db, 'place:albukamal', 3);
    expect(lib.articles).toBe(8);
    expect(lib.items.map((i) => i.date)).toEqual(['2017-11-17', '2017-11-16', '2017-11-15']);
  });

  it('a name the reader adds is in the pages\' matcher at once, and a rescan finds it in the library', async () => {
    const [a] = await save(input());
    expect((await cardData(db, HUSAYBAH.id))).toBeNull();
    await putUserEntity(db, HUSAYBAH);
    const payload = (await matcherPayload(db))!;
    expect(payload.version).toContain('+');
    const found = detect(loadMatcher(payload.matcher), 'قصفت الطائرات حصيبة أمس').map((m) => m.entityId);
    expect(found).toContain(HUSAYBAH.id);
    // The search has it, marked as the reader's.
    expect((await gazetteer(db)).byId.get(HUSAYBAH.id)).toMatchObject({ own: true });
    // Not yet in the library's coverage: the library was read with the old names.
    expect((await cardData(db, HUSAYBAH.id))!.library).toBeUndefined();
    expect(await rescanLibrary(db, loadMatcher(payload.matcher))).toBe(1);
    const card = (await cardData(db, HUSAYBAH.id))!;
    expect(card.library).toEqual({ articles: 1, mentions: 1 });
    expect(card.parent).toMatchObject({ id: 'place:alqaim' });
    expect(card.coverage!.articles[0]!.articleId).toBe(a!.id);
    // The other entities' totals did not double.
    expect((await cardData(db, 'place:albukamal'))!.library).toEqual({ articles: 1, mentions: 2 });
    await deleteUserEntity(db, HUSAYBAH.id);
    const back = (await matcherPayload(db))!;
    expect(detect(loadMatcher(back.matcher), 'قصفت الطائرات حصيبة أمس')).toEqual([]);
  });

  it('a new bundle import leaves the library and the reader\'s names alone', async () => {
    await save(input());
    await putUserEntity(db, HUSAYBAH);
    const next = fixtureBundle();
    await importBundle(openDatabase(name, { relaxed: true }), { ...next, version: `${next.version}-next` });
    expect(await libraryRows(db)).toHaveLength(1);
    expect((await cardData(db, 'place:albukamal'))!.library).toEqual({ articles: 1, mentions: 2 });
    const payload = (await matcherPayload(db))!;
    expect(payload.version.startsWith(`${next.version}-next+`)).toBe(true);
    expect(detect(loadMatcher(payload.matcher), 'حصيبة').map((m) => m.entityId)).toContain(HUSAYBAH.id);
  });
});
