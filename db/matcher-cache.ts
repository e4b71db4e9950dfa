/**
 * What the matcher with the reader's names is built from, kept between calls: in memory (in the
 * background, the service worker) the bundle's name groups by bundle version, the reader's by
 * their stored version (db/library.ts NamesVersion), and the last payload by its version; and in
 * userMeta (`readerNameGroups`) the reader's groups as of some version, for a worker that starts
 * cold. Each is checked against the database's versions on every use: correct when cold, fast
 * when warm. After the reader adds a name, only the names written since are read (the version
 * lists them) and only they are normalised (core/match/cached-names.ts).
 *
 * Why a stored copy of the groups: a worker stopped while the reader filled in the add-name form
 * is woken by the change, and reading 5,000 name rows costs ~100 ms in Chromium, one record ~5 ms.
 */
import { matcherName } from '../core/match/automaton.ts';
import { nameGroupOf, type NameGroup } from '../core/match/cached-names.ts';
import type { Entity, EntityKind } from '../core/types.ts';
import type { MatcherPayload } from '../lib/messages.ts';
import type { LensDatabase, UserMetaRow } from './database.ts';
import { NAMES_VERSION_KEY, userEntitiesVersion, type NamesVersion } from './library.ts';

/** The reader's name groups as of one version, in key order (the order userEntities.toArray gives). */
export interface ReaderGroups {
  lineage: string;
  rev: number;
  groups: NameGroup[];
}

type KeptGroups = ReaderGroups & { byId: Map<string, NameGroup> };

interface Kept {
  bundle?: { version: string; groups: NameGroup[] };
  names?: KeptGroups;
  /** The rev of the reader's groups stored in userMeta, as far as this context knows. */
  storedRev?: number;
  payload?: MatcherPayload;
}

/** Per database name: tests and benchmarks open several in one process. */
const kept = new Map<string, Kept>();

const keptFor = (db: LensDatabase): Kept => {
  let k = kept.get(db.name);
  if (!k) kept.set(db.name, (k = {}));
  return k;
};

/** Drop everything kept in memory (as a stopped worker would; tests and the cold benchmark). */
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

/** The bundle's name groups of `version`, from its gazetteer record once per version. */
export function bundleGroups(
  db: LensDatabase,
  version: string,
  read: () => Promise<{ entities: Entity[]; ofVersion: boolean }>,
): Promise<NameGroup[]> {
  const k = keptFor(db);
  if (k.bundle?.version === version) return Promise.resolve(k.bundle.groups);
  return read().then(({ entities, ofVersion }) => {
    const groups = entities.map(nameGroupOf);
    if (ofVersion) k.bundle = { version, groups };
    return groups;
  });
}

// ---------------------------------------------------------------------------------------------
// The reader's groups

/** userMeta key of the stored copy of the reader's name groups. */
export const READER_GROUPS_KEY = 'readerNameGroups';

/** A group as stored: [entity id, kind, country or '', [normalised name, 1 when weak]…, parent id or '']. */
type StoredGroup = [id: string, kind: EntityKind, country: string, names: [key: string, weak: 0 | 1][], parent: string];

/**
 * The stored groups' shape: a copy of another (format 1 had no parent: the region rule of
 * core/match/region.ts needs it) is read around and written again.
 */
const STORED_GROUPS_FORMAT = 2;

interface StoredGroups {
  key: typeof READER_GROUPS_KEY;
  format?: number;
  lineage: string;
  rev: number;
  /** StoredGroup[] as JSON: one string is read and written as one block. */
  json: string;
}

/** Written again once it is this many versions behind (the version's log keeps 32). */
const STORED_GROUPS_STALE_AFTER = 8;

function storedOf(g: NameGroup): StoredGroup {
  const first = g.names[0];
  return [g.id, first?.kind ?? 'village', first?.country ?? '', g.names.map((n) => [n.key, n.weak ? 1 : 0]), first?.parent ?? ''];
}

function groupOf([id, kind, country, names, parent]: StoredGroup): NameGroup {
  return {
    id,
    names: names.map(([key, weak]) => matcherName(key, weak === 1, { id, kind, country, parent })),
  };
}

const byId = (a: NameGroup, b: NameGroup) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The ids written after rev `from` up to the version's, or null when its log does not list them all. */
function idsSince(version: NamesVersion, from: number): string[] | null {
  if (from > version.rev) return null;
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

function keptGroups(lineage: string, rev: number, map: Map<string, NameGroup>): KeptGroups {
  return { lineage, rev, byId: map, groups: [...map.values()].sort(byId) };
}

/**
 * The reader's name groups and their version, read in one transaction: the kept ones when the
 * version is theirs; the kept or stored ones with the names written since when the version's log
 * lists them; or every name.
 */
export async function readerGroups(db: LensDatabase): Promise<ReaderGroups> {
  const k = keptFor(db);
  const result = await db.transaction('r', [db.userEntities, db.userMeta], async () => {
    const version = (await db.userMeta.get(NAMES_VERSION_KEY)) as NamesVersion | undefined;
    if (!version) {
      // Names stored without a version (before versions were, or around putUserEntity): a hash.
      const entities = await db.userEntities.toArray();
      const groups = entities.map(nameGroupOf);
      return { names: keptGroups(`h${userEntitiesVersion(entities)}`, 0, new Map(groups.map((g) => [g.id, g]))) };
    }
    let base: { rev: number; byId: Map<string, NameGroup> } | undefined = k.names?.lineage === version.lineage ? k.names : undefined;
    let storedRev = k.names?.lineage === version.lineage ? k.storedRev : undefined;
    if (!base || idsSince(version, base.rev) === null) {
      base = undefined;
      const stored = (await db.userMeta.get(READER_GROUPS_KEY)) as StoredGroups | undefined;
      if (stored?.format === STORED_GROUPS_FORMAT && stored.lineage === version.lineage && idsSince(version, stored.rev) !== null) {
        try {
          const groups = (JSON.parse(stored.json) as StoredGroup[]).map(groupOf);
          base = { rev: stored.rev, byId: new Map(groups.map((g) => [g.id, g])) };
          storedRev = stored.rev;
        } catch {
          // A copy that does not parse is read around: every name is read below.
        }
      }
    }
    if (base) {
      if (base === k.names && base.rev === version.rev) return { names: k.names, storedRev, store: false };
      const ids = idsSince(version, base.rev)!;
      const rows = await db.userEntities.bulkGet(ids);
      const map = new Map(base.byId);
      ids.forEach((id, i) => {
        const row = rows[i];
        if (row) map.set(id, nameGroupOf(row));
        else map.delete(id);
      });
      const names = keptGroups(version.lineage, version.rev, map);
      return { names, storedRev, store: storedRev === undefined || version.rev - storedRev >= STORED_GROUPS_STALE_AFTER };
    }
    const entities = await db.userEntities.toArray();
    const names = keptGroups(version.lineage, version.rev, new Map(entities.map((e) => [e.id, nameGroupOf(e)])));
    return { names, storedRev, store: true };
  });
  if (!('storedRev' in result)) return result.names;
  k.names = result.names;
  k.storedRev = result.store ? result.names.rev : result.storedRev;
  if (result.store) {
    // A cache for the next cold start, right for its own rev whenever it lands: not waited for.
    const row: StoredGroups = {
      key: READER_GROUPS_KEY,
      format: STORED_GROUPS_FORMAT,
      lineage: result.names.lineage,
      rev: result.names.rev,
      json: JSON.stringify(result.names.groups.map(storedOf)),
    };
    void db.userMeta.put(row as unknown as UserMetaRow).catch(() => undefined);
  }
  return result.names;
}
