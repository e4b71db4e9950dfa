/**
 * Getting the packaged bundle into IndexedDB: on install and update, at every service-worker start
 * when the stored data is incomplete or from another extension version, and lazily before any
 * answer that needs the data. One import at a time (Web Locks where available), resumable.
 */
import { browser } from 'wxt/browser';
import { DB_NAME, openDatabase } from '../../db/database.ts';
import { ImportFailure, importBundle, isQuotaError, parseBundle, readImportRecord } from '../../db/import.ts';
import type { BackgroundEvent } from '../../lib/messages.ts';
import { refreshPageSnapshot } from './page-snapshot.ts';

export const BUNDLE_PATH = '/data/bundle.json';
const LOCK = 'khabar-lens-import';

function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}

async function fetchBundle() {
  const url = (browser.runtime.getURL as (path: string) => string)(BUNDLE_PATH);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot read ${BUNDLE_PATH}: HTTP ${response.status}`);
  return parseBundle(await response.json());
}

function broadcast(event: BackgroundEvent): void {
  // Extension pages that are open (popup, side panel) listen; none open is not an error.
  browser.runtime.sendMessage(event).catch(() => {});
}

/** Run `task` alone across the extension's contexts (Web Locks), or at least in this one. */
let local: Promise<unknown> = Promise.resolve();
function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const run = (): Promise<T> => (locks ? (locks.request(LOCK, task) as Promise<T>) : task());
  const next = local.then(run, run);
  local = next.catch(() => {});
  return next;
}

/** A failure the database does not hold: see `unrecordedFailure`. */
export interface Failure {
  message: string;
  kind?: 'quota';
  at: number;
}
let lastFailure: Failure | undefined;

/**
 * The last import failure the database could not record, if the last attempt failed: the bundle
 * could not be read, or storage was too full to write even the error. getStatus reports it, so a
 * failure is never silent; it lives in memory only, and a restarted worker tries again anyway.
 */
export function unrecordedFailure(): Failure | undefined {
  return lastFailure;
}

/**
 * Make the stored data the packaged bundle. `check`: read the bundle even if the stored data looks
 * complete (install and update: the bundle may have changed); otherwise only when it is not.
 */
export function ensureData(options: { check: boolean }): Promise<void> {
  return exclusive(() =>
    // Whatever the import did, the content scripts' copy of the matcher follows the database.
    importPackagedBundle(options).finally(() => refreshPageSnapshot()).then(
      () => {
        lastFailure = undefined;
      },
      (e: unknown) => {
        if (!(e instanceof ImportFailure && e.recorded)) {
          const kind = e instanceof ImportFailure ? e.kind : isQuotaError(e) ? 'quota' : undefined;
          lastFailure = { message: e instanceof Error ? e.message : String(e), at: Date.now(), ...(kind ? { kind } : {}) };
        }
        throw e;
      },
    ),
  );
}

async function importPackagedBundle(options: { check: boolean }): Promise<void> {
  const version = extensionVersion();
  if (!options.check) {
    const record = await readImportRecord(openDatabase(DB_NAME));
    if (record?.state === 'ready' && record.extensionVersion === version) return;
  }
  const bundle = await fetchBundle();
  const started = Date.now();
  const result = await importBundle(openDatabase(DB_NAME, { relaxed: true }), bundle, {
    extensionVersion: version,
    onProgress: (progress) => broadcast({ event: 'importProgress', progress }),
  });
  if (result.imported) {
    console.info(`khabar-lens: bundle ${bundle.version} ${result.resumed ? 'resumed and ' : ''}imported in ${Date.now() - started} ms`);
  }
  broadcast({ event: 'importDone', bundleVersion: bundle.version });
}

/** Before reading bundled data: wait for (or start) the import if it is not complete. */
export async function ensureReady(): Promise<void> {
  const record = await readImportRecord(openDatabase(DB_NAME));
  if (record?.state === 'ready') return;
  await ensureData({ check: false });
}
