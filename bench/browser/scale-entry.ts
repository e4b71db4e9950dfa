/**
 * Runs inside a Chromium page (bundled by esbuild in browser.bench.ts): the extension's own import,
 * query and matcher code (db/import.ts, db/queries.ts, lib/ui-data.ts's search, core/match/automaton.ts), on a bundle
 * fetched from the fixture server, against Chromium's real IndexedDB, with the same relaxed
 * durability the background's import uses.
 */
import { compileMatcher, DENSE_TABLE_LIMIT, loadMatcher, type MatcherName } from '../../core/match/automaton.ts';
import type { Bundle } from '../../core/types.ts';
import { closeDatabase, openDatabase } from '../../db/database.ts';
import { BUNDLED_TABLES } from '../../db/database.ts';
import { importBundle, parseBundle } from '../../db/import.ts';
import { articleRows, entityRows, gazetteerRecord } from '../../db/rows.ts';
import { cardData } from '../../db/queries.ts';
import { gazetteer } from '../../lib/ui-data.ts';
import { seededRandom } from './synthetic.ts';

export interface ScaleResult {
  fetchMs: number;
  parseMs: number;
  importMs: number;
  /** Where the import's time went: each table's batches, then the last transaction (matcher, search record, 'ready'). */
  importSteps: { entities: number; articles: number; last: number };
  /** structuredClone of each table's rows and of the search record in the page: the serialising share of a write. */
  cloneMs: { entities: number; articles: number; gazetteer: number };
  rows: number;
  usageBefore: number;
  usageAfter: number;
  cardMs: number[];
  /** Reading the search's record and indexing it, once per bundle version (lib/ui-data.ts gazetteer). */
  gazetteerMs: number;
  /** The first query also sorts the index's keys. */
  firstSearchMs: number;
  searchMs: number[];
  searchSkipped?: string;
  compileMs: number;
  patterns: number;
  dense?: { loadMs: number; states: number; bytes: number } | { skipped: string };
  sparse: { loadMs: number; states: number; bytes: number };
  scanMBps: number;
}

async function deleteDb(name: string): Promise<void> {
  closeDatabase(name);
  await new Promise<void>((resolve, reject) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error);
    r.onblocked = () => resolve();
  });
}

async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

async function run(options: {
  url: string;
  dbName: string;
  lookups: number;
  searches: number;
  /** Build the dense table too, even past DENSE_TABLE_LIMIT (it may take long and much memory). */
  dense: boolean;
}): Promise<ScaleResult> {
  await deleteDb(options.dbName);
  let t = performance.now();
  const response = await fetch(options.url);
  const raw = await response.text();
  const fetchMs = performance.now() - t;
  t = performance.now();
  const bundle: Bundle = parseBundle(JSON.parse(raw));
  const parseMs = performance.now() - t;

  const usageBefore = await usage();
  const db = openDatabase(options.dbName, { relaxed: true });
  const cloneMs = { entities: 0, articles: 0, gazetteer: 0 };
  for (const [what, rows] of [['entities', entityRows(bundle)], ['articles', articleRows(bundle)], ['gazetteer', gazetteerRecord(bundle)]] as const) {
    const s = performance.now();
    structuredClone(rows);
    cloneMs[what] = performance.now() - s;
  }
  // Progress is by rows, entities first: the time each table's share of it took.
  const entityShare = bundle.entities.length / (bundle.entities.length + bundle.articles.length);
  const marks: [number, number][] = [];
  t = performance.now();
  await importBundle(db, bundle, { onProgress: (f) => marks.push([f, performance.now()]) });
  const importMs = performance.now() - t;
  const endOf = (share: number) => marks.filter(([f]) => f <= share + 1e-9 && f < 1).at(-1)?.[1] ?? t;
  const entitiesEnd = endOf(entityShare);
  const articlesEnd = endOf(1);
  const importSteps = { entities: entitiesEnd - t, articles: articlesEnd - entitiesEnd, last: t + importMs - articlesEnd };
  const reader0 = openDatabase(options.dbName);
  let rows = 0;
  for (const table of BUNDLED_TABLES) rows += await reader0.table(table).count();
  closeDatabase(options.dbName);
  const usageAfter = await usage();

  // Look-ups as the background answers them, on a fresh connection.
  const reader = openDatabase(options.dbName);
  const rnd = seededRandom(7);
  const cardMs: number[] = [];
  for (let i = 0; i < options.lookups; i++) {
    const e = bundle.entities[Math.floor(rnd() * bundle.entities.length)]!;
    const s = performance.now();
    const card = await cardData(reader, e.id);
    cardMs.push(performance.now() - s);
    if (!card) throw new Error(`no card for ${e.id}`);
  }
  // Search as the popup does: the gazetteer read and indexed once, then a query per keystroke.
  t = performance.now();
  const gaz = await gazetteer(reader);
  const gazetteerMs = performance.now() - t;
  const query = () => {
    const n = bundle.names[Math.floor(rnd() * bundle.names.length)]!;
    return n.text.slice(0, Math.max(3, n.text.length - 2));
  };
  t = performance.now();
  gaz.index.search(query(), 10);
  const firstSearchMs = performance.now() - t;
  const searchMs: number[] = [];
  for (let i = 0; i < options.searches; i++) {
    const q = query();
    const s = performance.now();
    const hits = gaz.index.search(q, 10);
    searchMs.push(performance.now() - s);
    if (hits.length === 0) throw new Error(`search found nothing for ${q}`);
  }
  closeDatabase(options.dbName);

  // The matcher: compile from the names, then build each representation.
  const kinds = new Map(bundle.entities.map((e) => [e.id, e.kind]));
  const names: MatcherName[] = bundle.names.map((n) => ({ key: n.key, entityId: n.entityId, kind: kinds.get(n.entityId)!, weak: n.weak }));
  t = performance.now();
  const serialized = compileMatcher(names);
  const compileMs = performance.now() - t;
  t = performance.now();
  const sparseMatcher = loadMatcher(serialized, { dense: false });
  const sparse = { loadMs: performance.now() - t, states: sparseMatcher.stateCount, bytes: sparseMatcher.byteSize };
  let dense: ScaleResult['dense'];
  const width = 5 + new Set([...serialized.patterns.map((p) => p[0])].join('').replace(/ /g, '')).size;
  if (options.dense || sparse.states * width <= DENSE_TABLE_LIMIT) {
    t = performance.now();
    const d = loadMatcher(serialized, { dense: true });
    dense = { loadMs: performance.now() - t, states: d.stateCount, bytes: d.byteSize };
  } else {
    dense = { skipped: `${sparse.states} states × ${width} symbols = ${(sparse.states * width / 1e6).toFixed(1)} M entries > DENSE_TABLE_LIMIT` };
  }
  // Scan speed of the default representation over the articles' text.
  const matcher = loadMatcher(serialized);
  const texts = bundle.articles.slice(0, 2000).map((a) => a.text);
  const bytes = new TextEncoder().encode(texts.join('')).length;
  t = performance.now();
  let found = 0;
  for (const text of texts) found += matcher.scan(text).length;
  const scanMBps = bytes / 1e6 / ((performance.now() - t) / 1000);
  if (found === 0) throw new Error('the synthetic matcher found nothing in the synthetic articles');
  await deleteDb(options.dbName);
  return {
    fetchMs, parseMs, importMs, importSteps, cloneMs, rows, usageBefore, usageAfter, cardMs, gazetteerMs, firstSearchMs, searchMs, compileMs,
    patterns: serialized.patterns.length, dense, sparse, scanMBps,
  };
}

(globalThis as unknown as { khabarBench: unknown }).khabarBench = { run };
