/**
 * The reader's library as a list: search (headline, outlet, names, and the texts' words, read
 * apart and in chunks), filter by outlet and date range, newest first, a page of
 * LIBRARY_PAGE_SIZE rows at a time (10,000 articles are 200 pages, each rendered at once). Each
 * row: headline (opens the reader view), outlet, date (marked when estimated), origin, the names
 * found; delete with an undo bar (removeFromLibrary gives back what restoreToLibrary puts back).
 */
import type { JSX } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { ArticleDate } from '../../components/ArticleMeta.tsx';
import type { LibraryRow } from '../../db/database.ts';
import { libraryRows, ownSummary, removeFromLibrary, restoreToLibrary, type StoredArticle } from '../../db/library.ts';
import { LIBRARY_REFRESH_DURING_IMPORT_MS, LIBRARY_UNDO_MS } from '../../lib/constants.ts';
import { errorText } from '../../lib/errors.ts';
import { t, type UiKey, type UiLang } from '../../lib/i18n.ts';
import { filterLibrary, LIBRARY_PAGE_SIZE, listItemsInSlices, NO_FILTER, outletsOf, queryWords, searchTexts, type LibraryFilter, type ListItem } from '../../lib/library-list.ts';
import { uiDatabase, type Gazetteer } from '../../lib/ui-data.ts';
import { useThrottledLiveQuery } from './throttled-live-query.ts';

/** The texts are searched once the reader stops typing for this long (each search reads them all). */
const TEXT_SEARCH_DELAY_MS = 250;

const ORIGIN_KEYS: Record<LibraryRow['origin'], UiKey> = {
  saved: 'libraryOriginSaved',
  imported: 'libraryOriginImported',
  restored: 'libraryOriginRestored',
};

export interface LibraryListProps {
  lang: UiLang;
  gazetteer: Gazetteer | undefined;
  /** An import is under way: the rows are read again at most every LIBRARY_REFRESH_DURING_IMPORT_MS. */
  importing?: boolean;
  onOpen: (articleId: string) => void;
}

interface Undo {
  removed: StoredArticle[];
  title: string;
}

export function LibraryList(props: LibraryListProps): JSX.Element {
  const { lang, gazetteer } = props;
  const db = uiDatabase();
  const rows = useThrottledLiveQuery(() => libraryRows(db), props.importing === true ? LIBRARY_REFRESH_DURING_IMPORT_MS : 0);
  const [filter, setFilter] = useState<LibraryFilter>(NO_FILTER);
  const [page, setPage] = useState(0);
  const [textHits, setTextHits] = useState<{ query: string; ids: Set<string> } | undefined>();
  const [undo, setUndo] = useState<Undo | null>(null);
  const [error, setError] = useState('');
  const undoTimer = useRef<ReturnType<typeof setTimeout>>();
  const ids = { search: useId(), outlet: useId(), from: useId(), to: useId() };

  const nameOf = (id: string) => gazetteer?.byId.get(id)?.name;
  // Made in slices (10,000 rows would be a long task); the previous items stay until then.
  const [made, setMade] = useState<{ rows: LibraryRow[] | undefined; items: ListItem[] }>({ rows: undefined, items: [] });
  useEffect(() => {
    const stop = new AbortController();
    const source = rows.value;
    listItemsInSlices(source ?? [], nameOf, stop.signal).then(
      (items) => items && setMade({ rows: source, items }),
      (e: unknown) => setError(errorText(e, lang)),
    );
    return () => stop.abort();
  }, [rows.value, gazetteer]);
  const items = made.items;
  const ready = made.rows === rows.value;
  const outlets = useMemo(() => outletsOf(rows.value ?? []), [rows.value]);

  // The texts' words: searched after a pause in typing, abandoned when the query changes.
  const words = queryWords(filter.query).join(' ');
  useEffect(() => {
    if (words === '') return;
    const stop = new AbortController();
    const timer = setTimeout(() => {
      searchTexts(db, words, stop.signal).then(
        (hits) => hits && setTextHits({ query: words, ids: hits }),
        (e: unknown) => setError(errorText(e, lang)),
      );
    }, TEXT_SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      stop.abort();
    };
  }, [words, rows.value]);
  const hits = textHits?.query === words ? textHits.ids : undefined;
  const searching = words !== '' && !hits;

  const shown = useMemo(() => filterLibrary(items, filter, hits), [items, filter, hits]);
  const pages = Math.max(1, Math.ceil(shown.length / LIBRARY_PAGE_SIZE));
  const at = Math.min(page, pages - 1);
  const visible = shown.slice(at * LIBRARY_PAGE_SIZE, (at + 1) * LIBRARY_PAGE_SIZE);

  useEffect(() => () => clearTimeout(undoTimer.current), []);

  const change = (c: Partial<LibraryFilter>) => {
    setFilter((f) => ({ ...f, ...c }));
    setPage(0);
  };

  const remove = (item: ListItem) => {
    setError('');
    removeFromLibrary(db, [item.row.id]).then((removed) => {
      clearTimeout(undoTimer.current);
      setUndo({ removed, title: item.row.headline });
      undoTimer.current = setTimeout(() => setUndo(null), LIBRARY_UNDO_MS);
    }, (e: unknown) => setError(errorText(e, lang)));
  };
  const restore = () => {
    if (!undo) return;
    clearTimeout(undoTimer.current);
    restoreToLibrary(db, undo.removed).then(() => setUndo(null), (e: unknown) => setError(errorText(e, lang)));
  };

  const total = rows.value?.length ?? 0;
  return (
    <section class="section library-list" aria-labelledby="list-heading">
      <h2 id="list-heading">{t('libraryListHeading', lang, { n: total })}</h2>
      <div class="library-filters">
        <label for={ids.search} class="filter-label">
          {t('librarySearch', lang)}
        </label>
        <input id={ids.search} type="search" dir="auto" value={filter.query} onInput={(e) => change({ query: e.currentTarget.value })} />
        <div class="filter-row">
          <span>
            <label for={ids.outlet} class="filter-label">
              {t('libraryOutlet', lang)}
            </label>
            <select id={ids.outlet} value={filter.outlet} onChange={(e) => change({ outlet: e.currentTarget.value })}>
              <option value="">{t('libraryAllOutlets', lang)}</option>
              {outlets.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </span>
          <span>
            <label for={ids.from} class="filter-label">
              {t('libraryFrom', lang)}
            </label>
            <input id={ids.from} type="date" value={filter.from} onInput={(e) => change({ from: e.currentTarget.value })} />
          </span>
          <span>
            <label for={ids.to} class="filter-label">
              {t('libraryTo', lang)}
            </label>
            <input id={ids.to} type="date" value={filter.to} onInput={(e) => change({ to: e.currentTarget.value })} />
          </span>
        </div>
      </div>
      <p class="muted" role="status" data-testid="list-status">
        {searching ? t('librarySearchingTexts', lang) : total > 0 ? t('libraryShown', lang, { n: shown.length }) : ''}
      </p>
      {error && (
        <p class="notice" data-kind="error" role="alert">
          {error}
        </p>
      )}
      {undo && (
        <div class="notice undo-bar" role="status" data-testid="undo-bar">
          <span>{t('libraryDeleted', lang, { title: undo.title })}</span>{' '}
          <button type="button" class="btn" onClick={restore}>
            {t('libraryUndo', lang)}
          </button>
        </div>
      )}
      {rows.value && total === 0 && <p class="notice">{t('libraryEmpty', lang)}</p>}
      {ready && total > 0 && shown.length === 0 && !searching && <p class="notice">{t('libraryNoMatch', lang)}</p>}
      <ul class="sources library-rows" data-testid="library-rows">
        {visible.map((item) => (
          <Row key={item.row.id} item={item} lang={lang} onOpen={props.onOpen} onDelete={remove} />
        ))}
      </ul>
      {pages > 1 && (
        <nav class="pagination" aria-label={t('libraryPagination', lang)}>
          <button type="button" class="btn" disabled={at === 0} onClick={() => setPage(at - 1)}>
            {t('libraryPrev', lang)}
          </button>
          <span>{t('libraryPage', lang, { page: at + 1, pages })}</span>
          <button type="button" class="btn" disabled={at >= pages - 1} onClick={() => setPage(at + 1)}>
            {t('libraryNext', lang)}
          </button>
        </nav>
      )}
    </section>
  );
}

function Row(props: { item: ListItem; lang: UiLang; onOpen: (id: string) => void; onDelete: (item: ListItem) => void }): JSX.Element {
  const { item, lang } = props;
  const { row } = item;
  return (
    <li class="source library-row" data-article={row.id}>
      <h3 lang="ar" dir="rtl">
        <button type="button" class="source-open" onClick={() => props.onOpen(row.id)}>
          {row.headline}
        </button>
      </h3>
      <p class="source-meta">
        {row.outlet && <span lang="ar">{row.outlet}</span>}
        {row.date && <ArticleDate article={ownSummary(row)} lang={lang} />}
        <span class="badge" data-origin={row.origin}>
          {t(ORIGIN_KEYS[row.origin], lang)}
        </span>
      </p>
      <p class="source-meta" data-testid="row-names">
        {item.names.length > 0 ? t('libraryNames', lang, { names: item.names.join('، ') }) : t('libraryNoNames', lang)}
      </p>
      <p>
        <button type="button" class="btn btn-link" aria-label={t('libraryDeleteNamed', lang, { title: row.headline })} onClick={() => props.onDelete(item)}>
          {t('libraryDelete', lang)}
        </button>
      </p>
    </li>
  );
}
