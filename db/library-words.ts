/**
 * The library's word index in IndexedDB (core/library/word-index.ts says what it holds): written
 * in the same transaction as the texts it indexes (db/library.ts addToLibrary), read by the
 * library page's search of the texts (lib/library-list.ts searchTexts), one bucket per query word.
 *
 * A removed article's place stays in its batch (rewriting a batch on every delete would cost more
 * than it saves); the list shows only articles still in the library, and undo needs them back.
 */
import {
  batchHits,
  COMPACT_AT,
  COMPACT_UNDER,
  encodeBucket,
  encodeWhole,
  mergeBuckets,
  placesIn,
  queryForms,
  splitWhole,
  wordBatch,
  wordBucket,
  WHOLE_BATCH,
  WHOLE_UNDER,
  WORD_BUCKETS,
} from '../core/library/word-index.ts';
import type { LensDatabase } from './database.ts';

/** A batch's article ids (`bucket` -1), or one bucket of its forms. */
export interface LibraryWordsRow {
  id: string;
  batch: string;
  bucket: number;
  ids?: string[];
  /** The bucket's forms and places (core/library/word-index.ts encodeBucket). */
  words?: string;
}

/** The row of a batch's ids: its bucket is none of the forms'. */
const IDS_BUCKET = -1;

let batchCounter = 0;
const newBatchId = () => `${Date.now().toString(36)}-${(batchCounter++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** The rows of one batch: its ids row and a row per bucket it has forms in. */
function batchRows(batch: string, ids: string[], buckets: Iterable<[number, string]>): LibraryWordsRow[] {
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
  const small = (await db.libraryWords.where('bucket').equals(IDS_BUCKET).toArray()).filter((r) => (r.ids?.length ?? 0) < COMPACT_UNDER);
  if (small.length < COMPACT_AT) return;
  const keys = small.flatMap((r) => Array.from({ length: WORD_BUCKETS }, (_, b) => bucketKey(r.batch, b)));
  const wholeKeys = small.map((r) => bucketKey(r.batch, WHOLE_BATCH));
  const [rows, wholes] = await Promise.all([db.libraryWords.bulkGet(keys), db.libraryWords.bulkGet(wholeKeys)]);
  const split = wholes.map((w) => (w?.words ? splitWhole(w.words) : undefined));
  const offsets: number[] = [];
  const ids: string[] = [];
  for (const r of small) {
    offsets.push(ids.length);
    ids.push(...(r.ids ?? []));
  }
  const merged: [number, string][] = [];
  for (let b = 0; b < WORD_BUCKETS; b++) {
    const parts = small.map((_, i) => ({ encoded: split[i]?.get(b) ?? rows[i * WORD_BUCKETS + b]?.words, offset: offsets[i]! }));
    merged.push([b, mergeBuckets(parts)]);
  }
  await db.libraryWords.bulkDelete([...small.map((r) => r.id), ...keys, ...wholeKeys]);
  await db.libraryWords.bulkPut(batchRows(newBatchId(), ids, merged));
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
 * A batch's article ids, kept once read: a batch is never rewritten (a removed article keeps its
 * place), so its list stays true for as long as the batch exists. 10,000 articles: ~0.3 MB.
 */
const idsOfBatch = new Map<string, string[]>();

async function batchIds(db: LensDatabase, batches: readonly string[]): Promise<string[][]> {
  const key = (batch: string) => `${db.name}\u0000${batch}`;
  const missing = batches.filter((b) => !idsOfBatch.has(key(b)));
  if (missing.length > 0) {
    const rows = await db.libraryWords.bulkGet(missing);
    missing.forEach((b, i) => idsOfBatch.set(key(b), rows[i]?.ids ?? []));
  }
  return batches.map((b) => idsOfBatch.get(key(b))!);
}

/** Schema step's upgrade: index the texts a library already holds (once, when the table appears). */
export async function indexExistingTexts(tx: import('dexie').Transaction): Promise<void> {
  const texts = (await tx.table('libraryTexts').toArray()) as { id: string; text: string }[];
  for (let i = 0; i < texts.length; i += COMPACT_UNDER) {
    await tx.table('libraryWords').bulkPut(wordRows(texts.slice(i, i + COMPACT_UNDER).map((t) => ({ id: t.id, text: t.text }))));
  }
}
