/**
 * A document the reader adds to their own library (issue 13): a page they saved, a file they
 * imported, or an article of a restored export. Every way in (page extraction, the file parsers,
 * the restore) produces this shape; db/library.ts stores it with the mentions found in its text.
 */
export interface LibraryInput {
  /** Headline or title; never empty (a file's name when it has none). */
  title: string;
  /** The outlet as the page names itself (og:site_name, publisher), else its host; '' when unknown. */
  outlet: string;
  /** The article's URL (canonical where the page gives one). */
  url?: string;
  /** ISO date YYYY-MM-DD of publication, when any was found or guessed. */
  date?: string;
  /** True when `date` is a guess (no publication date in meta, JSON-LD or <time>). */
  dateEstimated: boolean;
  /** How the date was found ('meta article:published_time', 'JSON-LD datePublished', 'file date', …). */
  dateNote?: string;
  /** BCP 47 language of the text ('ar', 'en', …), from the document or guessed from its script. */
  language: string;
  byline?: string;
  /** Plain text, paragraphs separated by blank lines. */
  text: string;
  /** How it came in. */
  origin: 'saved' | 'imported' | 'restored';
  /** For imported files: the file (and, in a zip, the entry) it came from. */
  sourceFile?: string;
}

/** A problem with one input file (core/library/problem.ts: a code and its parameters, put in words by the pages). */
export type { InputProblem } from './problem.ts';
