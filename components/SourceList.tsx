/**
 * The side panel's list of corpus sources: headline (opens the reader view), outlet, date (an
 * estimated date is marked, with how it was estimated as its tooltip) and how many names the
 * source mentions; in the "related" view also the names it shares with the open page.
 */
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t, type UiLang } from '../lib/i18n.ts';
import type { Gazetteer, SourceRow } from '../lib/ui-data.ts';
import { ArticleMeta } from './ArticleMeta.tsx';
import { Message } from './Message.tsx';

export interface ListedSource {
  row: SourceRow;
  /** Entity ids shared with the open page (related view only). */
  shared?: string[];
}

export interface SourceListProps {
  sources: readonly ListedSource[];
  gazetteer: Gazetteer | undefined;
  lang: UiLang;
  /** The source whose button takes focus on mount (coming back from its reader view). */
  focusId?: string | null;
  onOpen: (articleId: string) => void;
}

const SHARED_SHOWN = 5;

export function SourceList(props: SourceListProps): JSX.Element {
  const { lang, gazetteer } = props;
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!props.focusId) return;
    list.current?.querySelector<HTMLElement>(`[data-article="${CSS.escape(props.focusId)}"]`)?.focus();
    // Only on mount: later renders must not steal the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <ul class="sources" ref={list}>
      {props.sources.map(({ row, shared }) => {
        const a = row.article;
        const sharedNames = (shared ?? [])
          .slice(0, SHARED_SHOWN)
          .map((id) => gazetteer?.byId.get(id))
          .map((e) => (e ? (lang === 'en' ? e.nameEn : e.name) : ''))
          .filter(Boolean);
        return (
          <li key={a.id} class="source" data-article-row={a.id}>
            <h3 lang="ar" dir="rtl">
              <button type="button" class="source-open" data-article={a.id} onClick={() => props.onOpen(a.id)}>
                {a.headline}
              </button>
            </h3>
            <ArticleMeta article={a} lang={lang} class="source-meta">
              <span class="names-count">{t('namesInArticle', lang, { n: row.names.length })}</span>
              {a.own && <span class="own-tag" data-testid="own-tag">{t('ownArticle', lang)}</span>}
            </ArticleMeta>
            {sharedNames.length > 0 && (
              <p class="source-meta shared">
                <Message k="sharedNames" lang={lang} vars={{ names: sharedNames.join(t('listSeparator', lang)) }} />
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
