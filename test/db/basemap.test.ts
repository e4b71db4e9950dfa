import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRequest } from '../../entrypoints/background/validate.ts';
import { withBaseMap } from '../../core/geo/build-basemap.ts';
import type { Bundle, Entity } from '../../core/types.ts';
import { closeDatabase, openDatabase, type LensDatabase } from '../../db/database.ts';
import { importBundle, parseBundle } from '../../db/import.ts';
import { baseMap, cardData } from '../../db/queries.ts';
import { fixtureBundle, freshName } from './fixture.ts';

const topology = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'node_modules/world-atlas/countries-50m.json'), 'utf8')) as Topology;

/** The fixture bundle with coordinates for its places, and the base map made from them. */
function bundleWithMap(): Bundle {
  const coords: Record<string, [number, number]> = { 'place:syria': [35, 38.5], 'place:albukamal': [34.4534, 40.9188], 'place:alqaim': [34.3686, 41.0944] };
  const b = fixtureBundle();
  const entities = b.entities.map((e): Entity => (coords[e.id] ? { ...e, coords: coords[e.id] } : e));
  return withBaseMap({ ...b, entities }, topology);
}

let name: string;
let db: LensDatabase;
beforeEach(() => {
  name = freshName();
  db = openDatabase(name);
});
afterEach(() => closeDatabase(name));

describe('the base map in the bundle and the database', () => {
  it('is stored by the import as one meta record and read back whole', async () => {
    const bundle = bundleWithMap();
    await importBundle(openDatabase(name, { relaxed: true }), parseBundle(JSON.parse(JSON.stringify(bundle))));
    const map = await baseMap(db);
    expect(map).toEqual(bundle.baseMap);
    expect(map!.countries.some((c) => c.id === 'SY')).toBe(true);
  });

  it('changes the bundle version: a new map replaces the stored one', () => {
    const plain = fixtureBundle();
    expect(bundleWithMap().version).not.toBe(plain.version);
  });

  it('is absent for a bundle without one, and the card still reads', async () => {
    await importBundle(openDatabase(name, { relaxed: true }), fixtureBundle());
    expect(await baseMap(db)).toBeNull();
    expect((await cardData(db, 'place:albukamal'))?.entity.id).toBe('place:albukamal');
  });

  it("gives a place's card its parent's coordinates, for the map's ring", async () => {
    await importBundle(openDatabase(name, { relaxed: true }), bundleWithMap());
    const card = await cardData(db, 'place:albukamal');
    expect(card?.parent).toEqual({ id: 'place:syria', name: 'سوريا', nameEn: 'Syria', coords: [35, 38.5] });
  });
});

describe('getBaseMap request', () => {
  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  const content = { id: ID, url: 'https://www.aljazeera.net/news/1', tab: { id: 7 }, frameId: 0 };
  it('is open to content scripts, with no fields', () => {
    expect(parseRequest({ type: 'getBaseMap' }, content, ID, `chrome-extension://${ID}`)).toMatchObject({ ok: true, request: { type: 'getBaseMap' } });
    expect(parseRequest({ type: 'getBaseMap', region: 'x' }, content, ID, `chrome-extension://${ID}`)).toEqual({ ok: false, error: 'unknown field "region"' });
  });
});
