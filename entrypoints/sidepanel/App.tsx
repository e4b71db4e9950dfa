/**
 * The side panel (Chrome side_panel, Firefox sidebar): the corpus's sources, filtered by outlet, by
 * the names they mention, and by what they share with the page open in the active tab; and a
 * reader view of one source with its names highlighted, each opening the shared entity card.
 * Follows the active tab: the "related" ranking changes with the page the reader looks at.
 */
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { outletName } from '../../components/ArticleMeta.tsx';
import { DataStatus } from '../../components/DataStatus.tsx';
import { EntityOutlets } from '../../components/EntityOutlets.tsx';
import { ReaderView } from '../../components/ReaderView.tsx';
import { SavePageButton } from '../../components/SavePageButton.tsx';
import { Message } from '../../components/Message.tsx';
import { SourceList, type ListedSource } from '../../components/SourceList.tsx';
import { useLiveQuery } from '../../components/hooks.ts';
import { usePageData } from '../../components/page-data.ts';
import { useReaderRequests } from '../../components/reader-request-hook.ts';
import { dirOf, t } from '../../lib/i18n.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';
import { relatedSources, sources, type SourceRow } from '../../lib/ui-data.ts';
import { PagePlaces } from './PagePlaces.tsx';

/** Entity chips offered besides the selected ones: names of the open page, then the corpus's. */
const PAGE_CHIPS = 6;
const CORPUS_CHIPS = 10;

export function SidePanelApp(): JSX.Element {
  const { settings, lang, db, status, gazetteer: gaz, tab, names } = usePageData('sidepanelTitle', true);
  const pageNames = names.names;
  const rows = useLiveQuery(() => sources(db), []);

  const [outlets, setOutlets] = useState<readonly string[]>([]);
  const [entities, setEntities] = useState<readonly string[]>([]);
  const [related, setRelated] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const lastOpened = useRef<string | null>(null);
  // "Read the source in the side panel" from a hover card.
  useReaderRequests(setOpenId);

  const all = rows.value ?? [];
  const outletList = useMemo(() => {
    const seen = new Map<string, SourceRow['article']>();
    for (const r of all) if (!seen.has(r.article.outlet)) seen.set(r.article.outlet, r.article);
    return [...seen.values()];
  }, [all]);

  const chipIds = useMemo(() => {
    const ids: string[] = [];
    const add = (id: string) => {
      if (!ids.includes(id) && gaz.value?.byId.has(id)) ids.push(id);
    };
    Object.entries(pageNames)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .slice(0, PAGE_CHIPS)
      .forEach(([id]) => add(id));
    // The corpus's most mentioned names that not every source mentions (those would filter nothing).
    const inArticles = new Map<string, number>();
    for (const r of all) for (const id of r.names) inArticles.set(id, (inArticles.get(id) ?? 0) + 1);
    [...inArticles.keys()]
      .filter((id) => (inArticles.get(id) ?? 0) < all.length)
      .sort((a, b) => (gaz.value?.mentions.get(b) ?? 0) - (gaz.value?.mentions.get(a) ?? 0) || a.localeCompare(b))
      .slice(0, CORPUS_CHIPS)
      .forEach(add);
    entities.forEach(add);
    return ids;
  }, [pageNames, all, gaz.value, entities]);

  const listed: ListedSource[] = useMemo(() => {
    let list: ListedSource[];
    if (related) {
      const byId = new Map(all.map((r) => [r.article.id, r]));
      list = relatedSources(pageNames, all).flatMap((rel) => {
        const row = byId.get(rel.articleId);
        return row ? [{ row, shared: rel.shared }] : [];
      });
    } else {
      list = all.map((row) => ({ row }));
    }
    return list.filter(
      ({ row }) =>
        (outlets.length === 0 || outlets.includes(row.article.outlet)) &&
        entities.every((id) => (row.counts[id] ?? 0) > 0),
    );
  }, [all, related, pageNames, outlets, entities]);

  const toggle = (list: readonly string[], value: string) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  const filtered = outlets.length > 0 || entities.length > 0 || related;

  return (
    <main class="sidepanel" lang={lang} dir={dirOf(lang)}>
      <header class="page-header">
        <h1>{t('sidepanelTitle', lang)}</h1>
        <a class="btn" href="/library.html" target="_blank" rel="noopener">
          {t('openLibrary', lang)}
        </a>
      </header>
      <p class="section muted" data-testid="current-page">
        {tab?.host ? <Message k="currentPage" lang={lang} vars={{ title: tab.title || tab.url }} /> : t('noCurrentPage', lang)}
      </p>
      {tab?.host && (
        <section class="section">
          <SavePageButton tab={tab} lang={lang} />
        </section>
      )}
      <DataStatus status={status.value} lang={lang} />
      {openId ? (
        <ReaderView
          articleId={openId}
          lang={lang}
          gazetteer={gaz.value}
          hoverDelayMs={settings?.hoverDelayMs ?? DEFAULT_SETTINGS.hoverDelayMs}
          onBack={() => setOpenId(null)}
        />
      ) : (
        <>
          <section class="section filters" aria-label={t('filters', lang)}>
            <div role="group" aria-labelledby="filter-outlet">
              <p id="filter-outlet" class="filter-label">
                {t('filterOutlet', lang)}
              </p>
              <ul class="chips">
                {outletList.map((a) => (
                  <li key={a.outlet}>
                    <button
                      type="button"
                      class="chip"
                      aria-pressed={outlets.includes(a.outlet)}
                      data-outlet={a.outlet}
                      onClick={() => setOutlets((o) => toggle(o, a.outlet))}
                    >
                      {outletName(a, lang)}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
            <div role="group" aria-labelledby="filter-entity">
              <p id="filter-entity" class="filter-label">
                {t('filterEntity', lang)}
              </p>
              <ul class="chips">
                {chipIds.map((id) => {
                  const e = gaz.value!.byId.get(id)!;
                  return (
                    <li key={id}>
                      <button
                        type="button"
                        class="chip"
                        aria-pressed={entities.includes(id)}
                        data-entity={id}
                        lang={lang === 'en' ? 'en' : 'ar'}
                        onClick={() => setEntities((s) => toggle(s, id))}
                      >
                        {lang === 'en' ? e.nameEn : e.name}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
            <label class="switch">
              <input
                type="checkbox"
                role="switch"
                checked={related}
                onChange={(e) => setRelated(e.currentTarget.checked)}
              />
              <span>{t('relatedToPage', lang)}</span>
            </label>
            {filtered && (
              <p>
                <button
                  type="button"
                  class="btn-link"
                  onClick={() => {
                    setOutlets([]);
                    setEntities([]);
                    setRelated(false);
                  }}
                >
                  {t('clearFilters', lang)}
                </button>
              </p>
            )}
          </section>
          {/* One name selected: how each outlet names it, and when (EntityOutlets.tsx). */}
          {entities.length === 1 && <EntityOutlets entityId={entities[0]!} lang={lang} />}
          <PagePlaces db={db} tab={tab} names={pageNames} gazetteer={gaz.value} lang={lang} />
          <section class="section" aria-labelledby="sources-heading">
            <h2 id="sources-heading">{t('sourceList', lang)}</h2>
            <p role="status" class="muted" data-testid="source-count">
              {rows.value ? t('articleCount', lang, { n: listed.length, total: all.length }) : ''}
            </p>
            {related && listed.length === 0 && rows.value && <p class="notice">{t('relatedNone', lang)}</p>}
            <SourceList
              sources={listed}
              gazetteer={gaz.value}
              lang={lang}
              focusId={lastOpened.current}
              onOpen={(id) => {
                lastOpened.current = id;
                setOpenId(id);
              }}
            />
          </section>
        </>
      )}
    </main>
  );
}
