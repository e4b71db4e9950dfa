/**
 * "Save this page" after the copy has arrived (issue 13 item 1): the validated copy of the page
 * (lib/messages/page-copy.ts) → an inert parsed document → the article (lib/extract/article.ts,
 * Readability on a copy) → its names with the matcher of the moment (core/library/document.ts) →
 * the reader's library in one transaction (db/library.ts; the same URL or the same text is a
 * duplicate). Every failure comes back as a SaveFailure the pages put in words; nothing throws.
 * Runs in the background (entrypoints/background/save-page.ts) and, with linkedom, in the tests.
 */
import { libraryDocument } from '../core/library/document.ts';
import { loadMatcher, type Matcher } from '../core/match/automaton.ts';
import type { LensDatabase } from '../db/database.ts';
import { addToLibrary } from '../db/library.ts';
import { matcherPayload } from '../db/queries.ts';
import { isQuotaError } from '../db/quota.ts';
import { HOST_ELEMENT_NAME } from './constants.ts';
import { extractArticle } from './extract/article.ts';
import type { PageCopy, SaveFailure, SaveResult } from './messages/page-copy.ts';

export interface SaveDeps {
  db: LensDatabase;
  /** HTML → an inert Document (no script runs, nothing loads): DOMParser, or linkedom's. */
  parseHtml: (html: string) => Document;
  /** The day a page without a date is filed under. */
  now?: Date;
  /** Milliseconds already spent getting the copy (SaveTimings.copy). */
  copyMs?: number;
}

/** The matcher last loaded, by version: loading one is most of a save's detection time. */
let cached: { version: string; matcher: Matcher } | undefined;

/** The matcher of the moment: matcherPayload answers from its kept copy by two key reads when nothing changed. */
async function currentMatcher(db: LensDatabase): Promise<Matcher | null> {
  const payload = await matcherPayload(db);
  if (!payload) return null;
  if (cached?.version !== payload.version) cached = { version: payload.version, matcher: loadMatcher(payload.matcher) };
  return cached.matcher;
}

const failed = (reason: SaveFailure, detail: string): SaveResult => ({ status: 'failed', reason, detail });
const clock = () => performance.now();

export async function savePageCopy(copy: PageCopy, deps: SaveDeps): Promise<SaveResult> {
  const started = clock();
  try {
    const doc = deps.parseHtml(copy.html);
    // The extension's own card host is no part of the article.
    for (const el of doc.querySelectorAll(HOST_ELEMENT_NAME)) el.remove();
    const parsed = clock();
    const input = extractArticle(doc, copy.url, deps.now ?? new Date());
    if ('problem' in input) return failed('no-article', input.problem.code);
    const extracted = clock();
    const matcher = await currentMatcher(deps.db);
    if (!matcher) return failed('not-ready', 'the gazetteer is not imported yet');
    const document = libraryDocument(input, matcher);
    const detected = clock();
    const [result] = await addToLibrary(deps.db, [document], { origin: 'saved' });
    const stored = clock();
    const copyMs = deps.copyMs ?? 0;
    return {
      status: result!.status,
      id: result!.id,
      title: result!.title,
      names: result!.names,
      dateEstimated: document.article.dateEstimated,
      ms: {
        copy: copyMs,
        parse: parsed - started,
        extract: extracted - parsed,
        detect: detected - extracted,
        store: stored - detected,
        total: copyMs + stored - started,
      },
    };
  } catch (e) {
    if (isQuotaError(e)) return failed('storage-full', e instanceof Error ? e.message : String(e));
    return failed('error', e instanceof Error ? e.message : String(e));
  }
}
