/**
 * What the import worker (import.worker.ts) reads with: core/library/files.ts's parsers, with HTML
 * files parsed into an inert document by entrypoints/background/parse-html.ts (linkedom's parser
 * in a worker, which has no DOMParser: no script runs, nothing loads), and the matcher pages scan
 * with. Kept apart from the page's read-files.ts so that the page bundles none of it.
 */
import { importFile } from '../../core/library/files.ts';
import { loadMatcher, type Matcher } from '../../core/match/automaton.ts';
import type { LensDatabase } from '../../db/database.ts';
import { matcherPayload } from '../../db/queries.ts';
import { htmlFileReader } from '../../lib/extract/html-file.ts';
import { NoMatcherError } from '../../lib/import-worker.ts';
import type { ReadFile } from '../../lib/library-import.ts';
import { parseHtml } from '../background/parse-html.ts';

export function fileReader(now = new Date()): ReadFile {
  const readHtml = htmlFileReader(parseHtml, now);
  return (name, bytes) => importFile(name, bytes, { now, readHtml });
}

/** The matcher pages scan with (the bundle's names and the reader's own). */
export async function currentMatcher(db: LensDatabase): Promise<Matcher> {
  const payload = await matcherPayload(db);
  if (!payload) throw new NoMatcherError();
  return loadMatcher(payload.matcher);
}
