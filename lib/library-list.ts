/**
 * The library page's list: search, filter by outlet and date, newest first, a page at a time.
 * It reads the rows only (a few hundred bytes an article); the texts live apart, and a search of
 * their words (`searchTexts`) reads the word index (db/library-words.ts), never the texts. Arabic is compared normalised (core/arabic/normalise.ts
 * normaliseKey: diacritics, hamza and taa marbuta forms, tatweel), so "الرقه" finds "الرَّقة".
 */
import { normaliseKey } from '../core/arabic/normalise.ts';
import type { LensDatabase, LibraryRow } from '../db/database.ts';
import { articlesWithWords } from '../db/library-words.ts';

export interface LibraryFilter {
  /** Words, all of which must be in the headline, outlet, names found or (with `textHits`) the text. */
  query: string;
  /** '' for every outlet. */
  outlet: string;
  /** ISO dates, inclusive; '' for open-ended. */
  from: string;
  to: string;
}

export const NO_FILTER: LibraryFilter = { query: '', outlet: '', from: '', to: '' };

/** Rows shown per page: a page renders in a few ms and 10,000 rows are 200 pages. */
export const LIBRARY_PAGE_SIZE = 50;

export interface ListItem {
  row: LibraryRow;
  /** The names the article mentions, most mentioned first. */
  names: string[];
  /** Headline, outlet and names, normalised: what the query's words are looked for in. */
  key: string;
}

/** The row as the list shows and searches it; `nameOf` gives an entity's name (the gazetteer's). */
export function listItem(row: LibraryRow, nameOf: (entityId: string) => string | undefined): ListItem {
  const ids = Object.keys(row.counts).sort((a, b) => row.counts[b]! - row.counts[a]! || a.localeCompare(b));
  const names = ids.map((id) => nameOf(id) ?? id);
  return { row, names, key: ` ${normaliseKey([row.headline, row.outlet, ...names].join(' '))} ` };
}

/** The query's words, normalised ("  الرَّقة  والموصل " → ['الرقه', 'والموصل']). */
export function queryWords(query: string): string[] {
  return normaliseKey(query).split(/\s+/).filter((w) => w !== '');
}

function inRange(date: string, from: string, to: string): boolean {
  if (!from && !to) return true;
  if (!date) return false;
  return (!from || date >= from) && (!to || date <= to);
}

/**
 * Newest publication first; an undated article last; the same day newest added first. Plain
 * comparisons (ISO dates, ids): localeCompare made sorting 10,000 rows a long task.
 */
export function newestFirst(a: ListItem, b: ListItem): number {
  const da = a.row.date;
  const db = b.row.date;
  if (da !== db) return !da ? 1 : !db ? -1 : da < db ? 1 : -1;
  return b.row.addedAt - a.row.addedAt || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);
}

/** The list's items for `rows`, newest first: made once per change of the library, not per key. */
export function listItems(rows: readonly LibraryRow[], nameOf: (entityId: string) => string | undefined): ListItem[] {
  return rows.map((r) => listItem(r, nameOf)).sort(newestFirst);
}

/** Rows made into items between two pauses: a row's key costs ~20 µs, 10,000 rows ~0.2 s. */
const ITEMS_SLICE = 500;

/**
 * listItems for a large library without a long task: ITEMS_SLICE rows at a time, `pause` between;
 * undefined when `signal` aborts (the library changed again meanwhile).
 */
export async function listItemsInSlices(
  rows: readonly LibraryRow[],
  nameOf: (entityId: string) => string | undefined,
  signal: AbortSignal,
  pause: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0)),
): Promise<ListItem[] | undefined> {
  const items: ListItem[] = [];
  for (let i = 0; i < rows.length; i += ITEMS_SLICE) {
    if (i > 0) await pause();
    if (signal.aborted) return undefined;
    for (const r of rows.slice(i, i + ITEMS_SLICE)) items.push(listItem(r, nameOf));
  }
  return items.sort(newestFirst);
}

/**
 * The items that pass `filter`, in the order given (listItems: newest first). An item passes the
 * query when every word is in its key, or when `textHits` (ids whose text has every word:
 * searchTexts) holds it.
 */
export function filterLibrary(items: readonly ListItem[], filter: LibraryFilter, textHits?: ReadonlySet<string>): ListItem[] {
  const words = queryWords(filter.query);
  return items.filter(
    (item) =>
      (!filter.outlet || item.row.outlet === filter.outlet) &&
      inRange(item.row.date, filter.from, filter.to) &&
      (words.length === 0 || words.every((w) => item.key.includes(w)) || (textHits?.has(item.row.id) ?? false)),
  );
}

/** Every outlet in the library, for the filter's choices, in alphabetical order. */
export function outletsOf(rows: readonly LibraryRow[]): string[] {
  return [...new Set(rows.map((r) => r.outlet).filter((o) => o !== ''))].sort((a, b) => a.localeCompare(b, 'ar'));
}

/**
 * Ids of the articles whose text holds every word of `query` (whole words, with or without their
 * proclitics: core/library/word-index.ts), from the word index written when they were stored
 * (db/library-words.ts): one bucket read per word, no text read. Undefined when `signal` aborted
 * meanwhile (the reader typed on).
 */
export async function searchTexts(db: LensDatabase, query: string, signal: AbortSignal): Promise<Set<string> | undefined> {
  if (queryWords(query).length === 0) return new Set();
  const hits = await articlesWithWords(db, query);
  return signal.aborted ? undefined : hits;
}
