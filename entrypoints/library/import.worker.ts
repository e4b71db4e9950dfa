/**
 * The library page's import worker: a thin shell around lib/import-worker.ts serveImport, given
 * the database (Dexie works in a worker; its changes reach the page's live queries through its
 * BroadcastChannel), the file reader and the matcher. Started by the page (App.tsx) as a module
 * worker that Vite bundles on its own; it shares the extension's origin and CSP ('self').
 */
import { DB_NAME, openDatabase } from '../../db/database.ts';
import { IMPORT_WORKER_SLICE_MS } from '../../lib/constants.ts';
import { serveImport, type ImportPort } from '../../lib/import-worker.ts';
import { currentMatcher, fileReader } from './worker-reader.ts';

/** A turn without setTimeout's 4 ms clamp: a message to ourselves lets the page's commands in. */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
function workerTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

const db = openDatabase(DB_NAME);
serveImport(self as unknown as ImportPort, {
  db,
  matcher: () => currentMatcher(db),
  read: (name, bytes) => fileReader()(name, bytes),
  pause: workerTurn,
  sliceMs: IMPORT_WORKER_SLICE_MS,
});
