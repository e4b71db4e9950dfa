/**
 * Build time only (the CLI's `build`, never the extension's code): Natural Earth country outlines
 * (world-atlas TopoJSON) → the small base map of core/geo/basemap.ts. The region is the bounding
 * box of the gazetteer's coordinates with a margin; the projection is a cosine-corrected
 * equirectangular one, linear in lon/lat, so the card draws places with four numbers and no d3.
 * d3-geo clips the outlines to the viewBox; each ring is rounded to whole units and simplified
 * (Douglas–Peucker), so the map is a few KB.
 */
import { geoIdentity, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Geometry, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Bundle } from '../types.ts';
import { hashString } from '../util/hash.ts';
import type { BaseMap, BaseMapCountry, LinearProjection } from './basemap.ts';

/** The viewBox's width: the card's map is about this many CSS pixels wide. */
export const BASEMAP_WIDTH = 320;
/** Margin around the places, in degrees: the neighbouring countries' borders show. */
export const BASEMAP_MARGIN_DEG = 1.5;
/**
 * A place this far (degrees, either axis) from the median of all places is left out of the region
 * (Washington in a Syria–Iraq gazetteer would make the map a world map); its card says it lies
 * outside the map.
 */
export const BASEMAP_OUTLIER_DEG = 12;
/** Simplification tolerance in viewBox units: under a pixel's error at the card's size. */
export const BASEMAP_TOLERANCE = 0.7;

/** Natural Earth's numeric country ids (ISO 3166 numeric) of the Middle East → alpha-2. */
const ISO_ALPHA2: Record<string, string> = {
  '760': 'SY', '368': 'IQ', '792': 'TR', '400': 'JO', '422': 'LB', '376': 'IL', '275': 'PS',
  '682': 'SA', '364': 'IR', '414': 'KW', '196': 'CY', '818': 'EG', '051': 'AM', '031': 'AZ',
  '268': 'GE', '634': 'QA', '048': 'BH', '784': 'AE',
};

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** [west, south, east, north] around the [lat, lon] points (outliers left out), with the margin. */
export function regionOf(points: readonly (readonly [number, number])[], margin = BASEMAP_MARGIN_DEG): [number, number, number, number] {
  if (points.length === 0) throw new Error('base map: no place has coordinates');
  const mLat = median(points.map((p) => p[0]));
  const mLon = median(points.map((p) => p[1]));
  const near = points.filter(([lat, lon]) => Math.abs(lat - mLat) <= BASEMAP_OUTLIER_DEG && Math.abs(lon - mLon) <= BASEMAP_OUTLIER_DEG);
  const lats = near.map((p) => p[0]);
  const lons = near.map((p) => p[1]);
  const r = (x: number) => Math.round(x * 100) / 100;
  return [r(Math.min(...lons) - margin), r(Math.min(...lats) - margin), r(Math.max(...lons) + margin), r(Math.max(...lats) + margin)];
}

/** The linear projection of `bbox` onto a viewBox `width` wide (the height follows). */
export function projectionFor(bbox: readonly [number, number, number, number], width = BASEMAP_WIDTH): { projection: LinearProjection; height: number } {
  const [w, s, e, n] = bbox;
  const cos = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const k = width / ((e - w) * cos);
  const height = Math.round(k * (n - s));
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return { projection: { kx: round(k * cos), bx: round(-k * cos * w), ky: round(-k), by: round(k * n) }, height };
}

/** Perpendicular distance of p from the line a–b. */
function distance(p: Position, a: Position, b: Position): number {
  const dx = b[0]! - a[0]!;
  const dy = b[1]! - a[1]!;
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0]! - a[0]!, p[1]! - a[1]!);
  return Math.abs(dy * p[0]! - dx * p[1]! + b[0]! * a[1]! - b[1]! * a[0]!) / len;
}

/** Douglas–Peucker on an open polyline (the ring's closing point left off by the caller). */
export function simplify(points: readonly Position[], tolerance: number): Position[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    let worst = -1;
    let at = -1;
    for (let i = from + 1; i < to; i++) {
      const d = distance(points[i]!, points[from]!, points[to]!);
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([from, at], [at, to]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** Every position of a geometry, mapped (the linear projection applied before d3 clips). */
function mapGeometry(g: Geometry, f: (p: Position) => Position): Geometry {
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: f(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: g.coordinates.map(f) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((r) => r.map(f)) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map((x) => mapGeometry(x, f)) };
  }
}

/** Path data of projected, clipped rings: whole units, simplified, tiny rings dropped. */
function pathOf(geometry: Geometry, width: number, height: number): string {
  const rings: Position[][] = [];
  let ring: Position[] = [];
  // d3's path writes to any object with these methods: here they collect the clipped rings.
  const context = {
    moveTo(x: number, y: number) {
      ring = [[x, y]];
      rings.push(ring);
    },
    lineTo(x: number, y: number) {
      ring.push([x, y]);
    },
    closePath() {},
    arc() {},
    rect() {},
    quadraticCurveTo() {},
    bezierCurveTo() {},
    arcTo() {},
  };
  const clip = geoIdentity().clipExtent([
    [0, 0],
    [width, height],
  ]);
  geoPath(clip, context as never)(geometry as never);
  const parts: string[] = [];
  for (const r of rings) {
    const rounded: Position[] = [];
    for (const [x, y] of r) {
      const p = [Math.round(x!), Math.round(y!)];
      const last = rounded[rounded.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) rounded.push(p);
    }
    const simple = simplify(rounded, BASEMAP_TOLERANCE);
    if (simple.length < 3) continue;
    const xs = simple.map((p) => p[0]!);
    const ys = simple.map((p) => p[1]!);
    // A ring under 2 units across is an islet the card would show as a speck.
    if (Math.max(...xs) - Math.min(...xs) < 2 && Math.max(...ys) - Math.min(...ys) < 2) continue;
    parts.push(`M${simple.map((p) => `${p[0]} ${p[1]}`).join('L')}Z`);
  }
  return parts.join('');
}

/**
 * The base map of the region around `points` ([lat, lon], the gazetteer's coordinates) from a
 * world-atlas countries topology (`objects.countries`).
 */
export function buildBaseMap(topology: Topology, points: readonly (readonly [number, number])[], source: string): BaseMap {
  const bbox = regionOf(points);
  const { projection, height } = projectionFor(bbox);
  const width = BASEMAP_WIDTH;
  const project = ([lon, lat]: Position): Position => [projection.kx * lon! + projection.bx, projection.ky * lat! + projection.by];
  const collection = feature(topology, topology.objects['countries'] as GeometryCollection);
  const countries: BaseMapCountry[] = [];
  for (const f of collection.features) {
    if (!f.geometry) continue;
    const d = pathOf(mapGeometry(f.geometry, project), width, height);
    if (!d) continue;
    // A few Natural Earth outlines have no id (disputed areas): drawn, named by no code.
    const id = String(f.id ?? '');
    countries.push({ id: ISO_ALPHA2[id] ?? (id || 'other'), d });
  }
  countries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { width, height, projection, bbox, countries, source };
}

/** Natural Earth's credit, shown under the map in the extension's pages. */
export const BASEMAP_SOURCE = 'Natural Earth (world-atlas countries-50m)';

/**
 * The bundle with its base map, made from its places' coordinates; the version covers the map
 * too, so a new map replaces the stored one. A gazetteer without any coordinates (a newsroom's
 * archive may have none) gets no map: its cards say the place has no coordinates.
 */
export function withBaseMap(bundle: Bundle, topology: Topology): Bundle {
  const points = bundle.entities.flatMap((e) => (e.coords ? [e.coords] : []));
  if (points.length === 0) return bundle;
  const baseMap = buildBaseMap(topology, points, BASEMAP_SOURCE);
  return { ...bundle, version: hashString(bundle.version + JSON.stringify(baseMap)), baseMap };
}
