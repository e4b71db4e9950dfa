/**
 * matcherFor (core/corpus/build.ts) for a gazetteer that changes a name at a time: the same
 * SerializedMatcher, from each entity's normalised names (a NameGroup) kept per entity object.
 * Normalising every name is most of a compile (≈ 15 ms of ≈ 20 for the bundle and 5,000 of the
 * reader's names); after the reader adds one, every other entity is the same object as before (the
 * background keeps them, db/matcher-cache.ts, and stores the reader's groups for a worker that
 * starts cold) and only the new one is normalised. Joining the groups and compiling the patterns
 * is a few milliseconds.
 */
import { normaliseKey } from '../arabic/normalise.ts';
import { matcherFor, namesOf } from '../corpus/build.ts';
import type { Entity } from '../types.ts';
import { compileMatcher, matcherName, type MatcherName, type SerializedMatcher } from './automaton.ts';
import { BLOCKING } from './blocking.ts';

/** One entity's names as the matcher takes them, in matcherFor's order. */
export interface NameGroup {
  id: string;
  names: readonly MatcherName[];
}

/** Entities are never changed in place (an edit is a new object), so the object is the key. */
const groupByEntity = new WeakMap<Entity, NameGroup>();

let blockingKeys: readonly string[] | undefined;

export function nameGroupOf(entity: Entity): NameGroup {
  let group = groupByEntity.get(entity);
  if (!group) {
    const names = namesOf([entity]).map((n) => matcherName(n.key, n.weak, entity));
    groupByEntity.set(entity, (group = { id: entity.id, names }));
  }
  return group;
}

/** The matcher of these groups, one per entity (ids distinct), in the entities' order. */
export function matcherFromGroups(groups: readonly NameGroup[]): SerializedMatcher {
  const names: MatcherName[] = [];
  const keys = new Set<string>();
  for (const g of groups) {
    for (const n of g.names) {
      names.push(n);
      keys.add(n.key);
    }
  }
  // Blocking names (match/blocking.ts) that are no entity's name: patterns with no target.
  blockingKeys ??= [...new Set(BLOCKING.map(normaliseKey))];
  return compileMatcher(
    names,
    blockingKeys.filter((key) => !keys.has(key)),
  );
}

/** Equal to matcherFor(entities) (test/core/cached-names.test.ts), reusing each entity's names. */
export function matcherForCached(entities: readonly Entity[]): SerializedMatcher {
  const ids = new Set<string>();
  for (const e of entities) ids.add(e.id);
  // Two entities of one id: matcherFor gives both the last one's kind; rare enough to hand over.
  if (ids.size !== entities.length) return matcherFor(entities);
  return matcherFromGroups(entities.map(nameGroupOf));
}
