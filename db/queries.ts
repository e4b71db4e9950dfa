/**
 * The reads and writes behind the background's answers and the extension pages' views, one
 * function per question, so each can be tested against a database without a browser.
 */
import type { ArticleSummary, CardData, MatcherPayload } from '../lib/messages.ts';
import type { PromiseExtended, Table } from 'dexie';
import type { SerializedMatcher } from '../core/match/automaton.ts';
import { ARTICLE_BUCKETS, ENTITY_BUCKETS, type ArticleRow, type Bucket, type EntityRow, type GazetteerRecord, type LensDatabase, type MatcherRecord } from './database.ts';
import { bucketOf, coverageOf, entityOf, profileOf, unpackCoverage } from './rows.ts';
import { entityLibrary, entityLibraryProfile, NAMES_VERSION_KEY, namesVersionString, ownSummary, userEntities, type NamesVersion } from './library.ts';
import { bundleGroups, hasKeptNames, keepPayload, keptPayload, readerGroups } from './matcher-cache.ts';
import { matcherFromGroups } from '../core/match/cached-names.ts';
import { readImportRecord } from './import.ts';
import { mergeProfile } from '../core/analysis/outlet-naming.ts';
import type { Entity } from '../core/types.ts';
import { CARD_MAX_ARTICLES } from '../lib/constants.ts';
import { parseBaseMap, type BaseMap } from '../core/geo/basemap.ts';

/**
 * The items with these ids (undefined where none), reading each bucket they lie in once. Dexie's
 * own promise, not an async function's: inside a transaction (cardData, a liveQuery) a native
 * promise between two reads can let the transaction commit before the second.
 */
function items<T extends { id: string }>(table: Table<Bucket<T>, number>, buckets: number, ids: readonly string[]): PromiseExtended<(T | undefined)[]> {
  const keys = [...new Set(ids.map((id) => bucketOf(id, buckets)))];
  return table.bulkGet(keys).then((rows) => {
    const byId = new Map<string, T>();
    for (const bucket of rows) for (const x of bucket?.items ?? []) byId.set(x.id, x);
    return ids.map((id) => byId.get(id));
  });
}

export const entitiesById = (db: LensDatabase, ids: readonly string[]) => items(db.entities, ENTITY_BUCKETS, ids);
export const articlesById = (db: LensDatabase, ids: readonly string[]) => items(db.articles, ARTICLE_BUCKETS, ids);

export function entityRow(db: LensDatabase, id: string): PromiseExtended<EntityRow | undefined> {
  return entitiesById(db, [id]).then((rows) => rows[0]);
}

export function articleRow(db: LensDatabase, id: string): PromiseExtended<ArticleRow | undefined> {
  return articlesById(db, [id]).then((rows) => rows[0]);
}

/** Every article (in no particular order). */
export async function allArticleRows(db: LensDatabase): Promise<ArticleRow[]> {
  return (await db.articles.toArray()).flatMap((b) => b.items);
}

/** An article as lists and cards show it: without its text and mentions. */
export function summary(row: ArticleRow): ArticleSummary {
  const { text: _text, mentions: _mentions, ...rest } = row;
  return rest;
}

/**
 * The matcher pages scan with: the bundle's, or, once the reader added names, one compiled from
 * the bundle's entities and theirs (version `bundle+names`, the names' stored version: db/library.ts
 * NamesVersion), compiled when either changed and kept in userMeta so that the next worker reads
 * it ready. In between, this context keeps what it built (db/matcher-cache.ts): with nothing
 * changed a call is two key reads; after the reader adds a name, the compile reads and normalises
 * that name alone (a worker started cold reads the reader's stored name groups, not every name).
 * The payload may be shared between callers: none may change it.
 */
export async function matcherPayload(db: LensDatabase): Promise<MatcherPayload | null> {
  const stamp = (await db.userMeta.get(NAMES_VERSION_KEY)) as NamesVersion | undefined;
  const current = await keptIfCurrent(db, stamp);
  if (current) return current;
  const row = await db.meta.get('matcher');
  if (row?.key !== 'matcher') return null;
  if (stamp?.count === 0) return bundlePayload(db, row);
  if (stamp) {
    const version = `${row.version}+${namesVersionString(stamp)}`;
    const kept = keptPayload(db, version);
    if (kept) return kept;
    // Cold (a new worker, another page): the copy the last compile stored, when it is this one.
    // Warm, compiling the names written since costs less than reading the copy (0.3 MB).
    if (!hasKeptNames(db, stamp.lineage)) {
      const stored = await db.userMeta.get('matcher');
      if (stored?.['version'] === version && typeof stored['json'] === 'string') {
        return keep(db, { version, matcher: JSON.parse(stored['json']) as SerializedMatcher });
      }
    }
  }
  const names = await readerGroups(db);
  if (names.groups.length === 0) return bundlePayload(db, row);
  const version = `${row.version}+${namesVersionString({ ...names, count: names.groups.length })}`;
  const kept = keptPayload(db, version);
  if (kept) return kept;
  const bundled = await bundleGroups(db, row.version, () => bundledEntitiesOf(db, row.version));
  const ownIds = new Set(names.groups.map((g) => g.id));
  // As allEntities: the reader's entity wins an id both have (an edited bundled name); the
  // result is matcherFor(allEntities) (test/db/names-version.test.ts).
  const matcher = matcherFromGroups([...bundled.filter((g) => !ownIds.has(g.id)), ...names.groups]);
  await db.userMeta.put({ key: 'matcher', version, json: JSON.stringify(matcher) });
  return keep(db, { version, matcher });
}

/**
 * The payload this context keeps, when it is still the one to hand: checked against the bundle's
 * version in the import record (a few fields, written in the same transaction as the matcher
 * record: db/import.ts) and the names' version, so that a warm call never reads the matcher
 * record, whose JSON is megabytes for a large bundle. Names stored without a version (`stamp`
 * absent) are not known from a key: then only "no names at all" is.
 */
async function keptIfCurrent(db: LensDatabase, stamp: NamesVersion | undefined): Promise<MatcherPayload | undefined> {
  const imported = await readImportRecord(db);
  if (imported?.state !== 'ready' || imported.bundleVersion === undefined) return undefined;
  const bundle = imported.bundleVersion;
  if (stamp) return keptPayload(db, stamp.count === 0 ? bundle : `${bundle}+${namesVersionString(stamp)}`);
  return (await db.userEntities.count()) === 0 ? keptPayload(db, bundle) : undefined;
}

function keep(db: LensDatabase, payload: MatcherPayload): MatcherPayload {
  keepPayload(db, payload);
  return payload;
}

function bundlePayload(db: LensDatabase, row: MatcherRecord): MatcherPayload {
  return keptPayload(db, row.version) ?? keep(db, { version: row.version, matcher: JSON.parse(row.json) as SerializedMatcher });
}

/**
 * The bundle's entities, and whether they are `version`'s: the import writes the matcher and the
 * gazetteer records together, so they are, but for a database left half-written by other code.
 */
async function bundledEntitiesOf(db: LensDatabase, version: string): Promise<{ entities: Entity[]; ofVersion: boolean }> {
  const record = await readGazetteerRecord(db);
  const entities = record ? (JSON.parse(record.json) as { entities: Entity[] }).entities : [];
  return { entities, ofVersion: record?.version === version };
}

/** The bundle's entities and the reader's (theirs win an id both have: an edited name). */
export async function allEntities(db: LensDatabase, own?: readonly Entity[]): Promise<Entity[]> {
  const record = await readGazetteerRecord(db);
  const bundled = record ? (JSON.parse(record.json) as { entities: Entity[] }).entities : [];
  const mine = own ?? (await userEntities(db));
  const ids = new Set(mine.map((e) => e.id));
  return [...bundled.filter((e) => !ids.has(e.id)), ...mine];
}

/**
 * Everything the entity card shows, or null for an unknown id: the entity's row, then at once the
 * rows of its articles (their text also gives the snippets) and of its parent and related entities.
 */
export async function cardData(db: LensDatabase, entityId: string): Promise<CardData | null> {
  const card = await bundledCardData(db, entityId);
  return card && withLibrary(db, card);
}

/**
 * The reader's own articles that name the card's entity, newest first, ahead of the bundled ones
 * (marked `own`; CardData.library has their totals), and the reader's own entity when the bundle
 * has no entity of that id.
 */
async function withLibrary(db: LensDatabase, card: CardData): Promise<CardData> {
  const lib = await entityLibrary(db, card.entity.id, CARD_MAX_ARTICLES);
  if (lib.articles === 0) return card;
  const byId = new Map(lib.rows.map((r) => [r.id, r]));
  const own = lib.items.filter((i) => byId.has(i.articleId));
  const coverage = card.coverage ?? { entityId: card.entity.id, mentions: 0, articles: [], related: [] };
  card.coverage = {
    ...coverage,
    mentions: coverage.mentions + lib.mentions,
    articles: [...own.map(({ articleId, count, firstAt, snippets }) => ({ articleId, count, firstAt, snippets })), ...coverage.articles],
  };
  for (const item of own) {
    card.articles[item.articleId] = ownSummary(byId.get(item.articleId)!);
  }
  card.library = { articles: lib.articles, mentions: lib.mentions };
  // How outlets name it and when, with the library's articles counted in (issue 14).
  const profile = await entityLibraryProfile(db, card.entity.id);
  if (profile) {
    const merged = mergeProfile({ entityId: card.entity.id, outlets: card.outlets ?? [], timeline: card.timeline ?? [] }, profile);
    card.outlets = merged.outlets;
    card.timeline = merged.timeline;
  }
  return card;
}

async function bundledCardData(db: LensDatabase, entityId: string): Promise<CardData | null> {
  const mine = await db.userEntities.get(entityId);
  return db.transaction('r', [db.entities, db.articles], async () => {
    const row = await entityRow(db, entityId);
    if (!row && !mine) return null;
    // The reader's edit of a bundled entity wins over the bundle's; its coverage stays.
    const entity = mine ?? entityOf(row!);
    const coverage = row && coverageOf(row);
    const relatedIds = coverage?.related.map((r) => r.entityId) ?? [];
    const [articles, others] = await Promise.all([
      articlesById(db, coverage?.articles.map((a) => a.articleId) ?? []),
      entitiesById(db, entity.parent ? [entity.parent, ...relatedIds] : relatedIds),
    ]);
    const texts = new Map<string, string>();
    const card: CardData = { entity, coverage: undefined, articles: {}, related: [], ...profileOf(coverage) };
    for (const a of articles) {
      if (!a) continue;
      texts.set(a.id, a.text);
      card.articles[a.id] = summary(a);
    }
    if (coverage) card.coverage = unpackCoverage(coverage, (id) => texts.get(id));
    const parentRow = entity.parent ? others.shift() : undefined;
    const parent = parentRow && entityOf(parentRow);
    if (parent) card.parent = { id: parent.id, name: parent.name, nameEn: parent.nameEn };
    if (parent?.coords) card.parent!.coords = parent.coords;
    coverage?.related.forEach((r, i) => {
      const other = others[i];
      const e = other && entityOf(other);
      if (e) card.related.push({ id: e.id, name: e.name, nameEn: e.nameEn, kind: e.kind, count: r.count });
    });
    return card;
  });
}

/** The search's record (db/rows.ts `gazetteerRecord`; its data is JSON), or null before the first import. */
export async function readGazetteerRecord(db: LensDatabase): Promise<GazetteerRecord | null> {
  const row = await db.meta.get('gazetteer');
  return row?.key === 'gazetteer' ? row : null;
}

/** The locator map's base map, or null when the stored bundle has none. */
export async function baseMap(db: LensDatabase): Promise<BaseMap | null> {
  const row = await db.meta.get('basemap');
  return row?.key === 'basemap' ? parseBaseMap(JSON.parse(row.json)) : null;
}

/** Sites are on unless the reader switched them off. */
export async function siteEnabled(db: LensDatabase, host: string): Promise<boolean> {
  return (await db.sites.get(host))?.enabled ?? true;
}

/** Every host the reader switched off. */
export async function disabledHosts(db: LensDatabase): Promise<string[]> {
  const sites = await db.sites.toArray();
  return sites.filter((s) => !s.enabled).map((s) => s.host);
}

export async function setSiteEnabled(db: LensDatabase, host: string, enabled: boolean): Promise<boolean> {
  await db.sites.put({ host, enabled, updatedAt: Date.now() });
  return enabled;
}
