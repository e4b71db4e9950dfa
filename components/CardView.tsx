/**
 * The shared entity card (EntityCard.tsx) for one entity id, its data read from the database with
 * liveQuery through db/queries.ts `cardData`, the same read that answers the hover card's getCard.
 */
import type { JSX } from 'preact';
import { t, type UiLang } from '../lib/i18n.ts';
import { cardData, uiDatabase } from '../lib/ui-data.ts';
import { baseMap } from '../db/queries.ts';
import { EntityCard, type EntityCardProps } from './EntityCard.tsx';
import { useLiveQuery } from './hooks.ts';

export interface CardViewProps {
  entityId: string;
  lang: UiLang;
  role?: EntityCardProps['role'];
  onClose?: () => void;
}

export function CardView(props: CardViewProps): JSX.Element {
  const db = uiDatabase();
  const card = useLiveQuery(() => cardData(db, props.entityId), [props.entityId]);
  const map = useLiveQuery(() => baseMap(db), []);
  if (card.value === undefined) {
    return (
      <p class="notice" role="status">
        {card.error ? t('notFound', props.lang) : t('loading', props.lang)}
      </p>
    );
  }
  if (card.value === null) return <p class="notice">{t('notFound', props.lang)}</p>;
  const extra: Partial<EntityCardProps> = {};
  if (props.onClose) extra.onClose = props.onClose;
  return <EntityCard {...card.value} {...extra} baseMap={map.value} lang={props.lang} role={props.role ?? 'region'} />;
}
