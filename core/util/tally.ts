/**
 * How many times each key occurs: mentions per entity, from a document's mentions as detected
 * (db/library.ts) or from an article's stored ones (lib/ui-data.ts). Counted in a Map, so an id
 * that is also an Object.prototype name ("constructor", "__proto__") counts like any other.
 */
export function tally(keys: Iterable<string>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return Object.fromEntries(counts);
}
