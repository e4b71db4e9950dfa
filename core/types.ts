/**
 * Shared data shapes of the product. Pure types: the core, the CLI, the database layer and the
 * extension's entrypoints all speak these.
 */

/** What an entity is. The category (place, group, …) follows from the kind: see `categoryOf`. */
export type PlaceKind =
  | 'country'
  | 'governorate'
  | 'district'
  | 'city'
  | 'town'
  | 'village'
  | 'neighbourhood'
  | 'region'
  | 'river'
  | 'valley'
  | 'dam'
  | 'base'
  | 'border-crossing'
  | 'oil-station';

export type GroupKind =
  | 'army'
  | 'force'
  | 'militia'
  | 'faction'
  | 'party'
  | 'coalition'
  | 'command'
  | 'media-unit'
  | 'government'
  | 'organisation';

export type OtherKind = 'person' | 'outlet';

export type EntityKind = PlaceKind | GroupKind | OtherKind;
export type Category = 'place' | 'group' | 'person' | 'outlet';

export const PLACE_KINDS: readonly PlaceKind[] = [
  'country', 'governorate', 'district', 'city', 'town', 'village', 'neighbourhood', 'region',
  'river', 'valley', 'dam', 'base', 'border-crossing', 'oil-station',
];
export const GROUP_KINDS: readonly GroupKind[] = [
  'army', 'force', 'militia', 'faction', 'party', 'coalition', 'command', 'media-unit',
  'government', 'organisation',
];
export const OTHER_KINDS: readonly OtherKind[] = ['person', 'outlet'];
export const ENTITY_KINDS: readonly EntityKind[] = [...PLACE_KINDS, ...GROUP_KINDS, ...OTHER_KINDS];

export function categoryOf(kind: EntityKind): Category {
  if ((PLACE_KINDS as readonly string[]).includes(kind)) return 'place';
  if ((GROUP_KINDS as readonly string[]).includes(kind)) return 'group';
  return kind as OtherKind;
}

/** One gazetteer record as curated in corpus/gazetteer/*.jsonl. */
export interface Entity {
  /** Stable id, `category:slug`, e.g. `place:albukamal`, `group:pmf`. Never reused. */
  id: string;
  kind: EntityKind;
  /**
   * Canonical Arabic name, as Arabic news writes it most often. Listed in weakAliases too when it
   * is also an ordinary word (القائم): it is then shown as the name but matched as a weak one.
   */
  name: string;
  nameEn: string;
  /** Further spellings that identify the entity on their own. */
  aliases: string[];
  /**
   * Spellings that are also ordinary words or other entities' names (القائم 'existing',
   * الحشد 'mobilisation'): a mention through one of them counts only with supporting context.
   */
  weakAliases: string[];
  /** Latin transliterations people type in search ('bukamal', 'Abu Kamal'). */
  translit: string[];
  /** For places: the id of the area it lies in. */
  parent?: string;
  /** For places: ISO 3166 alpha-2 country code. */
  country?: string;
  /** [latitude, longitude] where public sources give them. */
  coords?: [number, number];
  description: string;
  descriptionEn?: string;
  /** A name the reader added (db/library.ts), not a bundled one. */
  own?: true;
}

/** Article metadata, as curated in corpus/articles.jsonl; the text lives in its own file. */
export interface ArticleMeta {
  id: string;
  /** Path of the text file, relative to corpus/. */
  file: string;
  outlet: string;
  outletEn: string;
  /** Byline or dateline as the text gives it. */
  byline?: string;
  headline: string;
  /** ISO date (YYYY-MM-DD). */
  date: string;
  /** True when the text gives no date and `date` is our best estimate. */
  dateEstimated: boolean;
  /** How the date was found or estimated. */
  dateNote: string;
  /** 'ar' for the bundled corpus; a reader's own article may be in another language (BCP 47). */
  language: string;
  /** Only where the article itself states one. */
  url?: string;
  /** The reader's own: saved from a page or imported (db/library.ts), not bundled. */
  own?: true;
}

export interface Article extends ArticleMeta {
  text: string;
}

/** One detected mention in a text. Offsets are UTF-16 code units into the text as given. */
export interface Mention {
  start: number;
  end: number;
  /** The text between start and end, exactly as in the input. */
  text: string;
  entityId: string;
  /** 0..1: how sure the detector is that this is a mention of the entity. */
  confidence: number;
}

/** A sentence around a mention, with the mention's place inside it. */
export interface Snippet {
  articleId: string;
  text: string;
  markStart: number;
  markEnd: number;
}

export interface ArticleCoverage {
  articleId: string;
  /** Mentions of the entity in this article. */
  count: number;
  /** Where in the article the entity first appears, 0..1 (earlier = more central). */
  firstAt: number;
  snippets: Snippet[];
  /** The entity is the outlet that published this article (it may not name itself in the text). */
  published?: true;
}

export interface Coverage {
  entityId: string;
  /** Total mentions over all articles. */
  mentions: number;
  /** Most relevant first. */
  articles: ArticleCoverage[];
  /** Entities mentioned in the same sentences, most often first. */
  related: { entityId: string; count: number }[];
}

/** One searchable name: the key is the normalised form (see core/arabic/normalise.ts). */
export interface NameEntry {
  key: string;
  text: string;
  entityId: string;
  weak: boolean;
}

/** What `npm run cli -- build` writes and the background imports into IndexedDB. */
export interface Bundle {
  /** Content hash of everything below: a new bundle replaces the stored one when this changes. */
  version: string;
  entities: Entity[];
  names: NameEntry[];
  articles: Article[];
  coverage: Coverage[];
  /** Per article: the mentions found in its text, in order. */
  articleMentions: { articleId: string; mentions: Mention[] }[];
  matcher: import('./match/automaton.ts').SerializedMatcher;
  /**
   * Per mentioned entity: how each outlet names it and its coverage by date
   * (core/analysis/outlet-naming.ts). Stored inside the entity's coverage (db/rows.ts).
   * Optional: a bundle built before it has none, and the card then shows no such section.
   */
  profiles?: import('./analysis/profile.ts').EntityProfile[];
  /** The locator map's country outlines (core/geo/basemap.ts), made at build time; absent in test bundles. */
  baseMap?: import('./geo/basemap.ts').BaseMap;
}
