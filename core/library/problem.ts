/**
 * What can be wrong with a file the reader imports, as data: a code and its parameters, never a
 * sentence. The pages put a problem in the reader's language (lib/input-problem-text.ts: the
 * message `problem_<code>` of public/_locales/{ar,en}, its slots filled from `params`), so core
 * stays free of words and an Arabic page never shows an English parser message.
 *
 * To add a problem: a code here with its parameters, then the message `problem_<code>` in both
 * locale files (the typecheck in lib/input-problem-text.ts and the table test ask for it).
 */

/** Each code's parameters (the message's `{slots}`). Text parameters hold data (a value, a field), not words. */
export interface ProblemParams {
  /** The file (or zip entry) is bigger than the import reads. */
  tooLarge: { size: number; limit: number };
  /** A zip entry inflates past its limit (its declared size lied). */
  inflatesTooLarge: { limit: number };
  /** A zip entry stops at the budget of the archive as a whole. */
  archiveTooLarge: { limit: number };
  binary: Record<string, never>;
  /** Not UTF-8 (the line of the first bad byte is the problem's line). */
  notUtf8: Record<string, never>;
  empty: Record<string, never>;
  noText: Record<string, never>;
  /** A .jsonl line that is not JSON; `detail` is the parser's own message. */
  badJson: { detail: string };
  notAnObject: Record<string, never>;
  /** A .jsonl field that must be a string. */
  notText: { field: string };
  missingTitle: Record<string, never>;
  missingText: Record<string, never>;
  /** A corpus line (its text in a "file" of its own) imported as it is. */
  textInFile: Record<string, never>;
  missingOutlet: Record<string, never>;
  missingDate: Record<string, never>;
  badDate: { value: string };
  badUrl: { value: string };
  badDateEstimated: Record<string, never>;
  noLines: Record<string, never>;
  nestedArchive: { limit: number };
  notZip: Record<string, never>;
  damagedZip: { detail: string };
  tooManyEntries: { limit: number };
  entryBroken: { detail: string };
  entryCutOff: Record<string, never>;
  /** `types`: the extensions the library reads, ".txt, .md, …". */
  unknownType: { types: string };
  /** The browser or a parser failed on the file; `detail` is its own message. */
  unreadable: { detail: string };
  notHtml: { detail: string };
  tooDeep: { limit: number };
  /** An HTML file or page without an article's worth of text. */
  noArticle: { chars: number };
  /** Neither an article nor a problem came out of the file. */
  nothingRead: Record<string, never>;
  /** The detector failed on one article (`title`: its headline, cut short); the others go in. */
  namesFailed: { title: string; detail: string };
  /** A file with more problems than a report keeps: `count` more, not listed. */
  moreProblems: { count: number };
}

export type ProblemCode = keyof ProblemParams;

/** Each code's parameter names, at run time: a problem that crosses a message boundary (the import
 * worker's reports) is checked against them (lib/messages/import-worker.ts). */
export const PROBLEM_PARAMS: { readonly [C in ProblemCode]: readonly (keyof ProblemParams[C] & string)[] } = {
  tooLarge: ['size', 'limit'],
  inflatesTooLarge: ['limit'],
  archiveTooLarge: ['limit'],
  binary: [],
  notUtf8: [],
  empty: [],
  noText: [],
  badJson: ['detail'],
  notAnObject: [],
  notText: ['field'],
  missingTitle: [],
  missingText: [],
  textInFile: [],
  missingOutlet: [],
  missingDate: [],
  badDate: ['value'],
  badUrl: ['value'],
  badDateEstimated: [],
  noLines: [],
  nestedArchive: ['limit'],
  notZip: [],
  damagedZip: ['detail'],
  tooManyEntries: ['limit'],
  entryBroken: ['detail'],
  entryCutOff: [],
  unknownType: ['types'],
  unreadable: ['detail'],
  notHtml: ['detail'],
  tooDeep: ['limit'],
  noArticle: ['chars'],
  nothingRead: [],
  namesFailed: ['title', 'detail'],
  moreProblems: ['count'],
};

/** One problem, as the parsers give it: what and its parameters. */
export type Problem = { [C in ProblemCode]: { code: C; params: ProblemParams[C] } }[ProblemCode];

/** A problem with one input file: what the import reports per file. `line` is 1-based, when known. */
export type InputProblem = { file: string; line?: number } & Problem;

/**
 * A text parameter is shown, never needed whole: it is cut to this many characters, so a hostile
 * file's 1 MB "date" cannot make a report too big to cross to the page (lib/messages/import-worker.ts).
 */
export const PARAM_TEXT_MAX = 300;

const clip = (v: unknown) => (typeof v === 'string' && v.length > PARAM_TEXT_MAX ? `${v.slice(0, PARAM_TEXT_MAX)}…` : v);

export function problem<C extends ProblemCode>(code: C, ...params: ProblemParams[C] extends Record<string, never> ? [] : [ProblemParams[C]]): Problem {
  const given = (params[0] ?? {}) as Record<string, unknown>;
  const clipped = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, clip(v)]));
  return { code, params: clipped as ProblemParams[C] } as Problem;
}

/** The problem located in `file` (and on `line`). */
export function at(file: string, p: Problem, line?: number): InputProblem {
  return { file, ...(line !== undefined ? { line } : {}), ...p };
}

/** An error's own message, for the `detail` of a problem. */
export function errorDetail(e: unknown): string {
  return (e as Error)?.message ?? String(e);
}
