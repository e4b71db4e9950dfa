/**
 * matcherForCached (core/match/cached-names.ts) is matcherFor with each entity's names kept: the
 * same SerializedMatcher, so the same highlights, through any sequence of names added, edited and
 * deleted (the entities kept between compiles, as the background keeps them), over the real
 * gazetteer and random reader's names; and detect() finds the same mentions in the corpus.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { matcherFor } from '../../core/corpus/build.ts';
import { loadMatcher } from '../../core/match/automaton.ts';
import { BLOCKING } from '../../core/match/blocking.ts';
import { matcherForCached } from '../../core/match/cached-names.ts';
import { detect } from '../../core/match/detect.ts';
import type { Entity, EntityKind } from '../../core/types.ts';
import { realGazetteer, REPO_ROOT } from '../corpus/helpers.ts';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 100);
const TIMEOUT = Math.max(60_000, RUNS * 200);

const bundled = realGazetteer().entities;
const articles = readdirSync(join(REPO_ROOT, 'corpus', 'articles')).map((f) => readFileSync(join(REPO_ROOT, 'corpus', 'articles', f), 'utf8'));

const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآؤئ';
const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 2, maxLength: 6 }).map((cs) => cs.join(''));
/** A reader's spelling: new words, or one the gazetteer or the blocking list already has. */
const spelling = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom('', 'ال', 'حي ', 'كتيبة ', 'قرية '), word).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: fc.constantFrom(...bundled.slice(0, 40).map((e) => e.name)) },
  { weight: 1, arbitrary: fc.constantFrom(...BLOCKING.slice(0, 20)) },
);
const kind = fc.constantFrom<EntityKind>('village', 'town', 'militia', 'army', 'person');
/** An id of the reader's own, or a bundled entity's (the reader edited it). */
const id = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 30 }).map((i) => `place:own-${i}`) }, { weight: 1, arbitrary: fc.constantFrom(...bundled.map((e) => e.id)) });

const entity = fc.record({
  id,
  kind,
  name: spelling,
  aliases: fc.array(spelling, { maxLength: 2 }),
  weakAliases: fc.array(spelling, { maxLength: 1 }),
  country: fc.option(fc.constantFrom('SY', 'IQ'), { nil: undefined }),
}).map((r): Entity => {
  const e: Entity = { id: r.id, kind: r.kind, name: r.name, nameEn: '', aliases: r.aliases, weakAliases: r.weakAliases, translit: [], description: '', own: true };
  if (r.country) e.country = r.country;
  return e;
});

type Step = { put: Entity } | { remove: number };
const step: fc.Arbitrary<Step> = fc.oneof({ weight: 3, arbitrary: entity.map((put) => ({ put })) }, { weight: 1, arbitrary: fc.nat().map((remove) => ({ remove })) });

/** What the background compiles: the bundle's entities (the reader's edit wins its id), then the reader's in id order. */
function gazetteerWith(own: ReadonlyMap<string, Entity>): Entity[] {
  const mine = [...own.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  return [...bundled.filter((e) => !own.has(e.id)), ...mine];
}

describe('matcherForCached', () => {
  test('the bundle alone: the same matcher as matcherFor', () => {
    expect(matcherForCached(bundled)).toEqual(matcherFor(bundled));
  });

  test(
    'after every add, edit and delete of the reader\'s names: the same matcher as compiling all afresh',
    () => {
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
          const own = new Map<string, Entity>();
          for (const s of steps) {
            if ('put' in s) own.set(s.put.id, s.put);
            else if (own.size > 0) own.delete([...own.keys()][s.remove % own.size]!);
            const all = gazetteerWith(own);
            // Fresh copies for the reference: nothing it computes can come from the cache.
            expect(matcherForCached(all)).toEqual(matcherFor(structuredClone(all)));
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  test(
    'detect finds the same mentions in the corpus and in sentences naming the reader\'s names',
    () => {
      fc.assert(
        fc.property(fc.uniqueArray(entity, { minLength: 1, maxLength: 15, selector: (e) => e.id }), (mine) => {
          const all = gazetteerWith(new Map(mine.map((e) => [e.id, e])));
          const cached = loadMatcher(matcherForCached(all));
          const fresh = loadMatcher(matcherFor(structuredClone(all)));
          const texts = [...articles, mine.map((e) => `وقال مصدر إن القصف طال ${e.name} وب${e.aliases[0] ?? e.name} أمس.`).join(' ')];
          for (const text of texts) expect(detect(cached, text)).toEqual(detect(fresh, text));
        }),
        { numRuns: Math.max(10, Math.floor(RUNS / 5)) },
      );
    },
    TIMEOUT,
  );

  test('an entity of an id listed twice is compiled as matcherFor does', () => {
    const [a, b] = bundled;
    const twice = [...bundled, { ...a!, name: 'اسم آخر', kind: b!.kind }];
    expect(matcherForCached(twice)).toEqual(matcherFor(twice));
  });
});
