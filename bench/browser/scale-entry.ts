/**
 * Runs inside a Chromium page (bundled by esbuild in browser.bench.ts): the extension's own import,
 * query and matcher code (db/import.ts, db/queries.ts, core/match/automaton.ts), on a bundle
 * fetched from the fixture server, against Chromium's real IndexedDB, with the same relaxed
 * durability the background's import uses.
 */
import { compileMatcher, DENSE_TABLE_LIMIT, loadMatcher, type MatcherName } from '../../core/match/automaton.ts';
import type { Bundle } from '../../core/types.ts';
import { closeDatabase, openDatabase } from '../../db/database.ts';
import { importBundle, parseBundle } from '../../db/import.ts';
import { cardData, searchEntities } from '../../db/queries.ts';
import { seededRandom } from './synthetic.ts';

export interface ScaleResult {
  fetchMs: number;
  parseMs: number;
  importMs: number;
  rows: number;
  usageBefore: number;
  usageAfter: number;
  cardMs: number[];
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
  t = performance.now();
  await importBundle(db, bundle);
  const importMs = performance.now() - t;
  const rows = bundle.entities.length + bundle.names.length + bundle.articles.length + bundle.coverage.length + bundle.articleMentions.length;
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
  const searchMs: number[] = [];
  for (let i = 0; i < options.searches; i++) {
    const n = bundle.names[Math.floor(rnd() * bundle.names.length)]!;
    const s = performance.now();
    await searchEntities(reader, n.text.slice(0, Math.max(3, n.text.length - 2)), 10);
    searchMs.push(performance.now() - s);
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
    fetchMs, parseMs, importMs, rows, usageBefore, usageAfter, cardMs, searchMs, compileMs,
    patterns: serialized.patterns.length, dense, sparse, scanMBps,
  };
}

(globalThis as unknown as { khabarBench: unknown }).khabarBench = { run };
