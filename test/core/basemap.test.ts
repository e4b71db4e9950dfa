import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoEquirectangular } from 'd3-geo';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { inRegion, labelAnchor, labelSide, parseBaseMap, projectCoords, type BaseMap } from '../../core/geo/basemap.ts';
import { buildBaseMap, projectionFor, regionOf, simplify } from '../../core/geo/build-basemap.ts';
import type { Entity } from '../../core/types.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const topology = JSON.parse(readFileSync(join(ROOT, 'node_modules/world-atlas/countries-50m.json'), 'utf8')) as Topology;
const places = readFileSync(join(ROOT, 'corpus/gazetteer/places.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Entity);
const coords = places.flatMap((p) => (p.coords ? [p.coords] : []));
const map = buildBaseMap(topology, coords, 'Natural Earth');
const byId = new Map(places.map((p) => [p.id, p]));

/** The rings of a path the builder wrote (M x yLx y…Z, whole numbers). */
function rings(d: string): [number, number][][] {
  return d
    .split('Z')
    .filter(Boolean)
    .map((ring) => ring.slice(1).split('L').map((pt) => pt.split(' ').map(Number) as [number, number]));
}

function bboxOf(d: string): [number, number, number, number] {
  const pts = rings(d).flat();
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Even–odd point in polygon over all rings. */
function inside(d: string, [x, y]: [number, number]): boolean {
  let odd = false;
  for (const ring of rings(d)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

const country = (id: string) => map.countries.find((c) => c.id === id)!.d;

describe('the base map built from Natural Earth', () => {
  it('is small: a few KB of JSON', () => {
    const bytes = JSON.stringify(map).length;
    expect(bytes).toBeLessThan(6_000);
    expect(bytes).toBeGreaterThan(1_000);
    expect(map.countries.map((c) => c.id)).toEqual(expect.arrayContaining(['SY', 'IQ', 'TR', 'JO', 'LB']));
    expect(parseBaseMap(JSON.parse(JSON.stringify(map)))).not.toBeNull();
  });

  it('covers the places of the region, not the one far away (Washington)', () => {
    const [w, s, e, n] = map.bbox;
    expect(w).toBeGreaterThan(30);
    expect(e).toBeLessThan(50);
    expect(s).toBeGreaterThan(28);
    expect(n).toBeLessThan(40);
    for (const p of places.filter((x) => x.coords && x.country !== 'US')) expect(inRegion(map, p.coords!), p.id).toBe(true);
    const far = places.find((x) => x.country === 'US' && x.coords);
    if (far) expect(inRegion(map, far.coords!)).toBe(false);
  });

  it.each([
    ['place:raqqa', 'SY'],
    ['place:deir-ez-zor', 'SY'],
    ['place:damascus', 'SY'],
    ['place:mosul', 'IQ'],
    ['place:baghdad', 'IQ'],
  ])('%s lands inside its country (%s): its path bbox, and the outline itself', (id, code) => {
    const place = byId.get(id);
    expect(place?.coords, `${id} has coordinates in the gazetteer`).toBeDefined();
    const [x, y] = projectCoords(map, place!.coords!);
    const [x0, y0, x1, y1] = bboxOf(country(code));
    expect(x).toBeGreaterThanOrEqual(x0);
    expect(x).toBeLessThanOrEqual(x1);
    expect(y).toBeGreaterThanOrEqual(y0);
    expect(y).toBeLessThanOrEqual(y1);
    expect(inside(country(code), [x, y])).toBe(true);
    for (const other of ['SY', 'IQ', 'TR', 'JO', 'LB', 'SA', 'IR'].filter((c) => c !== code)) expect(inside(country(other), [x, y]), other).toBe(false);
  });

  it('its linear projection is an equirectangular one: the same as d3 with the x axis scaled by cos(mid-latitude)', () => {
    const [w, s, e, n] = map.bbox;
    const cos = Math.cos((((s + n) / 2) * Math.PI) / 180);
    const d3 = geoEquirectangular().scale(1).translate([0, 0]);
    const [ax, ay] = d3([w, n])!;
    const [bx, by] = d3([e, s])!;
    for (const [lat, lon] of [[34.45, 40.92], [36.34, 43.13], [33.3, 44.36]] as const) {
      const [px, py] = d3([lon, lat])!;
      const [x, y] = projectCoords(map, [lat, lon]);
      expect(x).toBeCloseTo(((px - ax) / (bx - ax)) * map.width, 0);
      expect(y).toBeCloseTo(((py - ay) / (by - ay)) * map.height, 0);
    }
    expect(map.height).toBe(Math.round((map.width * (n - s)) / ((e - w) * cos)));
  });

  it('regionOf leaves out an outlier and adds the margin', () => {
    expect(regionOf([[34, 40], [36, 42], [38.9, -77]], 1)).toEqual([39, 33, 43, 37]);
    expect(() => regionOf([])).toThrow(/no place has coordinates/);
  });

  it('projectionFor maps the corners of the region onto the viewBox', () => {
    const { projection, height } = projectionFor([40, 30, 44, 34], 100);
    const m = { projection } as BaseMap;
    expect(projectCoords(m, [34, 40])).toEqual([0, 0]);
    const [x, y] = projectCoords(m, [30, 44]);
    expect(x).toBeCloseTo(100, 0);
    expect(y).toBeCloseTo(height, 0);
  });

  it('simplify keeps the corners and drops points on a straight line', () => {
    expect(simplify([[0, 0], [1, 0], [2, 0], [2, 1], [2, 2]], 0.5)).toEqual([[0, 0], [2, 0], [2, 2]]);
  });

  it('parseBaseMap refuses path data that is not plain numbers and M/L/Z', () => {
    const bad = structuredClone(map);
    bad.countries[0]!.d = 'M0 0L10 10Z" onload="x';
    expect(parseBaseMap(bad)).toBeNull();
    expect(parseBaseMap({ ...map, projection: { kx: 1 } })).toBeNull();
  });
});

describe('labels that work right to left (labelAnchor)', () => {
  // The table in core/geo/basemap.ts, row by row.
  it.each([
    ['left', 'ltr', 'end'],
    ['left', 'rtl', 'start'],
    ['right', 'ltr', 'start'],
    ['right', 'rtl', 'end'],
  ] as const)('a label %s of its dot, %s → text-anchor %s', (side, dir, anchor) => {
    expect(labelAnchor(side, dir)).toBe(anchor);
  });

  it('puts a label towards the middle of the map', () => {
    expect(labelSide({ width: 320 }, 300)).toBe('left');
    expect(labelSide({ width: 320 }, 20)).toBe('right');
  });
});
