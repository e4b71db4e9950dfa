/**
 * The reader's exports (issue 14), from the extension's own pages: the names of a page or of a
 * source article as W3C Web Annotations (core/export/annotations.ts), the gazetteer's places as
 * GeoJSON (core/export/geojson.ts). Each is a file the browser downloads from a Blob URL made in
 * the page: nothing is sent anywhere.
 */
import { annotationFileName, articleIri, buildAnnotations, type AnnotationCollection } from '../core/export/annotations.ts';
import { placesGeoJson } from '../core/export/geojson.ts';
import type { Article, Entity, Mention } from '../core/types.ts';
import { pageTextOfTab } from './tabs.ts';

export const ANNOTATION_MIME = 'application/ld+json';
export const GEOJSON_MIME = 'application/geo+json';

/** Offer `data` as a download named `fileName` (an <a download> on a Blob URL, revoked after). */
export function saveFile(fileName: string, data: unknown, type: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once started; a minute is ample for the browser to start it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface Exported {
  fileName: string;
  annotations: AnnotationCollection;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return 'page';
  }
};

/** The names the tab's page holds as annotations; null when its content script does not answer. */
export async function pageAnnotations(tabId: number, entities: ReadonlyMap<string, Entity>, now = new Date()): Promise<Exported | null> {
  const page = await pageTextOfTab(tabId);
  if (!page) return null;
  const created = now.toISOString();
  const annotations = buildAnnotations({ source: page.url, label: page.title || page.url, text: page.text, mentions: page.mentions, entities, created });
  return { fileName: annotationFileName(hostOf(page.url), created), annotations };
}

/** A source article's names as annotations over its text (its URL, or its urn when it has none). */
export function articleAnnotations(article: Article, mentions: readonly Mention[], entities: ReadonlyMap<string, Entity>, now = new Date()): Exported {
  const created = now.toISOString();
  const annotations = buildAnnotations({
    source: article.url ?? articleIri(article.id),
    label: article.headline,
    text: article.text,
    mentions,
    entities,
    created,
  });
  return { fileName: annotationFileName(`article-${article.id}`, created), annotations };
}

export function savePlaces(entities: Iterable<Entity>): number {
  const collection = placesGeoJson([...entities]);
  saveFile('khabar-lens-places.geojson', collection, GEOJSON_MIME);
  return collection.features.length;
}
