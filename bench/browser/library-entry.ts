/**
 * Runs inside a Chromium page (bundled by esbuild in bench/library.bench.ts): the reader's library
 * at scale (issue 13's targets) with the extension's own code — db/import.ts, db/library.ts,
 * db/queries.ts (cardData, matcherPayload), lib/ui-data.ts (gazetteer search) and the content
 * script's loadMatcher — against Chromium's real IndexedDB.
 *
 * Order: the packaged bundle imported; the reader's names stored; the first 1,000 articles added
 * through addToLibrary in batches (the import target); one name added (matcher rebuild, load,
 * rescan: the add-name target); the rest of the articles added; then card look-ups, search and
 * the matcher load at full size.
 */
import { loadMatcher, type Matcher } from '../../core/match/automaton.ts';
import type { Bundle, Entity } from '../../core/types.ts';
import type { LibraryInput } from '../../core/library/input.ts';
import { closeDatabase, openDatabase } from '../../db/database.ts';
import { importBundle } from '../../db/import.ts';
import { addToLibrary, documentsOf, libraryTotals, putUserEntities, putUserEntity, rescanLibrary } from '../../db/library.ts';
import { forgetMatcherCache } from '../../db/matcher-cache.ts';
import { cardData, matcherPayload } from '../../db/queries.ts';
import { gazetteer } from '../../lib/ui-data.ts';
import { normaliseKey } from '../../core/arabic/normalise.ts';
import { queryWords, searchTexts } from '../../lib/library-list.ts';
import type { LensDatabase } from '../../db/database.ts';
import { seededRandom } from './synthetic.ts';

export interface LibraryBenchInput {
  bundle: Bundle;
  own: Entity[];
  /** One more reader's name, added with the library at `addAt` articles. */
  added: Entity;
  articles: LibraryInput[];
  addAt: number;
  batch: number;
  lookups: number;
  searches: number;
  /** Runs of each kind of matcher rebuild (RebuildRuns). */
  rebuilds: number;
  /** Search queries: prefixes of bundled and reader's names. */
  queries: string[];
  /** The library page's search of the texts: words of the articles, one or two a query. */
  textQueries: string[];
  /** How many of them also run the way the search ran before the word index (every text read). */
  scanQueries: number;
}

export interface MatcherLoad {
  /** matcherPayload: compile of bundle + reader's names (first call after a change). */
  compileMs: number;
  /** matcherPayload again: the stored copy read and parsed. */
  cachedMs: number;
  /** loadMatcher as the content script builds it, per run. */
  loadMs: number[];
  jsonChars: number;
  patterns: number;
  states: number;
}

/**
 * matcherPayload after an edit of a name, run after run (ms each): `warm` with this context's
 * kept bundle and names (a background that stayed up), `unchanged` the call after it, `cold`
 * after forgetting them (a worker woken by the change: the bundle, the stored name groups and
 * the names written since),
 * `coldStored` a cold call with nothing changed (a worker's start: the stored copy).
 */
export interface RebuildRuns {
  warm: number[];
  unchanged: number[];
  cold: number[];
  coldStored: number[];
  /** Parts of the cold rebuild in this page's IndexedDB, ms each run: every name read, the stored copy read, it written. */
  parts: { readNames: number[]; readStored: number[]; writeStored: number[] };
}

export interface LibraryBenchResult {
  ownNames: number;
  importFirst: { articles: number; bytes: number; ms: number; detectMs: number; maxBatchMs: number; batches: number; added: number };
  initialMatcher: MatcherLoad;
  addName: { putMs: number; matcher: MatcherLoad; rebuild: RebuildRuns; rescanMs: number; rescanned: number; found: boolean };
  importRest: { articles: number; ms: number };
  fullMatcher: MatcherLoad;
  /** coldMs: every bundled entity once, first card after the import; ms: the look-ups after. */
  card: { coldMs: number[]; ms: number[]; topMs: number[]; topEntity: string; topArticles: number; topColdMs: number };
  search: { buildMs: number; firstMs: number; ms: number[] };
  /** Library text search: through the word index, and by reading every text (as before it). */
  textSearch: { ms: number[]; hits: number[]; scanMs: number[]; scanHits: number[]; indexRows: number };
  usageBytes: number;
}

/** The library page's text search before the word index (lib/library-list.ts until 3 Dec 2026): every text read per query, 100 at a time. */
async function scanTexts(db: LensDatabase, query: string): Promise<Set<string>> {
  const words = queryWords(query);
  const hits = new Set<string>();
  let after: string | undefined;
  for (;;) {
    const chunk = await (after === undefined ? db.libraryTexts.orderBy('id') : db.libraryTexts.where('id').above(after)).limit(100).toArray();
    if (chunk.length === 0) return hits;
    for (const t of chunk) {
      const text = normaliseKey(t.text);
      if (words.every((w) => text.includes(w))) hits.add(t.id);
    }
    after = chunk[chunk.length - 1]!.id;
    await new Promise((r) => setTimeout(r, 0));
  }
}

const now = () => performance.now();

async function deleteDb(name: string): Promise<void> {
  closeDatabase(name);
  await new Promise<void>((resolve, reject) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error);
    r.onblocked = () => resolve();
  });
}

async function measureMatcher(db: ReturnType<typeof openDatabase>, loads: number): Promise<{ load: MatcherLoad; matcher: Matcher }> {
  let t = now();
  const payload = (await matcherPayload(db))!;
  const compileMs = now() - t;
  t = now();
  await matcherPayload(db);
  const cachedMs = now() - t;
  const loadMs: number[] = [];
  let matcher!: Matcher;
  for (let i = 0; i < loads; i++) {
    t = now();
    // The content script's loadMatcher(withoutKinds(source, hidden)); nothing hidden by default, and
    // lib/settings.ts needs the extension's storage API, which this page does not have.
    matcher = loadMatcher(payload.matcher);
    loadMs.push(now() - t);
  }
  const jsonChars = JSON.stringify(payload.matcher).length;
  return { load: { compileMs, cachedMs, loadMs, jsonChars, patterns: payload.matcher.patterns.length, states: matcher.stateCount }, matcher };
}

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = now();
  await f();
  return now() - t;
}

async function rebuildRuns(db: ReturnType<typeof openDatabase>, name: Entity, runs: number): Promise<RebuildRuns> {
  const r: RebuildRuns = { warm: [], unchanged: [], cold: [], coldStored: [], parts: { readNames: [], readStored: [], writeStored: [] } };
  for (let i = 0; i < runs; i++) {
    await putUserEntity(db, { ...name, description: `edit ${i}` });
    r.warm.push(await timed(() => matcherPayload(db)));
    r.unchanged.push(await timed(() => matcherPayload(db)));
  }
  for (let i = 0; i < runs; i++) {
    forgetMatcherCache();
    await putUserEntity(db, { ...name, description: `cold edit ${i}` });
    r.cold.push(await timed(() => matcherPayload(db)));
    forgetMatcherCache();
    r.coldStored.push(await timed(() => matcherPayload(db)));
    r.parts.readNames.push(await timed(() => db.userEntities.toArray()));
    let stored: Record<string, unknown> | undefined;
    r.parts.readStored.push(await timed(async () => (stored = await db.userMeta.get('matcher'))));
    r.parts.writeStored.push(await timed(() => db.userMeta.put({ ...stored!, key: 'matcher' })));
  }
  await putUserEntity(db, name);
  return r;
}

async function addArticles(
  db: ReturnType<typeof openDatabase>,
  inputs: readonly LibraryInput[],
  batch: number,
  matcher: Matcher,
): Promise<{ ms: number; detectMs: number; maxBatchMs: number; batches: number; added: number }> {
  const start = now();
  let detectMs = 0;
  let maxBatchMs = 0;
  let batches = 0;
  let added = 0;
  for (let i = 0; i < inputs.length; i += batch) {
    const t = now();
    const docs = documentsOf(inputs.slice(i, i + batch), matcher);
    const d = now();
    detectMs += d - t;
    const results = await addToLibrary(db, docs, { origin: 'imported', importId: 'bench' });
    added += results.filter((r) => r.status === 'added').length;
    maxBatchMs = Math.max(maxBatchMs, now() - t);
    batches++;
  }
  return { ms: now() - start, detectMs, maxBatchMs, batches, added };
}

async function run(input: LibraryBenchInput): Promise<LibraryBenchResult> {
  const name = 'bench-library';
  await deleteDb(name);
  const before = (await navigator.storage.estimate()).usage ?? 0;
  const setup = openDatabase(name, { relaxed: true });
  await importBundle(setup, input.bundle);
  // As the product stores them (one transaction, with their version: db/library.ts NamesVersion).
  await putUserEntities(setup, input.own);
  closeDatabase(name);

  // The background's connection (default durability, as it writes the library).
  const db = openDatabase(name);
  const initial = await measureMatcher(db, 10);

  const first = input.articles.slice(0, input.addAt);
  const bytes = new TextEncoder().encode(first.map((a) => a.text).join('')).length;
  const importFirst = { articles: first.length, bytes, ...(await addArticles(db, first, input.batch, initial.matcher)) };

  // Add a name: store it, rebuild the matcher, load it as a page would, rescan the library.
  let t = now();
  await putUserEntity(db, input.added);
  const putMs = now() - t;
  const afterAdd = await measureMatcher(db, 5);
  const rebuild = await rebuildRuns(db, input.added, input.rebuilds);
  t = now();
  const rescanned = await rescanLibrary(db, afterAdd.matcher);
  const rescanMs = now() - t;
  const found = ((await libraryTotals(db))[input.added.id]?.articles ?? 0) > 0;

  const rest = input.articles.slice(input.addAt);
  const importRest = { articles: rest.length, ms: (await addArticles(db, rest, input.batch, afterAdd.matcher)).ms };
  closeDatabase(name);

  // Read side, on a fresh connection: card look-ups, search, the matcher at full size.
  const reader = openDatabase(name);
  const full = await measureMatcher(reader, 20);
  const totals = await libraryTotals(reader);
  const covered = Object.entries(totals).sort((a, b) => b[1].articles - a[1].articles);
  const [topEntity, top] = covered[0]!;
  const topCold = now();
  await cardData(reader, topEntity);
  const topColdMs = now() - topCold;
  const rnd = seededRandom(13);
  const ids = input.bundle.entities.map((e) => e.id);
  // The first card of each entity after the library changed: entityLibraryProfile reads all of
  // the entity's coverage rows once and caches the merged profile until the next write.
  const coldMs: number[] = [];
  for (const id of ids) {
    const s = now();
    await cardData(reader, id);
    coldMs.push(now() - s);
  }
  const cardMs: number[] = [];
  for (let i = 0; i < input.lookups; i++) {
    // Half the look-ups from the 20 most-covered entities (the ones readers hover most), half any.
    const id = i % 2 === 0 ? covered[Math.floor(rnd() * Math.min(20, covered.length))]![0] : ids[Math.floor(rnd() * ids.length)]!;
    const s = now();
    const card = await cardData(reader, id);
    cardMs.push(now() - s);
    if (!card) throw new Error(`no card for ${id}`);
  }
  const topMs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const s = now();
    await cardData(reader, topEntity);
    topMs.push(now() - s);
  }

  t = now();
  const gaz = await gazetteer(reader);
  const buildMs = now() - t;
  t = now();
  gaz.index.search(input.queries[0]!, 10);
  const firstMs = now() - t;
  const searchMs: number[] = [];
  for (let i = 0; i < input.searches; i++) {
    const q = input.queries[(i + 1) % input.queries.length]!;
    const s = now();
    gaz.index.search(q, 10);
    searchMs.push(now() - s);
  }
  const textMs: number[] = [];
  const textHits: number[] = [];
  for (const q of input.textQueries) {
    const s = now();
    const hits = await searchTexts(reader, q, new AbortController().signal);
    textMs.push(now() - s);
    textHits.push(hits?.size ?? -1);
  }
  const scanMs: number[] = [];
  const scanHits: number[] = [];
  for (const q of input.textQueries.slice(0, input.scanQueries)) {
    const s = now();
    const hits = await scanTexts(reader, q);
    scanMs.push(now() - s);
    scanHits.push(hits.size);
  }
  const indexRows = await reader.libraryWords.count();
  closeDatabase(name);
  const usageBytes = ((await navigator.storage.estimate()).usage ?? 0) - before;
  await deleteDb(name);
  return {
    ownNames: input.own.length,
    importFirst,
    initialMatcher: initial.load,
    addName: { putMs, matcher: afterAdd.load, rebuild, rescanMs, rescanned, found },
    importRest,
    fullMatcher: full.load,
    card: { coldMs, ms: cardMs, topMs, topEntity, topArticles: top.articles, topColdMs },
    search: { buildMs, firstMs, ms: searchMs },
    textSearch: { ms: textMs, hits: textHits, scanMs, scanHits, indexRows },
    usageBytes,
  };
}

(globalThis as unknown as { khabarLibraryBench: unknown }).khabarLibraryBench = { run };
