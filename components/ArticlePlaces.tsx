/**
 * In the side panel's reader (issue 14): the map of the places a source article names, linked to
 * their list (choosing one moves focus to its first mention in the text, which opens its card),
 * and the article's names exported as W3C Web Annotations over its text.
 */
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import { baseMap } from '../db/queries.ts';
import { articleAnnotations, saveFile, ANNOTATION_MIME } from '../lib/export.ts';
import { t, type UiLang } from '../lib/i18n.ts';
import { uiDatabase, type Gazetteer, type ReaderArticle } from '../lib/ui-data.ts';
import { ExportButton } from './ExportButton.tsx';
import { useLiveQuery } from './hooks.ts';
import { PlacesMap } from './PlacesMap.tsx';

export function ArticlePlaces(props: { data: ReaderArticle; gazetteer: Gazetteer | undefined; lang: UiLang }): JSX.Element {
  const { data, gazetteer, lang } = props;
  const db = uiDatabase();
  const map = useLiveQuery(() => baseMap(db), []);
  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const m of data.mentions) c[m.entityId] = (c[m.entityId] ?? 0) + 1;
    return c;
  }, [data]);
  return (
    <>
      <PlacesMap
        map={map.value}
        counts={counts}
        entities={gazetteer?.byId}
        title={t('placesMapArticle', lang)}
        lang={lang}
        onChoose={(id) => document.querySelector<HTMLElement>(`.reader-text [data-entity="${CSS.escape(id)}"]`)?.focus()}
      />
      <ExportButton
        label={t('exportAnnotations', lang)}
        lang={lang}
        testId="export-article-annotations"
        run={() => {
          if (!gazetteer) return null;
          const out = articleAnnotations(data.article, data.mentions, gazetteer.byId);
          if (out.annotations.total === 0) return null;
          saveFile(out.fileName, out.annotations, ANNOTATION_MIME);
          return t('exportDone', lang, { n: out.annotations.total, file: out.fileName });
        }}
      />
    </>
  );
}
