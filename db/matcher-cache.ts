/**
 * What the matcher with the reader's names is built from, kept in memory between calls (in the
 * background, the service worker): the bundle's entities by bundle version, the reader's names by
 * their stored version (db/library.ts NamesVersion), and the last payload by its version. Each is
 * checked against the database's versions on every use, so a worker the browser stopped starts
 * empty and reads everything again: correct when cold, fast when warm. After the reader adds a
 * name, only the names written since are read (the version lists them), and only they are
 * normalised (core/match/cached-names.ts).
 */
import type { Entity } from '../core/types.ts';
import type { MatcherPayload } from '../lib/messages.ts';
import type { LensDatabase } from './database.ts';
import { NAMES_VERSION_KEY, userEntitiesVersion, type NamesVersion } from './library.ts';

/** The reader's names as of one version, in key order (the order userEntities.toArray gives). */
export interface ReaderNames {
  lineage: string;
  rev: number;
  entities: Entity[];
}

interface Kept {
  bundle?: { version: string; entities: Entity[] };
  names?: ReaderNames & { byId: Map<string, Entity> };
  payload?: MatcherPayload;
}

/** Per database name: tests and benchmarks open several in one process. */
const kept = new Map<string, Kept>();

const keptFor = (db: LensDatabase): Kept => {
  let k = kept.get(db.name);
  if (!k) kept.set(db.name, (k = {}));
  return k;
};

/** Drop everything kept (as a stopped worker would; tests and the cold benchmark). */
export function forgetMatcherCache(): void {
  kept.clear();
}

/** The last payload made for `version` in this context, if any. Callers must not change it. */
export function keptPayload(db: LensDatabase, version: string): MatcherPayload | undefined {
  const p = keptFor(db).payload;
  return p?.version === version ? p : undefined;
}

export function keepPayload(db: LensDatabase, payload: MatcherPayload): void {
  keptFor(db).payload = payload;
}

/** Whether this context keeps names of `lineage` (then it reads only those written since). */
export function hasKeptNames(db: LensDatabase, lineage: string): boolean {
  return keptFor(db).names?.lineage === lineage;
}

/** The bundle's entities of `version`, parsed from its gazetteer record once per version. */
export function bundleEntities(
  db: LensDatabase,
  version: string,
  read: () => Promise<{ entities: Entity[]; ofVersion: boolean }>,
): Promise<Entity[]> {
  const k = keptFor(db);
  if (k.bundle?.version === version) return Promise.resolve(k.bundle.entities);
  return read().then(({ entities, ofVersion }) => {
    if (ofVersion) k.bundle = { version, entities };
    return entities;
  });
}

const byKey = (a: Entity, b: Entity) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every rev after `from` up to `to` listed with its ids, or null when the log does not say. */
function idsSince(version: NamesVersion, from: number): string[] | null {
  const ids = new Set<string>();
  let next = from + 1;
  for (const c of version.changes) {
    if (c.rev <= from) continue;
    if (c.rev !== next || c.ids === null) return null;
    for (const id of c.ids) ids.add(id);
    next++;
  }
  return next === version.rev + 1 ? [...ids] : null;
}

/**
 * The reader's names and their version, read in one transaction: the kept ones when the version
 * is theirs, the kept ones with the names written since when the version's log lists them, or all.
 */
export function readerNames(db: LensDatabase): Promise<ReaderNames> {
  const k = keptFor(db);
  return db.transaction('r', [db.userEntities, db.userMeta], async () => {
    const version = (await db.userMeta.get(NAMES_VERSION_KEY)) as NamesVersion | undefined;
    const have = k.names;
    if (version && have && have.lineage === version.lineage) {
      if (have.rev === version.rev) return have;
      const ids = have.rev < version.rev ? idsSince(version, have.rev) : null;
      if (ids) {
        const rows = await db.userEntities.bulkGet(ids);
        const byId = new Map(have.byId);
        ids.forEach((id, i) => {
          const row = rows[i];
          if (row) byId.set(id, row);
          else byId.delete(id);
        });
        return (k.names = { lineage: version.lineage, rev: version.rev, byId, entities: [...byId.values()].sort(byKey) });
      }
    }
    const entities = await db.userEntities.toArray();
    // Names stored without a version (before versions were, or around putUserEntity): a hash.
    const lineage = version?.lineage ?? `h${userEntitiesVersion(entities)}`;
    const names = { lineage, rev: version?.rev ?? 0, byId: new Map(entities.map((e) => [e.id, e])), entities };
    if (version) k.names = names;
    return names;
  });
}
