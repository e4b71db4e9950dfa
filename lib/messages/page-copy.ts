/**
 * "Save this page" (issue 13 items 1 and 5): what crosses the extension's boundaries, declared once.
 *
 * - The tab message `copyPage` (lib/messages/tab-messages.ts) is answered by the top frame's
 *   content script with a `PageCopy`: the page's HTML as it is now (scripts have run; nothing is
 *   changed to make it), its address, language and title. The page wrote that HTML, so the
 *   background takes it as data from a stranger: `parseCopyAnswer` checks its shape, its size
 *   (LIMITS.pageHtmlChars) and that the address is an http(s) one, before anything parses it.
 * - The request `savePage` answers a `SaveResult`: what the popup and side panel tell the reader.
 */
import { LIMITS } from '../messages.ts';
import { exact, isPlainObject, literal, Problem, str } from './schema.ts';

export interface PageCopy {
  /** document.documentElement's HTML. */
  html: string;
  url: string;
  /** The document's declared language (<html lang>), '' when none. */
  lang: string;
  title: string;
}

/** The content script's answer: the copy, or why it gives none. */
export type CopyPageAnswer = PageCopy | { refused: 'too-large' };

/** Why a page was not saved; each has its sentence for the reader (saveFailed_* messages). */
export type SaveFailure =
  /** No content script answered: a browser page, a file, a PDF, a site the extension skips, or still loading. */
  | 'not-a-page'
  /** The page's HTML is above LIMITS.pageHtmlChars. */
  | 'too-large'
  /** Nothing on the page reads as an article (a homepage, an index, a video page). */
  | 'no-article'
  /** The browser's storage quota is reached. */
  | 'storage-full'
  /** The bundled gazetteer is not imported yet (the first minute after install). */
  | 'not-ready'
  /** The content script's answer was not a page copy. */
  | 'bad-copy'
  /** Anything else: `detail` says what. */
  | 'error';

/** Where the time of one save went, in ms (BENCHMARKS.md "Save a typical article" reads it). */
export interface SaveTimings {
  /** Asking the tab for its copy and receiving it. */
  copy: number;
  /** Parsing the HTML into an inert document. */
  parse: number;
  /** Readability and the page's metadata. */
  extract: number;
  /** Loading the matcher and finding the names. */
  detect: number;
  /** The library's transaction. */
  store: number;
  total: number;
}

export type SaveResult =
  | {
      status: 'added' | 'duplicate';
      /** The stored article (for a duplicate, the one already there). */
      id: string;
      title: string;
      /** Distinct names found in it. */
      names: number;
      /** The date was guessed (none on the page). */
      dateEstimated: boolean;
      ms: SaveTimings;
    }
  | { status: 'failed'; reason: SaveFailure; detail: string };

const HTTP_URL = /^https?:\/\/[^\s]+$/i;
const LANGUAGE_TAG = /^[A-Za-z0-9-]{0,35}$/;

const pageCopy = exact({
  html: str({ max: LIMITS.pageHtmlChars, what: 'the page is larger than a page may be' }),
  url: str({ max: LIMITS.pageUrlLength, pattern: HTTP_URL, what: 'not an http(s) address' }),
  lang: str({ max: 35, pattern: LANGUAGE_TAG, what: 'not a language tag' }),
  title: str({ max: LIMITS.pageTitleLength, what: 'title too long' }),
});
const refusal = exact({ refused: literal('too-large') });

/** The content script's answer as a PageCopy, or the failure to report (validated, a fresh copy). */
export function parseCopyAnswer(answer: unknown): PageCopy | { failure: SaveFailure; detail: string } {
  if (answer === undefined || answer === null) return { failure: 'not-a-page', detail: 'the page did not answer' };
  if (isPlainObject(answer) && 'refused' in answer) {
    const r = refusal(answer, 'copyPage');
    return r instanceof Problem ? { failure: 'bad-copy', detail: r.message } : { failure: 'too-large', detail: `more than ${LIMITS.pageHtmlChars} characters` };
  }
  const copy = pageCopy(answer, 'copyPage');
  if (copy instanceof Problem) {
    const tooLarge = typeof (answer as { html?: unknown }).html === 'string' && (answer as { html: string }).html.length > LIMITS.pageHtmlChars;
    return { failure: tooLarge ? 'too-large' : 'bad-copy', detail: copy.message };
  }
  return copy;
}
