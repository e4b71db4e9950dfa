/**
 * The card's locator map: the region's country outlines (the base map, drawn as stored), the
 * place as a dot and its parent area as a ring, each labelled in the card's language. No map
 * library: the base map carries its projection as four numbers (core/geo/basemap.ts).
 * A place without coordinates, or outside the region, is said in words instead.
 */
import type { JSX } from 'preact';
import { inRegion, labelAnchor, labelSide, projectCoords, type BaseMap } from '../core/geo/basemap.ts';
import { t, type UiLang } from '../lib/i18n.ts';
import './locator-map.css';

export interface MapPoint {
  name: string;
  nameEn: string;
  coords?: [number, number] | undefined;
}

export interface LocatorMapProps {
  /** Not there yet (or a bundle without one): only a place without coordinates is said. */
  map: BaseMap | null | undefined;
  place: MapPoint & { country?: string | undefined };
  parent?: MapPoint | undefined;
  lang: UiLang;
}

/** A label beside its dot, on the side towards the middle, anchored for its own direction. */
export function MapLabel(props: { map: BaseMap; x: number; y: number; text: string; lang: UiLang; class: string; gap?: number }): JSX.Element {
  const dir = props.lang === 'ar' ? 'rtl' : 'ltr';
  const side = labelSide(props.map, props.x);
  return (
    <text
      class={props.class}
      x={props.x + (side === 'right' ? 1 : -1) * (props.gap ?? 7)}
      y={props.y}
      dy="0.35em"
      direction={dir}
      text-anchor={labelAnchor(side, dir)}
    >
      {props.text}
    </text>
  );
}

export function LocatorMap(props: LocatorMapProps): JSX.Element | null {
  const { map, place, parent, lang } = props;
  const nameOf = (p: MapPoint) => (lang === 'en' ? p.nameEn : p.name);
  if (!place.coords) return <p class="kc-map-none">{t('mapNoCoords', lang)}</p>;
  if (!map) return null;
  if (!inRegion(map, place.coords)) return <p class="kc-map-none">{t('mapOutside', lang)}</p>;
  const [x, y] = projectCoords(map, place.coords);
  const shownParent = parent?.coords && inRegion(map, parent.coords) ? { p: parent, at: projectCoords(map, parent.coords) } : null;
  // The parent is named even when it has no dot of its own (an area: its country is marked).
  const label = parent
    ? t('mapLabelIn', lang, { name: nameOf(place), parent: nameOf(parent) })
    : t('mapLabel', lang, { name: nameOf(place) });
  return (
    <svg class="kc-map kc-map-inset" viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-label={label} data-place-x={x} data-place-y={y}>
      {map.countries.map((c) => (
        <path key={c.id} d={c.d} class={c.id === place.country ? 'kc-map-land kc-map-home' : 'kc-map-land'} />
      ))}
      {shownParent && (
        <>
          <circle class="kc-map-parent" cx={shownParent.at[0]} cy={shownParent.at[1]} r="13" />
          <MapLabel map={map} x={shownParent.at[0]} y={shownParent.at[1] + 24} text={nameOf(shownParent.p)} lang={lang} class="kc-map-label kc-map-label-parent" />
        </>
      )}
      <circle class="kc-map-place" cx={x} cy={y} r="7" />
      <MapLabel map={map} x={x} y={y} text={nameOf(place)} lang={lang} class="kc-map-label" gap={12} />
    </svg>
  );
}
