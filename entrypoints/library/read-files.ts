/**
 * The import worker's file reader (entrypoints/library/import.worker.ts): core/library/files.ts's
 * parsers, with HTML files parsed into an inert document by entrypoints/background/parse-html.ts
 * (the browser's DOMParser where there is one; linkedom's in a worker, which has none: no script
 * runs, nothing loads), and the matcher pages scan with. What the page itself keeps: the picked
 * files, as they cross to the worker.
 */
import { importFile } from '../../core/library/files.ts';
import { loadMatcher, type Matcher } from '../../core/match/automaton.ts';
import type { LensDatabase } from '../../db/database.ts';
import { matcherPayload } from '../../db/queries.ts';
import { htmlFileReader } from '../../lib/extract/html-file.ts';
import { NoMatcherError } from '../../lib/import-worker.ts';
import type { ReadFile } from '../../lib/library-import.ts';
import type { FileToImport } from '../../lib/messages/import-worker.ts';
import { parseHtml } from '../background/parse-html.ts';

export function fileReader(now = new Date()): ReadFile {
  const readHtml = htmlFileReader(parseHtml, now);
  return (name, bytes) => importFile(name, bytes, { now, readHtml });
}

export { NoMatcherError };

/** The matcher pages scan with (the bundle's names and the reader's own). */
export async function currentMatcher(db: LensDatabase): Promise<Matcher> {
  const payload = await matcherPayload(db);
  if (!payload) throw new NoMatcherError();
  return loadMatcher(payload.matcher);
}

/** The files the reader picked or dropped; a folder's files keep their relative path as name. */
export function pickedFiles(list: FileList | readonly File[]): FileToImport[] {
  return [...list].map((f) => ({ name: f.webkitRelativePath || f.name, blob: f }));
}

/** What the picker accepts: the extensions core/library/files.ts reads. */
export const ACCEPTED = '.txt,.md,.markdown,.html,.htm,.jsonl,.zip';
