/**
 * The page's file reader for the import: core/library/files.ts's parsers, with the page's own
 * DOMParser for HTML files (a parsed document is inert: no script runs, nothing loads).
 */
import { importFile } from '../../core/library/files.ts';
import { loadMatcher, type Matcher } from '../../core/match/automaton.ts';
import type { LensDatabase } from '../../db/database.ts';
import { matcherPayload } from '../../db/queries.ts';
import { htmlFileReader } from '../../lib/extract/html-file.ts';
import type { PickedFile, ReadFile } from '../../lib/library-import.ts';

export function pageFileReader(now = new Date()): ReadFile {
  const readHtml = htmlFileReader((html) => new DOMParser().parseFromString(html, 'text/html'), now);
  return (name, bytes) => importFile(name, bytes, { now, readHtml });
}

export class NoMatcherError extends Error {
  constructor() {
    super('the bundled data is not ready');
  }
}

/** The matcher pages scan with (the bundle's names and the reader's own). */
export async function currentMatcher(db: LensDatabase): Promise<Matcher> {
  const payload = await matcherPayload(db);
  if (!payload) throw new NoMatcherError();
  return loadMatcher(payload.matcher);
}

/** The files the reader picked or dropped; a folder's files keep their relative path as name. */
export function pickedFiles(list: FileList | readonly File[]): PickedFile[] {
  return [...list].map((f) => ({
    name: f.webkitRelativePath || f.name,
    bytes: async () => new Uint8Array(await f.arrayBuffer()),
  }));
}

/** What the picker accepts: the extensions core/library/files.ts reads. */
export const ACCEPTED = '.txt,.md,.markdown,.html,.htm,.jsonl,.zip';
