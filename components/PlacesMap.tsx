/**
 * A map of the places named on a page (the side panel) or in a source article (its reader): the
 * region's outlines, a dot per place with coordinates, and the list of those places beside it.
 * Hover or keyboard focus on a dot marks its row, and on a row marks its dot (and labels it): one
 * `active` id is the state both read. Choosing either (click, Enter) calls `onChoose`. Places the
 * map cannot show are named in words.
 */
import type { JSX } from 'preact';
import { useId, useState } from 'preact/hooks';
import { inRegion, projectCoords, type BaseMap } from '../core/geo/basemap.ts';
import { categoryOf, type Entity } from '../core/types.ts';
import { t, type UiLang } from '../lib/i18n.ts';
import { tn } from '../lib/plural.ts';
import { MapLabel } from './LocatorMap.tsx';
import './locator-map.css';

export interface PlacesMapProps {
  map: BaseMap | null | undefined;
  /** Entity id → mentions (the tab's names, or an article's). */
  counts: Readonly<Record<string, number>>;
  entities: ReadonlyMap<string, Entity> | undefined;
  title: string;
  lang: UiLang;
  onChoose?: (entityId: string) => void;
}

export function PlacesMap(props: PlacesMapProps): JSX.Element | null {
  const { map, lang } = props;
  const uid = useId();
  const [active, setActive] = useState<string | null>(null);
  const places = Object.entries(props.counts)
    .map(([id, n]) => ({ e: props.entities?.get(id), n }))
    .filter((p): p is { e: Entity; n: number } => !!p.e && p.n > 0 && categoryOf(p.e.kind) === 'place')
    .sort((a, b) => b.n - a.n || a.e.id.localeCompare(b.e.id));
  const shown = map ? places.filter((p) => p.e.coords && inRegion(map, p.e.coords)) : [];
  const unshown = places.filter((p) => !shown.includes(p));
  const nameOf = (e: Entity) => (lang === 'en' ? e.nameEn : e.name);
  // Hover and focus both set the one active id; leaving clears it only if it is still theirs.
  const link = (id: string) => ({
    onMouseEnter: () => setActive(id),
    onMouseLeave: () => setActive((a) => (a === id ? null : a)),
    onFocus: () => setActive(id),
    onBlur: () => setActive((a) => (a === id ? null : a)),
  });
  const choose = (id: string) => props.onChoose?.(id);

  return (
    <section class="section places-map" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{props.title}</h2>
      {places.length === 0 && <p class="muted">{t('placesNone', lang)}</p>}
      {map && shown.length > 0 && (
        <svg class="kc-map" viewBox={`0 0 ${map.width} ${map.height}`} role="group" aria-label={t('placesMapLabel', lang, { n: shown.length })}>
          {map.countries.map((c) => (
            <path key={c.id} d={c.d} class="kc-map-land" aria-hidden="true" />
          ))}
          {shown.map(({ e }) => {
            const [x, y] = projectCoords(map, e.coords!);
            return (
              <circle
                key={e.id}
                class="kc-map-place places-dot"
                data-entity={e.id}
                data-active={active === e.id ? 'true' : undefined}
                cx={x}
                cy={y}
                r={active === e.id ? 6 : 4}
                tabIndex={0}
                role="button"
                aria-label={nameOf(e)}
                {...link(e.id)}
                onClick={() => choose(e.id)}
                onKeyDown={(ev) => {
                  if (ev.key === 'Enter' || ev.key === ' ') {
                    ev.preventDefault();
                    choose(e.id);
                  }
                }}
              />
            );
          })}
          {shown.map(({ e }) => {
            if (active !== e.id) return null;
            const [x, y] = projectCoords(map, e.coords!);
            return <MapLabel key="label" map={map} x={x} y={y} text={nameOf(e)} lang={lang} class="kc-map-label" />;
          })}
        </svg>
      )}
      {shown.length > 0 && (
        <ul class="places-list">
          {shown.map(({ e, n }) => (
            <li key={e.id} data-entity={e.id} data-active={active === e.id ? 'true' : undefined}>
              <button type="button" class="page-name" {...link(e.id)} onClick={() => choose(e.id)}>
                <span class="grow" lang={lang === 'en' ? 'en' : 'ar'}>
                  {nameOf(e)}
                </span>
                <span class="count">{tn('mentionCount', lang, n)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {unshown.length > 0 && (
        <p class="muted places-unmapped">{t('placesNoCoords', lang, { names: unshown.map(({ e }) => nameOf(e)).join(lang === 'ar' ? '، ' : ', ') })}</p>
      )}
      {map && shown.length > 0 && <p class="hint muted">{t('mapCredit', lang)}</p>}
    </section>
  );
}
