/**
 * The files the reader picks or drops on the library page, as they cross to the import worker
 * (which reads them: worker-reader.ts). The page itself parses nothing.
 */
import type { FileToImport } from '../../lib/messages/import-worker.ts';

/** The files the reader picked or dropped; a folder's files keep their relative path as name. */
export function pickedFiles(list: FileList | readonly File[]): FileToImport[] {
  return [...list].map((f) => ({ name: f.webkitRelativePath || f.name, blob: f }));
}

/** What the picker accepts: the extensions core/library/files.ts reads. */
export const ACCEPTED = '.txt,.md,.markdown,.html,.htm,.jsonl,.zip';
