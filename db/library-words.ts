/**
 * The library's word index in IndexedDB (core/library/word-index.ts says what it holds): written
 * in the same transaction as the texts it indexes (db/library.ts addToLibrary), read by the
 * library page's search of the texts (lib/library-list.ts searchTexts), one bucket per query word.
 *
 * A removed article leaves the index in the transaction that removes it (unindexArticles): its
 * place in its batch is emptied and its words go, so neither the list nor an article saved again
 * under its id is ever found by a word only the removed text had. Undo indexes it again, as a
 * batch of its own.
 */
import {
  batchHits,
  COMPACT_AT,
  COMPACT_UNDER,
  dropPlaces,
  encodeBucket,
  encodeWhole,
  mergeBuckets,
  placeMoves,
  placesIn,
  queryForms,
  splitWhole,
  wordBatch,
  wordBucket,
  WHOLE_BATCH,
  WHOLE_UNDER,
  WORD_BUCKETS,
  type BatchIds,
} from '../core/library/word-index.ts';
import type { LensDatabase } from './database.ts';

/** A batch's article ids (`bucket` -1), or one bucket of its forms. */
export interface LibraryWordsRow {
  id: string;
  batch: string;
  bucket: number;
  /** By place; null where a removed article was (core/library/word-index.ts BatchIds). */
  ids?: (string | null)[];
  /** The bucket's forms and places (core/library/word-index.ts encodeBucket). */
  words?: string;
}

/** The row of a batch's ids: its bucket is none of the forms'. */
const IDS_BUCKET = -1;

let batchCounter = 0;
const newBatchId = () => `${Date.now().toString(36)}-${(batchCounter++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** The rows of one batch: its ids row and a row per bucket it has forms in. */
function batchRows(batch: string, ids: (string | null)[], buckets: Iterable<[number, string]>): LibraryWordsRow[] {
  const rows: LibraryWordsRow[] = [{ id: batch, batch, bucket: IDS_BUCKET, ids }];
  for (const [bucket, words] of buckets) if (words !== '') rows.push({ id: bucketKey(batch, bucket), batch, bucket, words });
  return rows;
}

/** The rows indexing `texts` as one batch. */
export function wordRows(texts: readonly { id: string; text: string }[]): LibraryWordsRow[] {
  const { ids, buckets } = wordBatch(texts);
  if (ids.length < WHOLE_UNDER) return batchRows(newBatchId(), ids, [[WHOLE_BATCH, encodeWhole(buckets)]]);
  return batchRows(newBatchId(), ids, [...buckets].map(([b, words]) => [b, encodeBucket(words)] as [number, string]));
}

/** A batch's row of `bucket`, or its whole-batch row (which holds every bucket). */
const bucketKey = (batch: string, bucket: number) => `${batch}:${bucket}`;

/** Index `texts` (call inside the transaction that stores them), then merge small batches. */
export async function indexTexts(db: LensDatabase, texts: readonly { id: string; text: string }[]): Promise<void> {
  if (texts.length === 0) return;
  await db.libraryWords.bulkPut(wordRows(texts));
  await compactWords(db);
}

/**
 * Merges the batches of fewer than COMPACT_UNDER articles into one once there are COMPACT_AT of
 * them: a query then reads one row a word for them instead of COMPACT_AT (inside the caller's
 * transaction: the index is never seen half merged).
 */
export async function compactWords(db: LensDatabase): Promise<void> {
  const small = (await db.libraryWords.where('bucket').equals(IDS_BUCKET).toArray()).filter((r) => liveCount(r.ids) < COMPACT_UNDER);
  if (small.length < COMPACT_AT) return;
  const keys = small.flatMap((r) => Array.from({ length: WORD_BUCKETS }, (_, b) => bucketKey(r.batch, b)));
  const wholeKeys = small.map((r) => bucketKey(r.batch, WHOLE_BATCH));
  const [rows, wholes] = await Promise.all([db.libraryWords.bulkGet(keys), db.libraryWords.bulkGet(wholeKeys)]);
  const split = wholes.map((w) => (w?.words ? splitWhole(w.words) : undefined));
  // The merged batch holds the live articles only: a removed one's emptied place is left out.
  const moves: number[][] = [];
  const ids: string[] = [];
  for (const r of small) {
    moves.push(placeMoves(r.ids ?? [], ids.length));
    for (const id of r.ids ?? []) if (id !== null) ids.push(id);
  }
  const merged: [number, string][] = [];
  for (let b = 0; b < WORD_BUCKETS; b++) {
    const parts = small.map((_, i) => ({ encoded: split[i]?.get(b) ?? rows[i * WORD_BUCKETS + b]?.words, moves: moves[i]! }));
    merged.push([b, mergeBuckets(parts)]);
  }
  await db.libraryWords.bulkDelete([...small.map((r) => r.id), ...keys, ...wholeKeys]);
  await db.libraryWords.bulkPut(batchRows(newBatchId(), ids, merged));
}

const liveCount = (ids: BatchIds | undefined) => (ids ?? []).reduce((n, id) => (id === null ? n : n + 1), 0);

/** Every row of one batch: its ids row and its words rows (their keys all start `batch:`). */
const rowsOfBatch = (db: LensDatabase, batch: string) => db.libraryWords.where('id').between(`${batch}:`, `${batch}:\uffff`).toArray();

/**
 * Take removed articles out of the index (call inside the transaction that removes them): each
 * one's place in its batch is emptied (its id there becomes null) and leaves every row of the
 * batch, so no word finds it any more, and the words only it had are no longer stored. A batch
 * left without any article goes whole. Reads the batches' id lists (~0.3 MB for 10,000 articles)
 * and the rows of the batches that held them.
 */
export async function unindexArticles(db: LensDatabase, articleIds: readonly string[]): Promise<void> {
  if (articleIds.length === 0) return;
  const gone = new Set(articleIds);
  for (const row of await db.libraryWords.where('bucket').equals(IDS_BUCKET).toArray()) {
    const places = new Set<number>();
    (row.ids ?? []).forEach((id, p) => {
      if (id !== null && gone.has(id)) places.add(p);
    });
    if (places.size > 0) await emptyPlaces(db, row, places);
  }
}

async function emptyPlaces(db: LensDatabase, idsRow: LibraryWordsRow, places: ReadonlySet<number>): Promise<void> {
  const ids = (idsRow.ids ?? []).map((id, p) => (places.has(p) ? null : id));
  const words = await rowsOfBatch(db, idsRow.batch);
  if (ids.every((id) => id === null)) {
    await db.libraryWords.bulkDelete([idsRow.id, ...words.map((r) => r.id)]);
    return;
  }
  const changed: LibraryWordsRow[] = [];
  const emptied: string[] = [];
  for (const r of words) {
    if (r.words === undefined) continue;
    const left = dropPlaces(r.words, places);
    if (left === '') emptied.push(r.id);
    else if (left !== r.words) changed.push({ ...r, words: left });
  }
  await db.libraryWords.bulkDelete(emptied);
  await db.libraryWords.bulkPut([...changed, { ...idsRow, ids }]);
}

/**
 * Ids of the articles whose text holds every word of `query` (whole words, clitics off: see
 * core/library/word-index.ts). Reads one bucket per distinct word, then the id lists of the
 * batches that have a hit: never a text.
 */
export async function articlesWithWords(db: LensDatabase, query: string): Promise<Set<string>> {
  const forms = queryForms(query);
  const hits = new Set<string>();
  if (forms.length === 0) return hits;
  const buckets = [...new Set(forms.map(wordBucket))];
  const rows = await db.libraryWords.where('bucket').anyOf([...buckets, WHOLE_BATCH]).toArray();
  const byBatch = new Map<string, Map<number, string>>();
  for (const row of rows) {
    let b = byBatch.get(row.batch);
    if (!b) byBatch.set(row.batch, (b = new Map()));
    if (row.words) b.set(row.bucket, row.words);
  }
  // A small batch has one row for all its buckets.
  const bucketOf = (b: Map<number, string>, form: string) => b.get(wordBucket(form)) ?? b.get(WHOLE_BATCH);
  const placesOf = (b: Map<number, string>) => (form: string) => placesIn(bucketOf(b, form), form);
  // A batch where every word is: only those batches' id lists are read.
  const candidates = [...byBatch].filter(([, b]) => forms.every((f) => bucketOf(b, f)?.includes(`\n${f}\t`)));
  if (candidates.length === 0) return hits;
  const ids = await batchIds(db, candidates.map(([batch]) => batch));
  candidates.forEach(([, b], i) => {
    for (const id of batchHits(forms, ids[i]!, placesOf(b))) hits.add(id);
  });
  return hits;
}

/**
 * A batch's article ids, kept once read. A batch's list changes only when an article is removed,
 * and then only its place turns null after no row lists that place any more: a kept copy that
 * still names the article (this page's, or one kept before another page removed it) never gives
 * it as a hit. 10,000 articles: ~0.3 MB.
 */
const idsOfBatch = new Map<string, BatchIds>();

async function batchIds(db: LensDatabase, batches: readonly string[]): Promise<BatchIds[]> {
  const key = (batch: string) => `${db.name}\u0000${batch}`;
  const missing = batches.filter((b) => !idsOfBatch.has(key(b)));
  if (missing.length > 0) {
    const rows = await db.libraryWords.bulkGet(missing);
    missing.forEach((b, i) => idsOfBatch.set(key(b), rows[i]?.ids ?? []));
  }
  return batches.map((b) => idsOfBatch.get(key(b))!);
}

/** Schema 4's upgrade: index the texts a library already holds (once, when the table appears). */
export async function indexExistingTexts(tx: import('dexie').Transaction): Promise<void> {
  const texts = (await tx.table('libraryTexts').toArray()) as { id: string; text: string }[];
  for (let i = 0; i < texts.length; i += COMPACT_UNDER) {
    await tx.table('libraryWords').bulkPut(wordRows(texts.slice(i, i + COMPACT_UNDER).map((t) => ({ id: t.id, text: t.text }))));
  }
}

/**
 * Schema 5's upgrade: an index written before removals left it (schema 4) still lists the words of
 * removed articles, and finds an article saved again under a removed one's id by the old text's
 * words. When a place names an article the library no longer holds, or one article twice, or an
 * article is in no batch, the index is written again from the texts; an exact one is left as it is.
 */
export async function repairWordIndex(tx: import('dexie').Transaction): Promise<void> {
  const batches = (await tx.table('libraryWords').where('bucket').equals(IDS_BUCKET).toArray()) as LibraryWordsRow[];
  const held = new Set((await tx.table('libraryTexts').toCollection().primaryKeys()) as string[]);
  const seen = new Set<string>();
  let exact = true;
  for (const id of batches.flatMap((r) => r.ids ?? [])) {
    if (id === null) continue;
    if (!held.has(id) || seen.has(id)) exact = false;
    seen.add(id);
  }
  if (exact && seen.size === held.size) return;
  await tx.table('libraryWords').clear();
  await indexExistingTexts(tx);
}
