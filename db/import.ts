/**
 * Bundle → IndexedDB: replaces the bundled tables in batched bulk writes, reporting progress, and
 * never touches the reader's tables. The bundle is written in the stored shape (db/rows.ts: an
 * entity with its coverage, an article with its mentions, a few to a row). The import record says
 * 'importing' before the first write and 'ready' only in the transaction that completes the data
 * (with the matcher and the search's record), so a reader never takes a half-imported
 * database for a complete one, and an import interrupted half-way (the MV3 service worker stopped,
 * the browser closed) resumes from the last committed batch.
 */
import type { Bundle } from '../core/types.ts';
import type { ImportStatus } from '../lib/messages.ts';
import { BUNDLED_META, BUNDLED_TABLES, type BundledTable, type ImportRecord, type LensDatabase } from './database.ts';
import { articleBuckets, baseMapRecord, entityBuckets, gazetteerRecord, matcherRecord } from './rows.ts';
import { isQuotaError } from './quota.ts';

export { isQuotaError };

export interface ImportOptions {
  /** Rows per write transaction. */
  batchSize?: number;
  /** Called with 0..1, at most once per percent (and always with 1 at the end). */
  onProgress?: (fraction: number) => void;
  /** Stored with the data, so that an extension update re-checks its bundle. */
  extensionVersion?: string;
  /** Re-import even when this bundle version is already stored. */
  force?: boolean;
}

export interface ImportResult {
  /** False when the stored data already was this bundle version. */
  imported: boolean;
  /** True when an interrupted import of the same version was continued. */
  resumed: boolean;
  version: string;
}

/**
 * Rows per transaction (each a bucket of entities or articles: db/database.ts): large enough that
 * a transaction's own cost is small, small enough to keep a batch of article rows (~30 KB each at
 * 10,000 articles) to a few MB and progress to about a percent.
 */
export const DEFAULT_BATCH_SIZE = 80;

/** Write transactions in flight at once (see importBundle). */
const IN_FLIGHT = 2;

/** The `onProgress` wrapper that drops calls until the next whole percent. */
export function throttleProgress(onProgress: ((fraction: number) => void) | undefined): (fraction: number) => void {
  let last = -1;
  return (fraction) => {
    const percent = Math.floor(Math.min(1, Math.max(0, fraction)) * 100);
    if (percent <= last) return;
    last = percent;
    onProgress?.(percent / 100);
  };
}

export async function readImportRecord(db: LensDatabase): Promise<ImportRecord | undefined> {
  const row = await db.meta.get('import');
  return row?.key === 'import' ? row : undefined;
}

/** What getStatus answers. */
export async function importStatus(db: LensDatabase): Promise<ImportStatus> {
  const r = await readImportRecord(db);
  if (!r) return { state: 'empty', progress: 0 };
  const status: ImportStatus = { state: r.state, progress: r.progress };
  if (r.state === 'ready' && r.bundleVersion) status.bundleVersion = r.bundleVersion;
  if (r.error) status.error = r.error;
  if (r.errorKind) status.errorKind = r.errorKind;
  return status;
}

/** True when the stored data is complete and is `version` (any version when omitted). */
export async function isReady(db: LensDatabase, version?: string): Promise<boolean> {
  const r = await readImportRecord(db);
  return r?.state === 'ready' && (version === undefined || r.bundleVersion === version);
}

/**
 * Import `bundle` into `db` (pass the relaxed-durability connection: openDatabase(name, { relaxed:
 * true })). Call it under one lock per database: two imports at once would interleave batches.
 */
export async function importBundle(db: LensDatabase, bundle: Bundle, options: ImportOptions = {}): Promise<ImportResult> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const progress = throttleProgress(options.onProgress);
  const bundled = BUNDLED_TABLES.map((t) => db.table(t));

  // 1. Decide between nothing, resume and a fresh start, and mark the database 'importing'.
  let resumed = false;
  const record = await db.transaction('rw', [db.meta, ...bundled], async (): Promise<ImportRecord | null> => {
    const current = await readImportRecord(db);
    if (!options.force && current?.state === 'ready' && current.bundleVersion === bundle.version) {
      // The same data under a new extension version: say so, or every worker start of this
      // version would read the bundle again to find it unchanged (data.ts).
      if (options.extensionVersion && current.extensionVersion !== options.extensionVersion) {
        await db.meta.put({ ...current, extensionVersion: options.extensionVersion, updatedAt: Date.now() });
      }
      return null;
    }
    const base = { key: 'import' as const, state: 'importing' as const, target: bundle.version, updatedAt: Date.now() };
    if (!options.force && current && current.state !== 'ready' && current.target === bundle.version) {
      resumed = true;
      const next: ImportRecord = { ...base, progress: current.progress, done: current.done };
      await db.meta.put(next);
      return next;
    }
    await Promise.all(bundled.map((t) => t.clear()));
    await db.meta.bulkDelete([...BUNDLED_META]);
    const next: ImportRecord = { ...base, progress: 0, done: {} };
    await db.meta.put(next);
    return next;
  });
  if (!record) {
    progress(1);
    return { imported: false, resumed: false, version: bundle.version };
  }

  // 2. The rows, a batch per transaction, each committing its rows and the count together. A few
  // transactions are in flight at once, so that this thread serialises the next batch while the
  // browser writes the last one (IndexedDB runs them in the order they were made); each one
  // commits only on top of the batch before it, so a failed batch stops the ones behind it.
  const rows: Record<BundledTable, readonly unknown[]> = { entities: entityBuckets(bundle), articles: articleBuckets(bundle) };
  const total = BUNDLED_TABLES.reduce((n, t) => n + rows[t].length, 0) || 1;
  const done = { ...record.done };
  const committed = () => BUNDLED_TABLES.reduce((n, t) => n + Math.min(done[t] ?? 0, rows[t].length), 0);
  progress(committed() / total);
  const inFlight: Promise<void>[] = [];
  try {
    for (const name of BUNDLED_TABLES) {
      const table = db.table(name);
      const all = rows[name];
      for (let from = done[name] ?? 0; from < all.length; from += batchSize) {
        const batch = all.slice(from, from + batchSize);
        // What must be committed before this batch, in every table: the batch before it may be
        // another table's, still in flight (the first articles batch behind the last entities one).
        const before = { ...done };
        done[name] = from + batch.length;
        const fraction = committed() / total;
        const next: ImportRecord = { ...record, done: { ...done }, progress: fraction, updatedAt: Date.now() };
        const write = db.transaction('rw', table, db.meta, async () => {
          const stored = await readImportRecord(db);
          const inStep = stored && stored.target === record.target && BUNDLED_TABLES.every((t) => (stored.done[t] ?? 0) === (before[t] ?? 0));
          if (!inStep) throw new Error('an earlier batch of the import did not commit');
          await table.bulkPut(batch);
          await db.meta.put(next);
        });
        const tracked = write.then(() => progress(fraction));
        // Awaited below; until then a failure is not an unhandled rejection in the worker's console.
        tracked.catch(() => undefined);
        inFlight.push(tracked);
        if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
      }
    }
    while (inFlight.length > 0) await inFlight.shift();

    // 3. The matcher, the search's record and 'ready', together: from here on readers see the
    // new data as complete.
    const ready: ImportRecord = {
      key: 'import',
      state: 'ready',
      progress: 1,
      bundleVersion: bundle.version,
      done: {},
      updatedAt: Date.now(),
    };
    if (options.extensionVersion) ready.extensionVersion = options.extensionVersion;
    await db.transaction('rw', db.meta, async () => {
      await db.meta.bulkPut([matcherRecord(bundle), gazetteerRecord(bundle), ...baseMapRecord(bundle), ready]);
    });
  } catch (e) {
    // The batches behind the failed one fail too (their check); the first failure is the cause.
    for (const write of inFlight) write.catch(() => {});
    await Promise.allSettled(inFlight);
    const failure = new ImportFailure(e);
    const failed: ImportRecord = { ...record, state: 'error', done: {}, error: failure.message, updatedAt: Date.now() };
    if (failure.kind) failed.errorKind = failure.kind;
    try {
      // What the database actually holds (the failed batch rolled back).
      const stored = await readImportRecord(db);
      if (stored && stored.target === record.target) {
        failed.done = stored.done;
        failed.progress = stored.progress;
      }
      await db.meta.put(failed);
    } catch (recordError) {
      // Not even the error could be stored (storage full to the last byte): the caller reports it
      // (the background keeps it for getStatus), it is not lost.
      failure.recorded = false;
      console.warn('khabar-lens: could not record the import failure', recordError);
    }
    throw failure;
  }
  progress(1);
  return { imported: true, resumed, version: bundle.version };
}

export const QUOTA_MESSAGE = 'not enough storage space for the bundled data (QuotaExceededError)';

/** An import that failed: a readable message, what kind of failure, and the original error. */
export class ImportFailure extends Error {
  readonly kind: 'quota' | undefined;
  /** False when the failure could not be written to the database either. */
  recorded = true;
  constructor(readonly original: unknown) {
    const quota = isQuotaError(original);
    super(quota ? QUOTA_MESSAGE : original instanceof Error ? `${original.name}: ${original.message}` : String(original));
    this.name = 'ImportFailure';
    this.kind = quota ? 'quota' : undefined;
  }
}


/** Structural check of a fetched bundle before anything is deleted for it. */
export function parseBundle(data: unknown): Bundle {
  const fail = (what: string): never => {
    throw new Error(`bundle.json: ${what}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('not a JSON object');
  const b = data as Record<string, unknown>;
  if (typeof b['version'] !== 'string' || b['version'] === '') fail('missing version');
  for (const key of ['entities', 'names', 'articles', 'coverage', 'articleMentions'] as const) {
    if (!Array.isArray(b[key])) fail(`"${key}" must be a list`);
  }
  const m = b['matcher'] as Record<string, unknown> | null | undefined;
  if (typeof m !== 'object' || m === null || m['format'] !== 1 || !Array.isArray(m['patterns'])) fail('missing matcher');
  if (b['profiles'] !== undefined && !Array.isArray(b['profiles'])) fail('"profiles" must be a list');
  const keyed: [string, string][] = [['entities', 'id'], ['articles', 'id'], ['coverage', 'entityId'], ['articleMentions', 'articleId']];
  for (const [table, key] of keyed) {
    for (const row of b[table] as unknown[]) {
      if (typeof row !== 'object' || row === null || typeof (row as Record<string, unknown>)[key] !== 'string') {
        fail(`every row of "${table}" needs a string "${key}"`);
      }
    }
  }
  for (const row of b['names'] as unknown[]) {
    const r = row as Record<string, unknown> | null;
    if (typeof r !== 'object' || r === null || typeof r['key'] !== 'string' || typeof r['entityId'] !== 'string') {
      fail('every name needs a string "key" and "entityId"');
    }
  }
  return data as Bundle;
}
