/**
 * Names found in a text → W3C Web Annotations (https://www.w3.org/TR/annotation-model/), as one
 * JSON-LD AnnotationCollection whose page holds an Annotation per mention. Each annotation
 * identifies (motivation `identifying`) a span of the source with two selectors that describe the
 * same span: a TextQuoteSelector (the exact text, with up to QUOTE_CONTEXT characters before and
 * after) and a TextPositionSelector (start and end over the source's text). The body is the
 * entity: its id, names and kind. Pure: the caller gives the text and the mentions' offsets.
 *
 * What the positions count (docs/ANNOTATIONS.md): Unicode code points, as the model asks, of the
 * text exactly as given — for a web page, the data of every Text node under <body> in tree order
 * (`document.body.textContent`), nothing collapsed or normalised; for a source article, its text.
 */
import type { Entity } from '../types.ts';
import { categoryOf } from '../types.ts';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Khabar Lens's own terms in a body (the entity's names and kind): under their own vocabulary. */
export const KL_VOCAB = 'urn:khabar-lens:vocab#';
/** Characters (code points) of prefix and suffix: enough to tell one mention from another. */
export const QUOTE_CONTEXT = 32;

export const ANNOTATION_CONTEXT = [
  ANNO_CONTEXT,
  {
    kl: KL_VOCAB,
    entityId: 'kl:entityId',
    name: 'kl:name',
    nameEn: 'kl:nameEn',
    names: { '@id': 'kl:names', '@container': '@list' },
    kind: 'kl:kind',
    category: 'kl:category',
  },
] as const;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface EntityBody {
  id: string;
  entityId: string;
  name: string;
  nameEn: string;
  names: string[];
  kind: string;
  category: string;
}

export interface Annotation {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'identifying';
  created: string;
  body: EntityBody;
  target: { source: string; selector: [TextQuoteSelector, TextPositionSelector] };
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: Annotation[] };
}

/** A mention as offsets into the text: UTF-16 code units, as JavaScript strings and the DOM count. */
export interface TextMention {
  start: number;
  end: number;
  entityId: string;
}

export interface AnnotationInput {
  /** The annotated resource: the page's URL, or a source article's (urn:khabar-lens:article:ID without one). */
  source: string;
  /** Shown as the collection's label (the page's title, the article's headline). */
  label: string;
  text: string;
  mentions: readonly TextMention[];
  /** The entities the mentions name (others are left out). */
  entities: ReadonlyMap<string, Entity>;
  /** ISO 8601 time of the export. */
  created: string;
}

/** The IRI of an entity in a body (entity ids are `category:slug`, not IRIs of their own). */
export const entityIri = (entityId: string) => `urn:khabar-lens:entity:${entityId}`;
/** The IRI of a source article without a URL of its own. */
export const articleIri = (articleId: string) => `urn:khabar-lens:article:${articleId}`;

/** Code point offset of every UTF-16 offset of `text` (a surrogate pair counts once). */
export function codePointOffsets(text: string): Uint32Array {
  const at = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    at[i] = cp;
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) at[++i] = cp;
    cp++;
  }
  at[text.length] = cp;
  return at;
}

/** Up to `n` code points of `text` ending at UTF-16 offset `end`. */
function lastCodePoints(text: string, end: number, n: number): string {
  return Array.from(text.slice(Math.max(0, end - 2 * n), end)).slice(-n).join('');
}

function firstCodePoints(text: string, start: number, n: number): string {
  return Array.from(text.slice(start, start + 2 * n)).slice(0, n).join('');
}

export function entityBody(e: Entity): EntityBody {
  const names = [e.name, ...e.aliases, ...e.weakAliases].filter((n, i, all) => all.indexOf(n) === i);
  return { id: entityIri(e.id), entityId: e.id, name: e.name, nameEn: e.nameEn, names, kind: e.kind, category: categoryOf(e.kind) };
}

/** A stable id for the collection (same source, same mentions → same id): a hash, not a secret. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The annotations of `input`'s mentions, in text order; mentions outside the text or of unknown entities are left out. */
export function buildAnnotations(input: AnnotationInput): AnnotationCollection {
  const { text } = input;
  const cp = codePointOffsets(text);
  const mentions = input.mentions
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end > m.start && m.end <= text.length && input.entities.has(m.entityId))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const base = `urn:khabar-lens:annotations:${hash(`${input.source}\n${input.created}`)}`;
  const items = mentions.map((m, i): Annotation => ({
    '@context': ANNOTATION_CONTEXT,
    id: `${base}:${i + 1}`,
    type: 'Annotation',
    motivation: 'identifying',
    created: input.created,
    body: entityBody(input.entities.get(m.entityId)!),
    target: {
      source: input.source,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: text.slice(m.start, m.end),
          prefix: lastCodePoints(text, m.start, QUOTE_CONTEXT),
          suffix: firstCodePoints(text, m.end, QUOTE_CONTEXT),
        },
        { type: 'TextPositionSelector', start: cp[m.start]!, end: cp[m.end]! },
      ],
    },
  }));
  return {
    '@context': ANNOTATION_CONTEXT,
    id: base,
    type: 'AnnotationCollection',
    label: input.label,
    total: items.length,
    first: { id: `${base}:page`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** A file name for the download: the host or article id, and the date. */
export function annotationFileName(what: string, created: string): string {
  const safe = what.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'page';
  return `khabar-lens-${safe}-${created.slice(0, 10)}.jsonld`;
}
