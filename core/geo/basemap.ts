/**
 * The locator map's base map as the extension stores and draws it: country outlines already
 * projected to SVG path strings in a fixed viewBox, and the projection as a plain linear transform,
 * so that drawing a place needs no map library at run time (core/geo/build-basemap.ts makes it at
 * build time from Natural Earth). Pure: no DOM.
 */

/** x = kx·lon + bx, y = ky·lat + by (a cosine-corrected equirectangular projection is linear). */
export interface LinearProjection {
  kx: number;
  bx: number;
  ky: number;
  by: number;
}

export interface BaseMapCountry {
  /** ISO 3166 alpha-2 code where Natural Earth's numeric id is one we know, else the numeric id. */
  id: string;
  /** SVG path data in the viewBox (integer coordinates). */
  d: string;
}

export interface BaseMap {
  /** The viewBox is `0 0 width height`. */
  width: number;
  height: number;
  projection: LinearProjection;
  /** [west, south, east, north] in degrees: the region the map shows. */
  bbox: [number, number, number, number];
  countries: BaseMapCountry[];
  /** Where the outlines come from, for the reader (the licence asks for no more: public domain). */
  source: string;
}

/** [lat, lon] (the gazetteer's order) → [x, y] in the base map's viewBox, rounded to 0.1. */
export function projectCoords(map: Pick<BaseMap, 'projection'>, coords: readonly [number, number]): [number, number] {
  const [lat, lon] = coords;
  const p = map.projection;
  // + 0: no -0 in the SVG's attributes.
  return [Math.round((p.kx * lon + p.bx) * 10) / 10 + 0, Math.round((p.ky * lat + p.by) * 10) / 10 + 0];
}

/** Whether a [lat, lon] lies inside the region the map shows. */
export function inRegion(map: Pick<BaseMap, 'bbox'>, coords: readonly [number, number]): boolean {
  const [lat, lon] = coords;
  const [w, s, e, n] = map.bbox;
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

/**
 * The SVG `text-anchor` that puts a label on one side of its dot. SVG's start and end follow the
 * text's direction: an Arabic label (direction rtl) starts at its right edge.
 *
 * | label goes          | ltr label | rtl label |
 * | ------------------- | --------- | --------- |
 * | left of the dot     | end       | start     |
 * | right of the dot    | start     | end       |
 */
export function labelAnchor(side: 'left' | 'right', dir: 'ltr' | 'rtl'): 'start' | 'end' {
  return (side === 'right') === (dir === 'ltr') ? 'start' : 'end';
}

/** A label goes towards the middle of the map, where there is room for it. */
export function labelSide(map: Pick<BaseMap, 'width'>, x: number): 'left' | 'right' {
  return x > map.width / 2 ? 'left' : 'right';
}

/** Checks a base map read from the bundle or the database: null when it is not one. */
export function parseBaseMap(data: unknown): BaseMap | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  const p = m['projection'] as Record<string, unknown> | null | undefined;
  if (!num(m['width']) || !num(m['height']) || typeof p !== 'object' || p === null) return null;
  if (!['kx', 'bx', 'ky', 'by'].every((k) => num(p[k]))) return null;
  const bbox = m['bbox'];
  if (!Array.isArray(bbox) || bbox.length !== 4 || !bbox.every(num)) return null;
  const countries = m['countries'];
  if (!Array.isArray(countries)) return null;
  for (const c of countries as unknown[]) {
    const r = c as Record<string, unknown> | null;
    if (typeof r !== 'object' || r === null || typeof r['id'] !== 'string' || typeof r['d'] !== 'string') return null;
    // Path data only: numbers and the commands the builder writes (no url(), no markup).
    if (!/^[MLZ0-9 .-]*$/.test(r['d'])) return null;
  }
  if (typeof m['source'] !== 'string') return null;
  return data as BaseMap;
}
