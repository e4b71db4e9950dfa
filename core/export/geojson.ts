/**
 * The gazetteer's places → GeoJSON (RFC 7946): a FeatureCollection with a Point feature per place
 * that has coordinates. GeoJSON positions are [longitude, latitude]; the gazetteer stores
 * [latitude, longitude] (core/types.ts `Entity.coords`), so they are swapped here, once. Pure.
 */
import { categoryOf, type Entity } from '../types.ts';

export interface PlaceFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { id: string; name: string; nameEn: string; kind: string; parent: string | null; country: string | null };
}

export interface PlaceCollection {
  type: 'FeatureCollection';
  features: PlaceFeature[];
}

/** Places with coordinates, in id order; the rest (and every non-place) are left out. */
export function placesGeoJson(entities: readonly Entity[]): PlaceCollection {
  const features = entities
    .filter((e) => categoryOf(e.kind) === 'place' && e.coords)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e): PlaceFeature => {
      const [lat, lon] = e.coords!;
      return {
        type: 'Feature',
        id: e.id,
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties: { id: e.id, name: e.name, nameEn: e.nameEn, kind: e.kind, parent: e.parent ?? null, country: e.country ?? null },
      };
    });
  return { type: 'FeatureCollection', features };
}
