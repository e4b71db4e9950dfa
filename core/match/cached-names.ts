/**
 * matcherFor (core/corpus/build.ts) for a gazetteer that changes a name at a time: the same
 * SerializedMatcher, with each entity's normalised names kept per entity object. Normalising every
 * name is most of a compile (≈ 15 ms of ≈ 20 for the bundle and 5,000 of the reader's names); after
 * the reader adds one, every other entity is the same object as before (the background keeps them,
 * db/matcher-cache.ts) and only the new one is normalised. Joining the lists and compiling the
 * patterns is a few milliseconds.
 */
import { normaliseKey } from '../arabic/normalise.ts';
import { matcherFor, namesOf } from '../corpus/build.ts';
import type { Entity } from '../types.ts';
import { compileMatcher, type MatcherName, type SerializedMatcher } from './automaton.ts';
import { BLOCKING } from './blocking.ts';

/** An entity's names as the matcher takes them; entities are never changed in place, so the object is the key. */
const namesByEntity = new WeakMap<Entity, readonly MatcherName[]>();

let blockingKeys: readonly string[] | undefined;

function namesOfEntity(entity: Entity): readonly MatcherName[] {
  let names = namesByEntity.get(entity);
  if (!names) {
    names = namesOf([entity]).map((n) => {
      const name: MatcherName = { key: n.key, entityId: n.entityId, kind: entity.kind, weak: n.weak };
      if (entity.country) name.country = entity.country;
      return name;
    });
    namesByEntity.set(entity, names);
  }
  return names;
}

/** Equal to matcherFor(entities) (test/core/cached-names.test.ts), reusing each entity's names. */
export function matcherForCached(entities: readonly Entity[]): SerializedMatcher {
  const ids = new Set<string>();
  for (const e of entities) ids.add(e.id);
  // Two entities of one id: matcherFor gives both the last one's kind; rare enough to hand over.
  if (ids.size !== entities.length) return matcherFor(entities);
  const names: MatcherName[] = [];
  const keys = new Set<string>();
  for (const e of entities) {
    for (const n of namesOfEntity(e)) {
      names.push(n);
      keys.add(n.key);
    }
  }
  blockingKeys ??= [...new Set(BLOCKING.map(normaliseKey))];
  return compileMatcher(
    names,
    blockingKeys.filter((key) => !keys.has(key)),
  );
}
