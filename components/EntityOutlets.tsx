/**
 * The side panel's view of one selected name (the one name its filter is set to): how every
 * outlet names it, with the recurring words, and its coverage by date — the hover card's outlet
 * line in full. Read with the same `cardData` as the card.
 */
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import { categoryOf } from '../core/types.ts';
import { dirOf, t, type UiLang } from '../lib/i18n.ts';
import { cardData, uiDatabase } from '../lib/ui-data.ts';
import { useCardTheme } from './card-theme.ts';
import { CoverageTimeline } from './CoverageTimeline.tsx';
import { useLiveQuery } from './hooks.ts';
import { OutletNames } from './OutletNames.tsx';
import './card.css';
import './outlets.css';

export function EntityOutlets(props: { entityId: string; lang: UiLang }): JSX.Element | null {
  const { lang } = props;
  const db = uiDatabase();
  const card = useLiveQuery(() => cardData(db, props.entityId), [props.entityId]);
  const theme = useCardTheme(undefined);
  const uid = useId();
  if (!card.value) return null;
  const { entity, outlets, timeline } = card.value;
  const titleId = `${uid}-title`;
  return (
    <section
      class="khabar-card kc-analysis"
      data-category={categoryOf(entity.kind)}
      data-theme={theme}
      dir={dirOf(lang)}
      lang={lang}
      aria-labelledby={titleId}
      data-testid="entity-outlets"
      data-entity={entity.id}
    >
      <h2 id={titleId} class="kc-name">
        <bdi lang="ar">{entity.name}</bdi>
        {lang === 'en' && (
          <span class="kc-en">
            {' ('}
            <bdi lang="en">{entity.nameEn}</bdi>
            {')'}
          </span>
        )}
      </h2>
      {outlets && outlets.length > 0 ? (
        <OutletNames outlets={outlets} lang={lang} idBase={uid} full />
      ) : (
        <p class="kc-count">{t('outletNamingNone', lang)}</p>
      )}
      {timeline && <CoverageTimeline timeline={timeline} lang={lang} idBase={uid} />}
    </section>
  );
}
