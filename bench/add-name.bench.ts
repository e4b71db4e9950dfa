/**
 * Adding a name with a big library (issue 13 targets, `npx tsx bench/add-name.bench.ts`): the
 * packaged bundle (public/data/bundle.json, `npm run build` makes it) plus N_NAMES names of the
 * reader's own (synthetic Arabic-like words from a seeded generator), and a library of
 * N_ARTICLES articles of ≈ 5 KB (the corpus sentences with some of those names in them). Measured
 * in Node with fake-indexeddb (the browser's IndexedDB is slower per row; these are the CPU parts):
 *
 *   matcher rebuild   matcherFor(bundle + reader's names): what matcherPayload compiles after a change
 *   matcherPayload    the same through the database: with the bundle and names kept (the worker up:
 *                     the changed name read and normalised), with nothing changed, and cold
 *                     (nothing in memory: the stored name groups; db/matcher-cache.ts)
 *   loadMatcher       what each content script builds from the snapshot
 *   rescan            rescanLibrary over the whole library with the new matcher (batches of 50)
 *
 * Env: BENCH_NAMES (default 5000), BENCH_ARTICLES (default 1000), BENCH_RUNS (default 5).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { libraryDocument } from '../core/library/document.ts';
import { matcherFor } from '../core/corpus/build.ts';
import { loadMatcher } from '../core/match/automaton.ts';
import type { Bundle, Entity } from '../core/types.ts';
import { openDatabase } from '../db/database.ts';
import { importBundle } from '../db/import.ts';
import { addToLibrary, putUserEntity, rescanLibrary } from '../db/library.ts';
import { forgetMatcherCache } from '../db/matcher-cache.ts';
import { matcherPayload } from '../db/queries.ts';

const N_NAMES = Number(process.env['BENCH_NAMES'] ?? 5000);
const N_ARTICLES = Number(process.env['BENCH_ARTICLES'] ?? 1000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

/** Mulberry32: the same names every run. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
const random = rng(13);
const word = () => Array.from({ length: 4 + Math.floor(random() * 4) }, () => LETTERS[Math.floor(random() * LETTERS.length)]).join('');

const bundle = JSON.parse(readFileSync('public/data/bundle.json', 'utf8')) as Bundle;
const own: Entity[] = Array.from({ length: N_NAMES }, (_, i) => ({
  id: `place:own-bench-${i}`,
  kind: 'village',
  name: `ال${word()}`,
  nameEn: '',
  aliases: random() < 0.3 ? [word()] : [],
  weakAliases: [],
  translit: [],
  description: '',
  own: true,
}));
const sentences = bundle.articles.flatMap((a) => a.text.split(/(?<=[.!؟])\s+/)).filter((s) => s.length > 20);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
}
async function timeAsync<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await f();
  return [v, performance.now() - t];
}

const all = [...bundle.entities, ...own];
const rebuild: number[] = [];
const load: number[] = [];
let json = '';
for (let r = 0; r < RUNS + 1; r++) {
  const [m, ms] = time(() => matcherFor(all));
  const [, lms] = time(() => loadMatcher(m));
  if (r > 0) {
    rebuild.push(ms);
    load.push(lms);
  }
  json = JSON.stringify(m);
}
console.log(`names: ${bundle.entities.length} bundled + ${N_NAMES} own; matcher JSON ${(json.length / 1024).toFixed(0)} KB`);
console.log(`matcher rebuild (matcherFor), median of ${RUNS}: ${median(rebuild).toFixed(1)} ms (min ${Math.min(...rebuild).toFixed(1)})`);
console.log(`loadMatcher (each content script), median of ${RUNS}: ${median(load).toFixed(1)} ms`);

const db = openDatabase('bench-add-name');
await importBundle(openDatabase('bench-add-name', { relaxed: true }), bundle);
for (const e of own) await putUserEntity(db, e);
const payloads: number[] = [];
const unchanged: number[] = [];
const cold: number[] = [];
await matcherPayload(db);
for (let r = 0; r < RUNS; r++) {
  // A changed name each run, so matcherPayload compiles (as after an edit), not its kept copy.
  await putUserEntity(db, { ...own[0]!, description: `run ${r}` });
  payloads.push((await timeAsync(() => matcherPayload(db)))[1]);
  unchanged.push((await timeAsync(() => matcherPayload(db)))[1]);
}
for (let r = 0; r < RUNS; r++) {
  // As a worker woken by the change: nothing kept in memory; the stored name groups and the changed name read.
  forgetMatcherCache();
  await putUserEntity(db, { ...own[0]!, description: `cold run ${r}` });
  cold.push((await timeAsync(() => matcherPayload(db)))[1]);
}
console.log(`matcherPayload after a change, worker up (kept bundle and names: reads the changed name, compiles, stores), median of ${RUNS}: ${median(payloads).toFixed(1)} ms`);
console.log(`matcherPayload with nothing changed, median of ${RUNS}: ${median(unchanged).toFixed(1)} ms`);
console.log(`matcherPayload after a change, worker cold (stored name groups + the changed name, compiles, stores), median of ${RUNS}: ${median(cold).toFixed(1)} ms`);

const matcher = loadMatcher((await matcherPayload(db))!.matcher);
const docs = Array.from({ length: N_ARTICLES }, (_, i) => {
  let text = '';
  while (text.length < 5000) {
    const s = sentences[Math.floor(random() * sentences.length)]!;
    text += random() < 0.3 ? `${s} وفي ${own[Math.floor(random() * own.length)]!.name} قالوا. ` : `${s} `;
  }
  return libraryDocument({ title: `مقالة ${i}`, outlet: 'أرشيف', date: '2026-11-01', dateEstimated: false, language: 'ar', text, origin: 'imported' }, matcher, `bench-${i}`);
});
await addToLibrary(db, docs, { origin: 'imported' });
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.article.text), 0);
// The rescan's own work (each article's mentions and coverage found again), apart from the database.
const [, cpuMs] = time(() => docs.forEach((d) => libraryDocument({ title: d.article.headline, outlet: 'أرشيف', date: '2026-11-01', dateEstimated: false, language: 'ar', text: d.article.text, origin: 'imported' }, matcher, d.article.id)));
console.log(`rescan's detection work for ${N_ARTICLES} articles: ${(cpuMs / 1000).toFixed(2)} s (${(cpuMs / N_ARTICLES).toFixed(1)} ms an article)`);
const [, rescanMs] = await timeAsync(() => rescanLibrary(db, matcher));
console.log(`rescanLibrary of ${N_ARTICLES} articles (${(bytes / 1e6).toFixed(1)} MB) with fake-indexeddb: ${(rescanMs / 1000).toFixed(2)} s (${(rescanMs / N_ARTICLES).toFixed(1)} ms an article)`);
