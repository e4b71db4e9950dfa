import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type LensDatabase } from '../../db/database.ts';
import { importBundle } from '../../db/import.ts';
import { cardData, setSiteEnabled, siteEnabled } from '../../db/queries.ts';
import { gazetteer, readerArticle, sources } from '../../lib/ui-data.ts';
import type { Bundle } from '../../core/types.ts';
import { fixtureBundle, freshName } from './fixture.ts';

let name: string;
let db: LensDatabase;
let bundle: Bundle;
beforeEach(async () => {
  name = freshName();
  db = openDatabase(name);
  bundle = fixtureBundle();
  await importBundle(openDatabase(name, { relaxed: true }), bundle);
});
afterEach(() => closeDatabase(name));

describe('cardData', () => {
  it('resolves the entity, its parent, its coverage, the articles (without text) and related names', async () => {
    const card = await cardData(db, 'place:albukamal');
    expect(card).not.toBeNull();
    expect(card!.entity.nameEn).toBe('Albu Kamal');
    expect(card!.parent).toEqual({ id: 'place:syria', name: 'سوريا', nameEn: 'Syria' });
    const coverage = bundle.coverage.find((c) => c.entityId === 'place:albukamal')!;
    expect(card!.coverage).toEqual(coverage);
    expect(Object.keys(card!.articles).sort()).toEqual(['a1', 'a2']);
    expect(card!.articles['a1']).toMatchObject({ headline: 'تقدم نحو البوكمال', outlet: 'الوطن', date: '2017-10-26' });
    expect(card!.articles['a1']).not.toHaveProperty('text');
    // Related: each co-mentioned entity with its names and kind, in the coverage's order.
    expect(card!.related.map((r) => r.id)).toEqual(coverage.related.map((r) => r.entityId));
    const army = card!.related.find((r) => r.id === 'group:syrian-army');
    expect(army).toMatchObject({ name: 'الجيش السوري', nameEn: 'Syrian Army', kind: 'army' });
    expect(army!.count).toBeGreaterThan(0);
    // The snippets mark the name inside the sentence.
    const snippet = coverage.articles[0]!.snippets[0]!;
    expect(snippet.text.slice(snippet.markStart, snippet.markEnd)).toContain('البوكمال');
  });

  it('answers inside a liveQuery, as the extension pages read it (all its reads in one transaction)', async () => {
    const card = await new Promise((resolve, reject) => {
      const subscription = liveQuery(() => cardData(db, 'place:albukamal')).subscribe({
        next: (value) => {
          resolve(value);
          subscription.unsubscribe();
        },
        error: reject,
      });
    });
    expect(card).toEqual(await cardData(db, 'place:albukamal'));
  });

  it('returns how each outlet names the entity and its coverage by date, as the bundle computed them', async () => {
    const card = (await cardData(db, 'place:albukamal'))!;
    const profile = bundle.profiles!.find((p) => p.entityId === 'place:albukamal')!;
    expect(card.outlets).toEqual(profile.outlets);
    expect(card.outlets!.map((o) => [o.outlet, o.names.map((n) => [n.text, n.count])])).toEqual([
      ['الوطن', [['البوكمال', 2]]],
      ['الحياة', [['البوكمال', 1]]],
    ]);
    expect(card.timeline!.map((d) => [d.date, d.mentions])).toEqual([
      ['2017-10-26', 2],
      ['2017-11-03', 1],
    ]);
    // The profile is stored with the coverage but is no part of it.
    expect(card.coverage).not.toHaveProperty('outlets');
  });

  it('gives no outlets or timeline for data stored without them (a bundle built before them)', async () => {
    const { profiles: _profiles, ...older } = bundle;
    await importBundle(openDatabase(name, { relaxed: true }), { ...older, version: 'older' });
    const card = (await cardData(db, 'place:albukamal'))!;
    expect(card.outlets).toBeUndefined();
    expect(card.timeline).toBeUndefined();
  });

  it('gives no parent when there is none and null for an unknown id', async () => {
    expect((await cardData(db, 'group:syrian-army'))!.parent).toBeUndefined();
    expect(await cardData(db, 'place:nowhere')).toBeNull();
  });
});

describe('sites', () => {
  it('are on until switched off, and the switch survives reopening the database', async () => {
    expect(await siteEnabled(db, 'www.example.com')).toBe(true);
    await setSiteEnabled(db, 'www.example.com', false);
    expect(await siteEnabled(db, 'www.example.com')).toBe(false);
    expect(await siteEnabled(db, 'example.com')).toBe(true);
    closeDatabase(name);
    const reopened = openDatabase(name);
    expect(await siteEnabled(reopened, 'www.example.com')).toBe(false);
    await setSiteEnabled(reopened, 'www.example.com', true);
    expect(await siteEnabled(reopened, 'www.example.com')).toBe(true);
  });
});

describe('search and articles (the extension pages’ reads, lib/ui-data.ts)', () => {
  it('finds entities by Arabic name, with proclitics, and by transliteration, with their mentions', async () => {
    const { index, byId, mentions } = await gazetteer(db);
    const first = (q: string) => index.search(q, 5)[0]?.entityId;
    expect(first('البوكمال')).toBe('place:albukamal');
    expect(first('والقائم')).toBe('place:alqaim');
    expect(first('abu kamal')).toBe('place:albukamal');
    expect(index.search('zzzz', 5)).toEqual([]);
    expect(byId.get('place:albukamal')?.kind).toBe('city');
    expect(mentions.get('place:albukamal')).toBe(3);
  });

  it('indexes the gazetteer once per bundle version', async () => {
    expect(await gazetteer(db)).toBe(await gazetteer(openDatabase(name)));
  });

  it('lists articles newest first without their text, and gives one with its text and mentions', async () => {
    const list = await sources(db);
    expect(list.map((r) => r.article.id)).toEqual(['a2', 'a1']);
    expect(list[0]!.article).not.toHaveProperty('text');
    expect(list[0]!.article).not.toHaveProperty('mentions');
    expect(list[1]!.counts['place:albukamal']).toBe(2);
    const a1 = await readerArticle(db, 'a1');
    expect(a1?.article.text).toContain('البوكمال');
    expect(a1?.article).not.toHaveProperty('mentions');
    expect(a1?.mentions.map((m) => a1.article.text.slice(m.start, m.end))).toContain('البوكمال');
    expect(await readerArticle(db, 'zz')).toBeNull();
  });
});
