/**
 * The entity card: everything the bundled coverage says about one name, in one component that the
 * hover card (content script), the popup and the side panel all render.
 *
 * Page text and corpus text reach the reader only as text nodes: JSX children, never innerHTML or
 * dangerouslySetInnerHTML, so a headline or a snippet holding markup shows as literal characters.
 * The one piece of structure inside corpus text, the marked name in a snippet, is made by slicing
 * the string at the snippet's offsets and wrapping the middle in <mark>.
 */
import { useId } from 'preact/hooks';
import type { JSX } from 'preact';
import { categoryOf, type ArticleCoverage, type Snippet } from '../core/types.ts';
import { CARD_MAX_ARTICLES, CARD_MAX_RELATED } from '../lib/constants.ts';
import { countryName, kindLabel, t, type UiLang } from '../lib/i18n.ts';
import { tn } from '../lib/plural.ts';
import type { ArticleSummary, CardData } from '../lib/messages.ts';
import { ArticleMeta } from './ArticleMeta.tsx';
import { CoverageTimeline } from './CoverageTimeline.tsx';
import { OutletNames } from './OutletNames.tsx';
import { LocatorMap } from './LocatorMap.tsx';
import type { BaseMap } from '../core/geo/basemap.ts';
import { firstSnippet } from './first-snippet.ts';
import { useCardTheme, type CardTheme } from './card-theme.ts';
import './card.css';

export interface EntityCardProps extends CardData {
  /** The language of the card's own words (labels, dates); names and corpus text stay Arabic. */
  lang?: UiLang;
  /** Light or dark; when left out the card follows prefers-color-scheme. */
  theme?: CardTheme;
  /** Shows a close button that calls this. */
  onClose?: () => void;
  /** At most this many articles (default CARD_MAX_ARTICLES). */
  maxArticles?: number;
  /** dialog for the hover card; region where the card is part of a page (side panel). */
  role?: 'dialog' | 'region';
  /** About the match the card was opened from (the hover card: CorrectionControl), under the header. */
  matchNote?: JSX.Element | null;
  /** Related names become buttons that open their own card. */
  onOpenRelated?: (entityId: string) => void;
  /** The outlet section in full (the side panel), not the hover card's line or two. */
  fullOutlets?: boolean;
  /** Shown at the card's foot (the hover card's actions: CardActions.tsx). */
  children?: JSX.Element | null;
  /** A place's locator map draws on this (fetched once per page, not with every card). */
  baseMap?: BaseMap | null | undefined;
}

export function EntityCard(props: EntityCardProps): JSX.Element {
  const { entity, parent, coverage, articles, related } = props;
  const lang = props.lang ?? 'ar';
  const uid = useId();
  const theme = useCardTheme(props.theme);
  const titleId = `${uid}-title`;
  const category = categoryOf(entity.kind);
  const shown = (coverage?.articles ?? []).filter((a) => articles[a.articleId]);
  const maxArticles = props.maxArticles ?? CARD_MAX_ARTICLES;
  // The reader's own articles come first, the newest few of them (db/queries.ts withLibrary);
  // props.library counts all of them.
  const bundledShown = shown.filter((a) => !articles[a.articleId]!.own);
  const ownTotal = props.library?.articles ?? 0;
  const total = bundledShown.length + ownTotal;
  // An outlet's card lists the sources it published too, which need not name it (coverage.ts).
  const mentionedIn = bundledShown.filter((a) => a.count > 0).length;
  const published = bundledShown.filter((a) => a.published).length;
  const relatedPlaces = related.filter((r) => categoryOf(r.kind) === 'place').slice(0, CARD_MAX_RELATED);
  const relatedGroups = related.filter((r) => categoryOf(r.kind) === 'group').slice(0, CARD_MAX_RELATED);
  const description = lang === 'en' && entity.descriptionEn ? entity.descriptionEn : entity.description;
  const aliases = entity.aliases.filter((a) => a !== entity.name);

  return (
    <section
      class="khabar-card"
      data-category={category}
      data-theme={theme}
      dir={lang === 'ar' ? 'rtl' : 'ltr'}
      lang={lang}
      role={props.role ?? 'dialog'}
      aria-modal={props.role === 'region' ? undefined : 'false'}
      aria-labelledby={titleId}
    >
      {/* A div, not <header>: inside the page's document a <header> here is a second banner landmark. */}
      <div class="kc-header">
        <div class="kc-names">
          <h2 id={titleId} class="kc-name" lang="ar" dir="rtl">
            {entity.name}
          </h2>
          {/* Under the Arabic name, at the card's start edge; the English text isolated in it. */}
          <p class="kc-name-en">
            <bdi lang="en">{entity.nameEn}</bdi>
          </p>
        </div>
        <p class="kc-kind">
          <span class="kc-badge">{kindLabel(entity.kind, lang)}</span>
          {entity.own && (
            <span class="kc-badge kc-own" data-own="true">
              {t('ownNameBadge', lang)}
            </span>
          )}
        </p>
        {props.onClose && (
          <button type="button" class="kc-close" aria-label={t('close', lang)} onClick={props.onClose}>
            ×
          </button>
        )}
      </div>
      {props.matchNote}

      {/* Floated beside the facts, so that it shows without scrolling the compact card. */}
      {category === 'place' && <LocatorMap map={props.baseMap} place={entity} parent={parent} lang={lang} />}
      <dl class="kc-facts">
        {parent && (
          <div class="kc-fact">
            <dt>{t('partOf', lang)}</dt>
            <dd>
              <bdi lang="ar">{parent.name}</bdi>
              {/* The space and the brackets outside the isolates: they follow the card's direction. */}
              {parent.nameEn && (
                <span class="kc-en">
                  {' ('}
                  <bdi lang="en">{parent.nameEn}</bdi>
                  {')'}
                </span>
              )}
            </dd>
          </div>
        )}
        {entity.country && (
          <div class="kc-fact">
            <dt>{t('country', lang)}</dt>
            <dd>{countryName(entity.country, lang)}</dd>
          </div>
        )}
        {aliases.length > 0 && (
          <div class="kc-fact">
            <dt>{t('aliases', lang)}</dt>
            <dd>
              <bdi lang="ar">{aliases.join('، ')}</bdi>
            </dd>
          </div>
        )}
      </dl>

      {description && <p class="kc-desc">{description}</p>}

      {props.outlets && <OutletNames outlets={props.outlets} lang={lang} idBase={uid} full={props.fullOutlets} />}
      {props.timeline && <CoverageTimeline timeline={props.timeline} lang={lang} idBase={uid} />}

      <section class="kc-coverage" aria-labelledby={`${uid}-cov`}>
        <h3 id={`${uid}-cov`}>{t('coverage', lang)}</h3>
        {/* What the coverage is and when: a reader in 2026 must not take it for today's news. */}
        <p class="kc-period">{t('coveragePeriod', lang)}</p>
        {coverage && shown.length > 0 ? (
          <>
            {published > 0 && <p class="kc-count">{tn('publishedCount', lang, published)}</p>}
            {mentionedIn > 0 && (
              <p class="kc-count">
                {tn('coverageCount', lang, mentionedIn, { mentions: tn('mentionCount', lang, coverage.mentions - (props.library?.mentions ?? 0)) })}
              </p>
            )}
            {ownTotal > 0 && <p class="kc-count kc-own-count">{tn('libraryCount', lang, ownTotal)}</p>}
            <ol class="kc-articles">
              {shown.slice(0, maxArticles).map((a) => (
                <CoverageItem key={a.articleId} coverage={a} article={articles[a.articleId]!} lang={lang} />
              ))}
            </ol>
            {total > Math.min(shown.length, maxArticles) && (
              <p class="kc-more">{tn('moreArticles', lang, total - Math.min(shown.length, maxArticles))}</p>
            )}
          </>
        ) : (
          <p class="kc-count">{t('noCoverage', lang)}</p>
        )}
      </section>

      {relatedPlaces.length > 0 && (
        <RelatedList id={`${uid}-rp`} title={t('relatedPlaces', lang)} items={relatedPlaces} lang={lang} onOpen={props.onOpenRelated} />
      )}
      {relatedGroups.length > 0 && (
        <RelatedList id={`${uid}-rg`} title={t('relatedGroups', lang)} items={relatedGroups} lang={lang} onOpen={props.onOpenRelated} />
      )}
      {props.children}
    </section>
  );
}

function CoverageItem(props: { coverage: ArticleCoverage; article: ArticleSummary; lang: UiLang }) {
  const { coverage, article, lang } = props;
  const snippet = firstSnippet(coverage.snippets, article.headline);
  // A reader's article may be in another language; its headline and snippet keep their own.
  const textLang = article.language || 'ar';
  const dir = textLang === 'ar' ? 'rtl' : 'auto';
  return (
    <li class="kc-article" data-own={article.own ? '' : undefined}>
      <h4 class="kc-headline" lang={textLang} dir={dir}>
        {article.headline}
      </h4>
      <ArticleMeta article={article} lang={lang} class="kc-meta" separator=" · ">
        {article.own && (
          <>
            <span aria-hidden="true"> · </span>
            <span class="kc-own">{t('ownArticle', lang)}</span>
          </>
        )}
      </ArticleMeta>
      {snippet && <SnippetText snippet={snippet} />}
    </li>
  );
}

/** The sentence around the mention, the name in <mark>: slices of a string, rendered as text. */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  const { text } = snippet;
  const start = Math.max(0, Math.min(snippet.markStart, text.length));
  const end = Math.max(start, Math.min(snippet.markEnd, text.length));
  return (
    <blockquote class="kc-snippet" lang="ar" dir="rtl">
      {text.slice(0, start)}
      {end > start && <mark>{text.slice(start, end)}</mark>}
      {text.slice(end)}
    </blockquote>
  );
}

function RelatedList(props: {
  id: string;
  title: string;
  items: CardData['related'];
  lang: UiLang;
  onOpen?: ((entityId: string) => void) | undefined;
}) {
  const { onOpen } = props;
  return (
    <section class="kc-related" aria-labelledby={props.id}>
      <h3 id={props.id}>{props.title}</h3>
      <ul>
        {props.items.map((r) => (
          <li key={r.id} data-entity={r.id}>
            {onOpen ? (
              <button type="button" class="kc-rel-name kc-rel-open" lang="ar" onClick={() => onOpen(r.id)}>
                <bdi>{r.name}</bdi>
              </button>
            ) : (
              <bdi class="kc-rel-name" lang="ar">
                {r.name}
              </bdi>
            )}
            <span class="kc-rel-count" aria-hidden="true">
              {r.count}
            </span>
            <span class="kc-sr">{t('relatedTimes', props.lang, { n: r.count })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
