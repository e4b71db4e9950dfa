/**
 * The reader's own library (issue 13): articles they saved or imported, and names they added.
 * Everything here lives in the user tables (db/database.ts USER_TABLES), which no bundled import
 * clears or writes. Callers detect the mentions first (core/library/document.ts, with the matcher
 * of the moment) and hand the documents in; each call writes in one transaction, so a full disk
 * or a closed browser leaves either the whole call stored or none of it.
 *
 * Reads are by key: an entity's articles come from libraryCoverage's [entityId+date+articleId]
 * key (newest first, counted without reading them), totals from one record (`totals`).
 */
import { libraryDocument, type LibraryDocument } from '../core/library/document.ts';
import type { LibraryInput } from '../core/library/input.ts';
import type { Matcher } from '../core/match/automaton.ts';
import { mergeProfile, type EntityProfile } from '../core/analysis/outlet-naming.ts';
import type { Article, Entity } from '../core/types.ts';
import { hashString } from '../core/util/hash.ts';
import { tally } from '../core/util/tally.ts';
import { indexTexts, unindexArticles } from './library-words.ts';
import type { LensDatabase, LibraryCoverageRow, LibraryRow, LibraryTextRow, UserMetaRow } from './database.ts';
import { packMentions } from './rows.ts';

/** Per entity, how many library articles name it and how often: one record, kept with every write. */
export interface LibraryTotals {
  key: 'totals';
  byEntity: Record<string, { articles: number; mentions: number }>;
}

/** Above every date and article id (both plain strings) in a key range. */
const MAX_STRING = '\uffff';

export type AddStatus = 'added' | 'duplicate';

export interface AddResult {
  /** The stored article: the new one, or the one this input duplicates. */
  id: string;
  status: AddStatus;
  title: string;
  /** Distinct entities the article names. */
  names: number;
}

export interface AddOptions {
  origin: LibraryRow['origin'];
  importId?: string;
  now?: number;
  /** Per document, its own origin and time added (a restored backup keeps them). */
  each?: readonly { origin: LibraryRow['origin']; addedAt: number }[];
}

/** Everything stored of one article, as removeFromLibrary hands it back for undo. */
export interface StoredArticle {
  row: LibraryRow;
  text: LibraryTextRow;
  coverage: LibraryCoverageRow[];
}

/** Articles written per request by addToLibrary (one transaction whatever their number). */
const WRITE_PIECE = 50;

/** The tables a write to the library touches (a caller's own transaction around addToLibrary takes them all). */
export const libraryTables = (db: LensDatabase) => [db.library, db.libraryTexts, db.libraryCoverage, db.userMeta, db.libraryWords];

async function readTotals(db: LensDatabase): Promise<LibraryTotals> {
  const row = await db.userMeta.get('totals');
  return row && row.key === 'totals' ? (row as unknown as LibraryTotals) : { key: 'totals', byEntity: {} };
}

function addToTotals(totals: LibraryTotals, counts: Record<string, number>, sign: 1 | -1): void {
  for (const [entityId, n] of Object.entries(counts)) {
    const t = totals.byEntity[entityId] ?? { articles: 0, mentions: 0 };
    t.articles += sign;
    t.mentions += sign * n;
    if (t.articles <= 0) delete totals.byEntity[entityId];
    else totals.byEntity[entityId] = t;
  }
}

function storedOf(doc: LibraryDocument, options: AddOptions): StoredArticle {
  const { text, ...meta } = doc.article;
  const row: LibraryRow = {
    ...meta,
    fingerprint: doc.fingerprint,
    counts: tally(doc.mentions.map((m) => m.entityId)),
    origin: options.origin,
    addedAt: options.now ?? Date.now(),
  };
  if (options.importId) row.importId = options.importId;
  return {
    row,
    text: { id: row.id, text, mentions: JSON.stringify(packMentions(doc.mentions)) },
    coverage: doc.coverage.map((c) => ({
      entityId: c.entityId,
      date: row.date,
      articleId: row.id,
      count: c.count,
      firstAt: c.firstAt,
      snippets: c.snippets,
      ...(c.profile ? { profile: c.profile } : {}),
    })),
  };
}

/** Documents for `inputs`, their mentions found by `matcher` (core/library/document.ts). */
export function documentsOf(inputs: readonly LibraryInput[], matcher: Matcher): LibraryDocument[] {
  return inputs.map((input) => libraryDocument(input, matcher));
}

/**
 * Store `docs` in one transaction. A document whose id (its canonical URL), URL or text
 * fingerprint is already in the library, or earlier in `docs`, is not stored again: its result
 * names the article it duplicates.
 */
export async function addToLibrary(db: LensDatabase, docs: readonly LibraryDocument[], options: AddOptions): Promise<AddResult[]> {
  return db.transaction('rw', libraryTables(db), async () => {
    const totals = await readTotals(db);
    const before = new Set(Object.keys(totals.byEntity));
    const results: AddResult[] = [];
    const fresh: StoredArticle[] = [];
    const seen = new Map<string, string>();
    // What is stored already, looked up for all the documents at once: three requests, not three
    // a document (an imported file of 1,000 articles waited seconds on one-by-one look-ups).
    const urls = docs.flatMap((d) => (d.article.url !== undefined ? [d.article.url] : []));
    const [byId, byUrl, byFingerprint] = await Promise.all([
      db.library.bulkGet(docs.map((d) => d.article.id)),
      urls.length > 0 ? db.library.where('url').anyOf(urls).toArray() : Promise.resolve([]),
      db.library.where('fingerprint').anyOf(docs.map((d) => d.fingerprint)).toArray(),
    ]);
    const storedUrl = new Map(byUrl.map((r) => [r.url, r.id]));
    const storedFingerprint = new Map(byFingerprint.map((r) => [r.fingerprint, r.id]));
    for (const [i, doc] of docs.entries()) {
      const a = doc.article;
      const existing =
        seen.get(a.id) ??
        seen.get(doc.fingerprint) ??
        (a.url !== undefined ? seen.get(a.url) : undefined) ??
        byId[i]?.id ??
        (a.url !== undefined ? storedUrl.get(a.url) : undefined) ??
        storedFingerprint.get(doc.fingerprint);
      if (existing !== undefined) {
        results.push({ id: existing, status: 'duplicate', title: a.headline, names: doc.coverage.length });
        continue;
      }
      for (const k of [a.id, doc.fingerprint, a.url]) if (k !== undefined) seen.set(k, a.id);
      const own = options.each?.[i];
      const stored = storedOf(doc, own ? { ...options, origin: own.origin, now: own.addedAt } : options);
      fresh.push(stored);
      addToTotals(totals, stored.row.counts, 1);
      results.push({ id: a.id, status: 'added', title: a.headline, names: doc.coverage.length });
    }
    // In pieces of WRITE_PIECE articles: each bulkPut copies its rows on the caller's thread, and
    // the page importing a file of 1,000 articles (~8 MB) must get its turn between pieces.
    for (let i = 0; i < fresh.length; i += WRITE_PIECE) {
      const piece = fresh.slice(i, i + WRITE_PIECE);
      await db.library.bulkPut(piece.map((s) => s.row));
      await db.libraryTexts.bulkPut(piece.map((s) => s.text));
      await db.libraryCoverage.bulkPut(piece.flatMap((s) => s.coverage));
      await indexTexts(db, piece.map((s) => s.text));
    }
    if (fresh.length > 0) {
      await db.userMeta.put(totals as never);
      await updateProfiles(db, before, fresh, []);
    }
    return results;
  });
}

/** Remove articles; what was stored comes back, for undo (restoreToLibrary). */
export async function removeFromLibrary(db: LensDatabase, ids: readonly string[]): Promise<StoredArticle[]> {
  return db.transaction('rw', libraryTables(db), async () => {
    const totals = await readTotals(db);
    const removed: StoredArticle[] = [];
    const rows = await db.library.bulkGet([...ids]);
    const texts = await db.libraryTexts.bulkGet([...ids]);
    for (let i = 0; i < ids.length; i++) {
      const row = rows[i];
      if (!row) continue;
      const coverage = await db.libraryCoverage.where('articleId').equals(row.id).toArray();
      removed.push({ row, text: texts[i] ?? { id: row.id, text: '', mentions: '[]' }, coverage });
      addToTotals(totals, row.counts, -1);
    }
    const gone = removed.map((r) => r.row.id);
    await db.library.bulkDelete(gone);
    await db.libraryTexts.bulkDelete(gone);
    await db.libraryCoverage.where('articleId').anyOf(gone).delete();
    await unindexArticles(db, gone);
    await db.userMeta.put(totals as never);
    await updateProfiles(db, new Set(), [], removed.flatMap((r) => Object.keys(r.row.counts)));
    return removed;
  });
}

/** Put removed articles back as they were (undo). An article stored again since is left as it is. */
export async function restoreToLibrary(db: LensDatabase, removed: readonly StoredArticle[]): Promise<void> {
  await db.transaction('rw', libraryTables(db), async () => {
    const totals = await readTotals(db);
    const present = await db.library.bulkGet(removed.map((r) => r.row.id));
    const back = removed.filter((_, i) => !present[i]);
    for (const r of back) addToTotals(totals, r.row.counts, 1);
    await db.library.bulkPut(back.map((r) => r.row));
    await db.libraryTexts.bulkPut(back.map((r) => r.text));
    await db.libraryCoverage.bulkPut(back.flatMap((r) => r.coverage));
    await indexTexts(db, back.map((r) => r.text));
    await db.userMeta.put(totals as never);
    await updateProfiles(db, new Set(), [], back.flatMap((r) => Object.keys(r.row.counts)));
  });
}

/** A library row as lists and cards show it: the article's metadata, marked `own`. */
export function ownSummary(row: LibraryRow): Omit<Article, 'text'> {
  const { fingerprint: _f, counts: _c, origin: _o, importId: _i, addedAt: _a, ...article } = row;
  return article;
}

/** The library, newest added first. */
export async function libraryRows(db: LensDatabase): Promise<LibraryRow[]> {
  return db.library.orderBy('addedAt').reverse().toArray();
}

export async function libraryText(db: LensDatabase, id: string): Promise<LibraryTextRow | undefined> {
  return db.libraryTexts.get(id);
}

export interface EntityLibrary {
  /** Library articles naming the entity, and its mentions in them. */
  articles: number;
  mentions: number;
  /** The newest `limit` of them (by date, then id), with what the card shows. */
  items: LibraryCoverageRow[];
  rows: LibraryRow[];
}

/** What the library says about one entity: totals, and its newest `limit` articles. */
export async function entityLibrary(db: LensDatabase, entityId: string, limit: number): Promise<EntityLibrary> {
  const totals = (await readTotals(db)).byEntity[entityId];
  if (!totals) return { articles: 0, mentions: 0, items: [], rows: [] };
  const items = await db.libraryCoverage
    .where('[entityId+date+articleId]')
    .between([entityId, '', ''], [entityId, MAX_STRING, MAX_STRING], true, true)
    .reverse()
    .limit(limit)
    .toArray();
  const rows = (await db.library.bulkGet(items.map((i) => i.articleId))).filter((r): r is LibraryRow => r !== undefined);
  return { articles: totals.articles, mentions: totals.mentions, items, rows };
}

/**
 * The profile of an entity's library articles (how their outlets name it, its library timeline),
 * kept per entity in userMeta: a save merges its articles' parts into the entities they name (one
 * read and write per entity, not per article); a removal, an undo or a rescan drops the entities
 * it touched, which the next card rebuilds from their rows (entityLibraryProfile).
 */
interface ProfileCache {
  key: string;
  profile: EntityProfile | null;
}

const profileKey = (entityId: string) => `profile:${entityId}`;

/**
 * Keep the per-entity profiles in step with a write, in its transaction. `before`: the entities
 * that had library articles before `added` (an entity new to the library starts from its parts);
 * `dropped`: entities whose profile is no longer right.
 */
async function updateProfiles(db: LensDatabase, before: ReadonlySet<string>, added: readonly StoredArticle[], dropped: Iterable<string>): Promise<void> {
  const gone = new Set(dropped);
  if (gone.size > 0) await db.userMeta.bulkDelete([...gone].map(profileKey));
  const parts = new Map<string, EntityProfile>();
  for (const s of added) {
    for (const c of s.coverage) {
      if (!c.profile || gone.has(c.entityId)) continue;
      const sofar = parts.get(c.entityId);
      parts.set(c.entityId, sofar ? mergeProfile(sofar, c.profile) : c.profile);
    }
  }
  if (parts.size === 0) return;
  const ids = [...parts.keys()];
  const cached = (await db.userMeta.bulkGet(ids.map(profileKey))) as (ProfileCache | undefined)[];
  const writes: ProfileCache[] = [];
  ids.forEach((id, i) => {
    const part = parts.get(id)!;
    const old = cached[i];
    if (!before.has(id)) writes.push({ key: profileKey(id), profile: part });
    else if (old) writes.push({ key: profileKey(id), profile: old.profile ? mergeProfile(old.profile, part) : part });
    // Otherwise the entity's profile was dropped before: the next card rebuilds it whole.
  });
  await db.userMeta.bulkPut(writes as unknown as UserMetaRow[]);
}

/**
 * How the outlets of the reader's library name an entity, and its library coverage by date: its
 * kept profile, or, when a removal or rescan dropped it, every library article's part merged
 * again (libraryCoverage rows) and kept.
 */
export async function entityLibraryProfile(db: LensDatabase, entityId: string): Promise<EntityProfile | null> {
  const key = profileKey(entityId);
  const cached = (await db.userMeta.get(key)) as ProfileCache | undefined;
  if (cached) return cached.profile;
  const rows = await db.libraryCoverage
    .where('[entityId+date+articleId]')
    .between([entityId, '', ''], [entityId, MAX_STRING, MAX_STRING], true, true)
    .toArray();
  if (rows.length === 0) return null;
  let profile: EntityProfile | null = null;
  for (const r of rows) if (r.profile) profile = profile ? mergeProfile(profile, r.profile) : r.profile;
  await db.userMeta.put({ key, profile } satisfies ProfileCache);
  return profile;
}

/** Every library article's entity counts (the side panel's source list, the gazetteer's mentions). */
export async function libraryTotals(db: LensDatabase): Promise<LibraryTotals['byEntity']> {
  return (await readTotals(db)).byEntity;
}

// ---------------------------------------------------------------------------------------------
// The reader's names

/** Every name the reader added. */
export async function userEntities(db: LensDatabase): Promise<Entity[]> {
  return db.userEntities.toArray();
}

/** userMeta key of the reader's names' version (NamesVersion). */
export const NAMES_VERSION_KEY = 'namesVersion';

/**
 * The version of the reader's names, stored with them: every write of userEntities (put, delete,
 * an undo's put, a backup's names) bumps it in its own transaction, so "did the names change?" is
 * one key read, not a read and hash of all of them (7–13 ms for 5,000 names on every call).
 */
export interface NamesVersion {
  key: typeof NAMES_VERSION_KEY;
  /**
   * Made when the first version is written: a database deleted and made again, or another
   * profile, never reaches an equal version with other names (rev alone would restart at 1).
   */
  lineage: string;
  /** 1 at the first write, one more at each. */
  rev: number;
  /** Names stored after the write (0: pages scan with the bundle's matcher alone). */
  count: number;
  /**
   * The last NAMES_CHANGES_KEPT writes, oldest first, with the ids each wrote (null: more than
   * NAMES_CHANGE_MAX_IDS): a reader of rev n reads only the names written since, if all listed.
   */
  changes: { rev: number; ids: string[] | null }[];
}

const NAMES_CHANGES_KEPT = 32;
const NAMES_CHANGE_MAX_IDS = 256;

/** The version as a string: `lineage.rev`, '' with no names. */
export const namesVersionString = (v: Pick<NamesVersion, 'lineage' | 'rev' | 'count'>): string => (v.count === 0 ? '' : `${v.lineage}.${v.rev}`);

function newLineage(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID().slice(0, 13) : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Bump the version after writing `ids` (null: any number); inside a rw transaction on both tables. */
async function bumpNamesVersion(db: LensDatabase, ids: readonly string[] | null): Promise<void> {
  const old = (await db.userMeta.get(NAMES_VERSION_KEY)) as NamesVersion | undefined;
  const count = await db.userEntities.count();
  const rev = (old?.rev ?? 0) + 1;
  const change = { rev, ids: ids && ids.length <= NAMES_CHANGE_MAX_IDS ? [...ids] : null };
  const next: NamesVersion = {
    key: NAMES_VERSION_KEY,
    lineage: old?.lineage ?? newLineage(),
    rev,
    count,
    changes: [...(old?.changes ?? []), change].slice(-NAMES_CHANGES_KEPT),
  };
  await db.userMeta.put(next as unknown as UserMetaRow);
}

const namesTables = (db: LensDatabase) => [db.userEntities, db.userMeta];

export async function putUserEntity(db: LensDatabase, entity: Entity): Promise<void> {
  await putUserEntities(db, [entity]);
}

/** Several names in one transaction and one version (a backup's names). */
export async function putUserEntities(db: LensDatabase, entities: readonly Entity[]): Promise<void> {
  if (entities.length === 0) return;
  await db.transaction('rw', namesTables(db), async () => {
    await db.userEntities.bulkPut(entities.map((e) => ({ ...e, own: true as const })));
    await bumpNamesVersion(db, entities.map((e) => e.id));
  });
}

export async function deleteUserEntity(db: LensDatabase, id: string): Promise<Entity | undefined> {
  return db.transaction('rw', namesTables(db), async () => {
    const entity = await db.userEntities.get(id);
    await db.userEntities.delete(id);
    // Deleting a name that is not there changes nothing (a second click, an undo raced).
    if (entity) await bumpNamesVersion(db, [id]);
    return entity;
  });
}

/**
 * The stored version of the reader's names. Names stored before versions were (or written around
 * putUserEntity, as the benchmarks' setup does) get one from a hash of them, as every version was
 * made before: correct, not cheap, until the next write stores a version.
 */
export async function readNamesVersion(db: LensDatabase): Promise<NamesVersion> {
  return db.transaction('r', namesTables(db), async () => {
    const row = (await db.userMeta.get(NAMES_VERSION_KEY)) as NamesVersion | undefined;
    if (row) return row;
    const own = await db.userEntities.toArray();
    return { key: NAMES_VERSION_KEY, lineage: `h${userEntitiesVersion(own)}`, rev: 0, count: own.length, changes: [] };
  });
}

/** A version of the reader's names: changes whenever one is added, edited or deleted. */
export function userEntitiesVersion(entities: readonly Entity[]): string {
  return entities.length === 0 ? '' : hashString(JSON.stringify([...entities].sort((a, b) => (a.id < b.id ? -1 : 1))));
}

// ---------------------------------------------------------------------------------------------
// Rescanning after the names changed

/** Library articles read and rewritten per transaction while rescanning. */
const RESCAN_BATCH = 50;

/**
 * Find the mentions of every library article again with `matcher` (after the reader added, edited
 * or deleted a name), batch by batch: each batch rewrites its articles' mentions, coverage and the
 * totals in one transaction, so an interrupted rescan leaves every article consistent, some old.
 */
export async function rescanLibrary(db: LensDatabase, matcher: Matcher, onProgress?: (done: number, total: number) => void): Promise<number> {
  const ids = (await db.library.toCollection().primaryKeys()) as string[];
  let done = 0;
  for (let i = 0; i < ids.length; i += RESCAN_BATCH) {
    const batch = ids.slice(i, i + RESCAN_BATCH);
    await db.transaction('rw', libraryTables(db), async () => {
      const totals = await readTotals(db);
      const rows = await db.library.bulkGet(batch);
      const texts = await db.libraryTexts.bulkGet(batch);
      const rewritten: StoredArticle[] = [];
      const touched = new Set<string>();
      rows.forEach((row, k) => {
        const text = texts[k];
        if (!row || !text) return;
        const doc = libraryDocument(
          {
            title: row.headline,
            outlet: row.outlet,
            ...(row.url ? { url: row.url } : {}),
            ...(row.date ? { date: row.date } : {}),
            dateEstimated: row.dateEstimated,
            language: row.language,
            text: text.text,
            origin: row.origin,
          },
          matcher,
          row.id,
        );
        const stored = storedOf(doc, { origin: row.origin, now: row.addedAt });
        addToTotals(totals, row.counts, -1);
        addToTotals(totals, stored.row.counts, 1);
        for (const e of [...Object.keys(row.counts), ...Object.keys(stored.row.counts)]) touched.add(e);
        rewritten.push({ ...stored, row: { ...row, counts: stored.row.counts } });
      });
      await db.libraryCoverage.where('articleId').anyOf(batch).delete();
      await db.library.bulkPut(rewritten.map((r) => r.row));
      await db.libraryTexts.bulkPut(rewritten.map((r) => r.text));
      await db.libraryCoverage.bulkPut(rewritten.flatMap((r) => r.coverage));
      await db.userMeta.put(totals as never);
      await updateProfiles(db, new Set(), [], touched);
    });
    done += batch.length;
    onProgress?.(done, ids.length);
  }
  return ids.length;
}
