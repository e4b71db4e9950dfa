/**
 * An article's outlet, byline and date as one line: the entity card's coverage items, the side
 * panel's source list and its reader view all write it with this component. The date is the
 * reader's way of writing dates, marked when it is an estimate (a reader's note on what that means
 * as the tooltip, in the interface language: the corpus's own dateNote is the curator's reasoning).
 */
import type { ComponentChildren, JSX } from 'preact';
import { formatDate, t, type UiLang } from '../lib/i18n.ts';
import type { ArticleSummary } from '../lib/messages.ts';

/** The outlet's name in the interface language (its Arabic name when it has no English one). */
export function outletName(article: ArticleSummary, lang: UiLang): string {
  return lang === 'en' && article.outletEn ? article.outletEn : article.outlet;
}

export function ArticleDate(props: { article: ArticleSummary; lang: UiLang }): JSX.Element {
  const { article, lang } = props;
  return (
    <span class="article-date" title={article.dateEstimated ? t('dateEstimatedNote', lang) : undefined}>
      <time dateTime={article.date}>{formatDate(article.date, lang)}</time>
      {article.dateEstimated && <span class="estimated"> {t('dateEstimated', lang)}</span>}
    </span>
  );
}

export interface ArticleMetaProps {
  article: ArticleSummary;
  lang: UiLang;
  /** The line's class: kc-meta in the card, source-meta in the side panel. */
  class: string;
  /** Show the byline (when the article has one) between outlet and date. */
  byline?: boolean;
  /** Written between the items, hidden from screen readers (the card's ' · '); none by default. */
  separator?: string;
  /** More items after the date (the number of names in the source list). */
  children?: ComponentChildren;
}

export function ArticleMeta(props: ArticleMetaProps): JSX.Element {
  const { article, lang } = props;
  const separator = props.separator ? <span aria-hidden="true">{props.separator}</span> : null;
  return (
    <p class={props.class}>
      <bdi class="outlet">{outletName(article, lang)}</bdi>
      {props.byline && article.byline && (
        <>
          {separator}
          <bdi lang="ar">{article.byline}</bdi>
        </>
      )}
      {article.date && (
        <>
          {separator}
          <ArticleDate article={article} lang={lang} />
        </>
      )}
      {props.children}
    </p>
  );
}
