/**
 * "Import documents": files the reader picks or drops, turned into library documents. Pure: no
 * DOM, no Node API. HTML needs a DOM, so the caller brings one (`readHtml`, made by
 * lib/extract/html-file.ts from DOMParser or linkedom).
 *
 * `importFile` is a generator: it yields one result per file read (a zip yields one per entry, a
 * long .jsonl one per JSONL_BATCH_LINES lines), so the caller can show progress and keep its page
 * responsive between files. `parseImportFile` collects them all. A bad file or line is a problem
 * naming it (and the line), as data (core/library/problem.ts); it never stops the good ones.
 */
import { findArabicDate, isoDay, localDay } from './dates.ts';
import { decodeText, declaredCharset } from './decode.ts';
import type { LibraryInput } from './input.ts';
import { documentLanguage } from './language.ts';
import { readMarkdown } from './markdown.ts';
import { at, errorDetail, problem, type InputProblem, type Problem } from './problem.ts';
import { joinParagraphs, plainParagraphs } from './text.ts';
import { cleanUrl } from './url.ts';
import { listZip } from './zip.ts';

const MiB = 1024 * 1024;

/** Size limits, each with its reason. Tests may pass smaller ones. */
export interface ImportLimits {
  /** .txt and .md: a long report is well under 1 MiB; beyond 5 MiB it is an archive that belongs in .jsonl. */
  maxTextFileBytes: number;
  /** .html: saved news pages with inline scripts and styles are 0.2–3 MiB; a bigger DOM takes seconds to parse. */
  maxHtmlFileBytes: number;
  /** .jsonl: 1,000 articles are about 5 MiB (issue 13); 100 MiB is a newsroom archive, still within a page's memory. */
  maxJsonlFileBytes: number;
  /** .zip as picked: the same order as the largest archive it may hold. */
  maxZipFileBytes: number;
  /** Entries read from one archive: ten times the 1,000-article import target. */
  maxZipEntries: number;
  /** Bytes decompressed from one archive (zip bombs): twice the largest .jsonl, all held in memory at once at worst. */
  maxZipTotalBytes: number;
  /** Archives within archives: one level is a folder zipped twice; more is a bomb's shape (42.zip). */
  maxZipDepth: number;
}

export const IMPORT_LIMITS: ImportLimits = {
  maxTextFileBytes: 5 * MiB,
  maxHtmlFileBytes: 10 * MiB,
  maxJsonlFileBytes: 100 * MiB,
  maxZipFileBytes: 100 * MiB,
  maxZipEntries: 10_000,
  maxZipTotalBytes: 200 * MiB,
  maxZipDepth: 2,
};

/**
 * Lines of a .jsonl file per yielded result. An article takes about 0.5 ms to check (Node, idle
 * machine; bench/ingest.bench.ts), so a batch is a step of ~15 ms: a caller that yields between
 * results keeps its page under the 50 ms long-task line and updates its progress often.
 */
export const JSONL_BATCH_LINES = 25;

/** A first line this short is a headline; a longer one is the text's first paragraph. */
export const TITLE_LINE_MAX_CHARS = 150;

/** What a file's dates say when it has none (the reader kept it that day). */
const IMPORT_DAY_NOTE = 'no date in the file: the day it was imported';

export interface ImportOptions {
  now: Date;
  /** An HTML file's article (lib/extract/html-file.ts: htmlFileReader). */
  readHtml: (html: string, file: string) => LibraryInput | { problem: Problem };
  limits?: Partial<ImportLimits>;
}

/** What one file (or zip entry, or batch of .jsonl lines) gave. */
export interface FileResult {
  file: string;
  inputs: LibraryInput[];
  problems: InputProblem[];
}

type Reader = (file: string, bytes: Uint8Array, ctx: Context) => Iterable<FileResult>;

interface Context {
  options: ImportOptions;
  limits: ImportLimits;
  depth: number;
}

function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function baseTitle(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).replace(/[_]+/g, ' ').trim() || base;
}

const fail = (file: string, p: Problem, line?: number): FileResult => ({ file, inputs: [], problems: [at(file, p, line)] });

const ok = (file: string, input: LibraryInput): FileResult => ({ file, inputs: [input], problems: [] });

/** A date from the text's opening ("بغداد – ٢٠ تشرين الأول ٢٠١٧ –"), else the import day. */
function undatedFields(text: string, now: Date): Pick<LibraryInput, 'date' | 'dateEstimated' | 'dateNote'> {
  const written = findArabicDate(text.slice(0, 400));
  return written
    ? { date: written.date, dateEstimated: true, dateNote: `date written in the text: "${written.written}"` }
    : { date: localDay(now), dateEstimated: true, dateNote: IMPORT_DAY_NOTE };
}

function tooLarge(file: string, size: number, limit: number): FileResult | undefined {
  return size > limit ? fail(file, problem('tooLarge', { size, limit })) : undefined;
}

const readTxt: Reader = function* (file, bytes, { options, limits }) {
  const big = tooLarge(file, bytes.length, limits.maxTextFileBytes);
  if (big) return yield big;
  const decoded = decodeText(bytes);
  if ('problem' in decoded) return yield fail(file, decoded.problem, decoded.line);
  let paragraphs = plainParagraphs(decoded.text);
  if (paragraphs.length === 0) return yield fail(file, problem('empty'));
  let title = baseTitle(file);
  if (paragraphs.length > 1 && paragraphs[0]!.length <= TITLE_LINE_MAX_CHARS) {
    title = paragraphs[0]!;
    paragraphs = paragraphs.slice(1);
  }
  const text = joinParagraphs(paragraphs);
  yield ok(file, {
    title,
    outlet: '',
    ...undatedFields(text, options.now),
    language: documentLanguage(undefined, text),
    text,
    origin: 'imported',
    sourceFile: file,
  });
};

const readMd: Reader = function* (file, bytes, { options, limits }) {
  const big = tooLarge(file, bytes.length, limits.maxTextFileBytes);
  if (big) return yield big;
  const decoded = decodeText(bytes);
  if ('problem' in decoded) return yield fail(file, decoded.problem, decoded.line);
  const md = readMarkdown(decoded.text);
  const { front } = md;
  const text = joinParagraphs(md.paragraphs);
  if (text === '') return yield fail(file, problem('noText'));
  const frontDate = isoDay(front['date']);
  const dates = frontDate
    ? { date: frontDate, dateEstimated: false, dateNote: 'front matter date' }
    : front['date']
      ? { ...undatedFields(text, options.now), dateNote: `front matter date "${front['date']}" is not a date; ${undatedFields(text, options.now).dateNote}` }
      : undatedFields(text, options.now);
  const url = cleanUrl(front['url']);
  const byline = front['author'] ?? front['byline'];
  yield ok(file, {
    title: front['title'] ?? md.heading ?? baseTitle(file),
    outlet: front['outlet'] ?? front['site'] ?? front['source'] ?? '',
    ...(url ? { url } : {}),
    ...dates,
    language: documentLanguage(front['language'] ?? front['lang'], text),
    ...(byline ? { byline } : {}),
    text,
    origin: 'imported',
    sourceFile: file,
  });
};

const readHtmlFile: Reader = function* (file, bytes, { options, limits }) {
  const big = tooLarge(file, bytes.length, limits.maxHtmlFileBytes);
  if (big) return yield big;
  const decoded = decodeText(bytes, declaredCharset(bytes));
  if ('problem' in decoded) return yield fail(file, decoded.problem, decoded.line);
  const article = options.readHtml(decoded.text, file);
  if ('problem' in article) return yield fail(file, article.problem);
  yield ok(file, { ...article, origin: 'imported', sourceFile: file });
};

/** One line of an import .jsonl: the corpus's article fields, with the text inline. */
function jsonlArticle(record: Record<string, unknown>, file: string): LibraryInput | { problems: Problem[] } {
  const problems: Problem[] = [];
  const str = (key: string): string | undefined => {
    const v = record[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') {
      problems.push(problem('notText', { field: key }));
      return undefined;
    }
    return v.trim() === '' ? undefined : v.trim();
  };
  const title = str('headline') ?? str('title');
  if (!title) problems.push(problem('missingTitle'));
  const text = typeof record['text'] === 'string' ? joinParagraphs(plainParagraphs(record['text'])) : str('text');
  if (!text) {
    problems.push(record['file'] !== undefined ? problem('textInFile') : problem('missingText'));
  }
  const outlet = str('outlet');
  if (outlet === undefined && (record['outlet'] === undefined || typeof record['outlet'] === 'string')) problems.push(problem('missingOutlet'));
  const rawDate = str('date');
  const date = isoDay(rawDate);
  if (!rawDate) problems.push(problem('missingDate'));
  else if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(rawDate)) problems.push(problem('badDate', { value: rawDate }));
  const rawUrl = str('url');
  const url = cleanUrl(rawUrl);
  if (rawUrl && !url) problems.push(problem('badUrl', { value: rawUrl }));
  const estimated = record['dateEstimated'];
  if (estimated !== undefined && typeof estimated !== 'boolean') problems.push(problem('badDateEstimated'));
  const dateNote = str('dateNote');
  const byline = str('byline');
  const language = str('language');
  if (problems.length > 0 || !title || !text || !date || outlet === undefined) return { problems };
  return {
    title,
    outlet,
    ...(url ? { url } : {}),
    date,
    dateEstimated: estimated === true,
    ...(dateNote ? { dateNote } : {}),
    language: documentLanguage(language, text),
    ...(byline ? { byline } : {}),
    text,
    origin: 'imported',
    sourceFile: file,
  };
}

const readJsonl: Reader = function* (file, bytes, { limits }) {
  const big = tooLarge(file, bytes.length, limits.maxJsonlFileBytes);
  if (big) return yield big;
  const decoded = decodeText(bytes);
  if ('problem' in decoded) return yield fail(file, decoded.problem, decoded.line);
  const lines = decoded.text.split('\n');
  let batch: FileResult = { file, inputs: [], problems: [] };
  let found = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw !== '') {
      found++;
      let record: unknown;
      try {
        record = JSON.parse(raw);
      } catch (e) {
        batch.problems.push(at(file, problem('badJson', { detail: errorDetail(e) }), i + 1));
        record = undefined;
      }
      if (record !== undefined) {
        if (typeof record !== 'object' || record === null || Array.isArray(record)) {
          batch.problems.push(at(file, problem('notAnObject'), i + 1));
        } else {
          const article = jsonlArticle(record as Record<string, unknown>, file);
          if ('problems' in article) batch.problems.push(...article.problems.map((p) => at(file, p, i + 1)));
          else batch.inputs.push(article);
        }
      }
    }
    if ((i + 1) % JSONL_BATCH_LINES === 0) {
      yield batch;
      batch = { file, inputs: [], problems: [] };
    }
  }
  if (found === 0) batch.problems.push(at(file, problem('noLines')));
  // The last partial batch (an empty one only when nothing was yielded yet: every file gives a result).
  if (batch.inputs.length > 0 || batch.problems.length > 0 || lines.length < JSONL_BATCH_LINES) yield batch;
};

/** macOS resource forks and hidden files (".DS_Store", "._x.txt", ".git/…"): never the reader's documents. */
function isSkippedEntry(name: string): boolean {
  return name.startsWith('__MACOSX/') || name.split('/').some((part) => part.startsWith('.'));
}

const readZip: Reader = function* (file, bytes, ctx) {
  const { limits } = ctx;
  const big = tooLarge(file, bytes.length, limits.maxZipFileBytes);
  if (big) return yield big;
  if (ctx.depth >= limits.maxZipDepth) return yield fail(file, problem('nestedArchive', { limit: limits.maxZipDepth }));
  const { entries, broken } = listZip(bytes);
  if (broken && entries.length === 0) return yield fail(file, broken);
  let budget = limits.maxZipTotalBytes;
  let read = 0;
  for (const entry of entries) {
    if (isSkippedEntry(entry.name)) continue;
    const name = `${file}/${entry.name}`;
    if (read === limits.maxZipEntries) {
      yield fail(file, problem('tooManyEntries', { limit: limits.maxZipEntries }));
      break;
    }
    read++;
    const reader = READERS[extensionOf(entry.name)];
    if (!reader) {
      yield unknownExtension(name);
      continue;
    }
    if (budget <= 0) {
      yield fail(file, problem('archiveTooLarge', { limit: limits.maxZipTotalBytes }));
      break;
    }
    const fileLimit = MAX_BYTES[extensionOf(entry.name)]!(limits);
    const content = entry.read(Math.min(budget, fileLimit));
    if ('problem' in content) {
      const tooLarge = content.problem.code === 'tooLarge' || content.problem.code === 'inflatesTooLarge';
      // Stopped by what is left of the archive's budget, not by the entry's own limit: the archive is what is too large.
      const overBudget = budget < fileLimit && tooLarge;
      yield fail(name, overBudget ? problem('archiveTooLarge', { limit: limits.maxZipTotalBytes }) : content.problem);
      continue;
    }
    budget -= content.bytes.length;
    yield* reader(name, content.bytes, { ...ctx, depth: ctx.depth + 1 });
  }
  if (broken) yield fail(file, broken);
};

function unknownExtension(file: string): FileResult {
  return fail(file, problem('unknownType', { types: Object.keys(READERS).map((e) => `.${e}`).join(', ') }));
}

const READERS: Record<string, Reader> = {
  txt: readTxt,
  md: readMd,
  markdown: readMd,
  html: readHtmlFile,
  htm: readHtmlFile,
  jsonl: readJsonl,
  zip: readZip,
};

/** The most bytes a file of this extension may have: a zip entry is not inflated past it. */
const MAX_BYTES: Record<string, (limits: ImportLimits) => number> = {
  txt: (l) => l.maxTextFileBytes,
  md: (l) => l.maxTextFileBytes,
  markdown: (l) => l.maxTextFileBytes,
  html: (l) => l.maxHtmlFileBytes,
  htm: (l) => l.maxHtmlFileBytes,
  jsonl: (l) => l.maxJsonlFileBytes,
  zip: (l) => l.maxZipFileBytes,
};

/** The file's documents and problems, one result at a time (see the module comment). */
export function* importFile(name: string, bytes: Uint8Array, options: ImportOptions): Generator<FileResult> {
  const reader = READERS[extensionOf(name)];
  if (!reader) return yield unknownExtension(name);
  const limits = { ...IMPORT_LIMITS, ...options.limits };
  try {
    yield* reader(name, bytes, { options, limits, depth: 0 });
  } catch (e) {
    // A reader bug must not lose the files already given; this file gets a problem in words.
    yield fail(name, problem('unreadable', { detail: errorDetail(e) }));
  }
}

/** All of a file's documents and problems at once. */
export function parseImportFile(name: string, bytes: Uint8Array, options: ImportOptions): { inputs: LibraryInput[]; problems: InputProblem[] } {
  const inputs: LibraryInput[] = [];
  const problems: InputProblem[] = [];
  for (const result of importFile(name, bytes, options)) {
    inputs.push(...result.inputs);
    problems.push(...result.problems);
  }
  return { inputs, problems };
}
