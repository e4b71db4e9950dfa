/**
 * The HTML reader core/library/files.ts needs: it brings the DOM that the pure file parsers may
 * not touch. `parseHtml` is the caller's: `(html) => new DOMParser().parseFromString(html,
 * 'text/html')` in an extension page, linkedom's DOMParser in Node. A parsed file is inert (no
 * script runs, nothing loads), and extractArticle reads it without changing it.
 */
import type { LibraryInput } from '../../core/library/input.ts';
import { errorDetail, problem, type Problem } from '../../core/library/problem.ts';
import { extractArticle } from './article.ts';

/** Chrome's and IE's "Save page as" stamp: <!-- saved from url=(0071)https://… --> near the top. */
const SAVED_FROM = /<!--\s*saved from url=\(\d+\)\s*(https?:\/\/[^\s>]+?)\s*-->/i;

export function savedFromUrl(html: string): string {
  return SAVED_FROM.exec(html.slice(0, 4096))?.[1] ?? '';
}

export function htmlFileReader(
  parseHtml: (html: string) => Document,
  now: Date,
): (html: string, file: string) => LibraryInput | { problem: Problem } {
  return (html) => {
    let doc: Document;
    try {
      doc = parseHtml(html);
    } catch (e) {
      return { problem: problem('notHtml', { detail: errorDetail(e) }) };
    }
    return extractArticle(doc, savedFromUrl(html), now, { undatedNote: 'no date in the file: the day it was imported' });
  };
}
