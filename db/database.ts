/**
 * The extension's IndexedDB database (Dexie): the bundled gazetteer and coverage, imported from
 * the bundle, next to the reader's own data (the per-site switch), which no import touches.
 *
 * Schema 2 stores few rows: Chromium's IndexedDB costs 60–110 µs a row whatever its size (38,774
 * rows of just a key take 3 s to write here), so rows set most of the import's time. An entity
 * carries its coverage and an article its mentions, and they are stored in a fixed number of
 * buckets, a row each, by a hash of their id (db/rows.ts `bucketOf`): a look-up reads one row by
 * its key. The search reads one record (`gazetteer`). What they repeat of an article's text
 * (snippets, mentions) is stored as offsets into it: serialising is the rest of the import's
 * time, and the card and the reader read the article's text anyway.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { CoverageDay, OutletNaming } from '../core/analysis/profile.ts';
import type { Article, ArticleCoverage, Coverage, Entity, Snippet } from '../core/types.ts';
import { indexExistingTexts, repairWordIndex, type LibraryWordsRow } from './library-words.ts';

export const DB_NAME = 'khabar-lens';

/**
 * A snippet as where it lies in its article's text: [from, to) of the text, the mark relative to
 * the snippet as shown, and whether it was cut (1: '… ' before, 2: ' …' after, 3: both). A snippet
 * that is not a piece of its article's text is kept whole.
 */
export type StoredSnippet = [from: number, to: number, markStart: number, markEnd: number, cut: number] | Snippet;

export interface StoredArticleCoverage extends Omit<ArticleCoverage, 'snippets'> {
  snippets: StoredSnippet[];
}

export interface StoredCoverage extends Omit<Coverage, 'articles'> {
  articles: StoredArticleCoverage[];
  /**
   * How each outlet names the entity and its coverage by date (the bundle's `profiles`,
   * core/analysis/outlet-naming.ts), kept in the coverage's JSON so the stored shape needs no new
   * schema version; absent in data stored before them.
   */
  outlets?: OutletNaming[];
  timeline?: CoverageDay[];
}

/**
 * An entity and its coverage: with those of its articles, parent and related, its card (cardData).
 * Both as JSON (db/rows.ts `entityOf`, `coverageOf`): a coverage is hundreds of small objects,
 * which IndexedDB would serialise one by one on the import and rebuild for every entity of every
 * row read, where a card reads the rows of up to 14 entities and needs one coverage and a few names.
 */
export interface EntityRow {
  id: string;
  /** The Entity as JSON. */
  entity: string;
  /** The StoredCoverage as JSON. */
  coverage?: string;
}

/** A mention as where it lies in its article's text. */
export type StoredMention = [start: number, end: number, entityId: string, confidence: number];

/** An article with the mentions found in its text (db/rows.ts `mentionsOf`). */
export interface ArticleRow extends Article {
  /** StoredMention[] in text order, as JSON (small arrays, as above). */
  mentions: string;
}

/** The items whose ids hash to bucket `id` (db/rows.ts `bucketOf`), in id order: one row. */
export interface Bucket<T extends { id: string }> {
  id: number;
  items: T[];
}

/**
 * Buckets per table: part of the stored format (a change needs a schema version). A gazetteer of
 * a few thousand entities has about a row each; 100,000 names (38,774 entities) ~5 a row (~12 KB;
 * a card reads up to 14 of them: 4,096 buckets made the import no faster and the card 1.5× slower);
 * a row of articles (~11 KB each, with text) stays well under the 64 KB past which Chromium stores
 * a value as a file.
 */
export const ENTITY_BUCKETS = 8192;
export const ARTICLE_BUCKETS = 4096;

/** Where the import stands. Written first ('importing') and last ('ready'), see db/import.ts. */
export interface ImportRecord {
  key: 'import';
  state: 'empty' | 'importing' | 'ready' | 'error';
  /** 0..1 */
  progress: number;
  /** Version of the bundled data that is completely stored (only when state is 'ready'). */
  bundleVersion?: string;
  /** Version being imported (state 'importing' or 'error'). */
  target?: string;
  /** Rows of each bundled table already committed for `target`, so an interrupted import resumes. */
  done: Partial<Record<BundledTable, number>>;
  /** The extension version that stored the data: an update re-checks the bundle. */
  extensionVersion?: string;
  error?: string;
  /** 'quota': the browser refused to store more (QuotaExceededError); the reader can act on it. */
  errorKind?: 'quota';
  updatedAt: number;
}

/**
 * The compiled matcher content scripts ask for, stored as one record. Its large parts are JSON:
 * a string is written and read as one block, where IndexedDB would serialise and rebuild the
 * patterns' (or entities') objects one by one (100,000 names: ~1 s of the import).
 */
export interface MatcherRecord {
  key: 'matcher';
  version: string;
  /** The SerializedMatcher as JSON. */
  json: string;
}

/**
 * What the gazetteer search and the pages' name lists need, as one record: read once and indexed
 * in memory (lib/ui-data.ts) rather than read from every entity row per query.
 */
export interface GazetteerRecord {
  key: 'gazetteer';
  version: string;
  /** GazetteerData as JSON. */
  json: string;
}

export interface GazetteerData {
  entities: Entity[];
  /** Mentions in the corpus per entity (entities without any are left out). */
  mentions: Record<string, number>;
}

/** The locator map's base map (core/geo/basemap.ts), read once per page that shows a place. */
export interface BaseMapRecord {
  key: 'basemap';
  version: string;
  /** The BaseMap as JSON. */
  json: string;
}

export type MetaRow = ImportRecord | MatcherRecord | GazetteerRecord | BaseMapRecord;

export interface SiteRow {
  /** Host name, lower case, e.g. `www.aljazeera.net`. */
  host: string;
  enabled: boolean;
  updatedAt: number;
}

/** Tables filled from the bundle: replaced as a whole when the bundle version changes. */
export const BUNDLED_TABLES = ['entities', 'articles'] as const;
export type BundledTable = (typeof BUNDLED_TABLES)[number];

/** Records of the meta table filled from the bundle (the import record itself is not one). */
export const BUNDLED_META = ['matcher', 'gazetteer', 'basemap'] as const;

/** Tables holding the reader's data: never cleared or written by an import. */
export const USER_TABLES = ['sites', 'library', 'libraryTexts', 'libraryCoverage', 'userEntities', 'userMeta', 'libraryWords'] as const;

/**
 * A reader's own article (db/library.ts): its metadata and, per entity it names, the mentions.
 * Its text lives apart (LibraryText), so the library's list reads a few hundred bytes an article.
 */
export interface LibraryRow extends Omit<Article, 'text'> {
  own: true;
  fingerprint: string;
  /** Mentions per entity (libraryCoverage answers 'which articles name X'). */
  counts: Record<string, number>;
  origin: 'saved' | 'imported' | 'restored';
  /** The import run that added it (an interrupted run's articles are found by it). */
  importId?: string;
  addedAt: number;
}

export interface LibraryTextRow {
  id: string;
  text: string;
  /** StoredMention[] in text order, as JSON. */
  mentions: string;
}

/**
 * One entity in one library article, as its card shows it: keyed [entityId, date, articleId] so
 * a card reads the newest few of an entity's articles, and counts them, by key alone.
 */
export interface LibraryCoverageRow {
  entityId: string;
  date: string;
  articleId: string;
  count: number;
  firstAt: number;
  snippets: Snippet[];
  /** How this article's outlet names the entity: its part of the entity's outlet profile. */
  profile?: import('../core/analysis/profile.ts').EntityProfile;
}

/** The reader's own records that are not rows of a list (the matcher with their names, …). */
export interface UserMetaRow {
  key: string;
  [field: string]: unknown;
}

/**
 * Every schema version ever shipped, oldest first, each with the tables it adds or changes and,
 * when data must move, an upgrade. Never edit a shipped entry: append one (as jpdict-idb's
 * `if (oldVersion < n)` steps do), so that a database of any older version upgrades step by step.
 */
export interface SchemaStep {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: import('dexie').Transaction) => Promise<void> | void;
}

export const SCHEMA: readonly SchemaStep[] = [
  {
    version: 1,
    stores: {
      entities: 'id, kind, name',
      // NameEntry has no id of its own; one entity never has the same key twice (namesOf).
      names: '[key+entityId], key, entityId',
      articles: 'id, date',
      coverage: 'entityId',
      articleMentions: 'articleId',
      meta: 'key',
      settings: 'key',
      sites: 'host',
    },
  },
  {
    // Fewer rows (see the top of this file): names (read by no query) gone, coverage into the
    // entity rows, article mentions into the article rows, indexes no query uses dropped, and the
    // settings table (never written: the reader's settings live in storage.local) gone.
    version: 2,
    stores: {
      entities: 'id',
      names: null,
      articles: 'id',
      coverage: null,
      articleMentions: null,
      settings: null,
    },
    async upgrade(tx) {
      // The bundled data changes shape: drop it and its import record, so that the background
      // imports the packaged bundle again (at this start, see entrypoints/background/data.ts).
      // The reader's tables (sites) are not touched.
      await Promise.all(['entities', 'articles'].map((t) => tx.table(t).clear()));
      await tx.table('meta').bulkDelete(['import', 'matcher', 'gazetteer']);
    },
  },
  {
    // The reader's library (issue 13): their own articles (metadata, text, per-entity coverage),
    // the names they added, and their records. User tables: no bundled import touches them.
    version: 3,
    stores: {
      library: 'id, url, fingerprint, addedAt, importId',
      libraryTexts: 'id',
      libraryCoverage: '[entityId+date+articleId], articleId',
      userEntities: 'id',
      userMeta: 'key',
    },
  },
  {
    // The library's word index (db/library-words.ts): a search of the texts reads one bucket per
    // word instead of every text. A user table; the texts already stored are indexed here, once.
    version: 4,
    stores: { libraryWords: 'id, bucket' },
    upgrade: (tx) => indexExistingTexts(tx),
  },
  {
    // The word index forgets removed articles (db/library-words.ts unindexArticles); one written by
    // schema 4 may still hold their words, and is written again when it does.
    version: 5,
    stores: {},
    upgrade: (tx) => repairWordIndex(tx),
  },
];

export class LensDatabase extends Dexie {
  entities!: Table<Bucket<EntityRow>, number>;
  articles!: Table<Bucket<ArticleRow>, number>;
  meta!: Table<MetaRow, string>;
  sites!: EntityTable<SiteRow, 'host'>;
  library!: EntityTable<LibraryRow, 'id'>;
  libraryTexts!: EntityTable<LibraryTextRow, 'id'>;
  libraryCoverage!: Table<LibraryCoverageRow, [string, string, string]>;
  userEntities!: EntityTable<Entity, 'id'>;
  userMeta!: EntityTable<UserMetaRow, 'key'>;
  libraryWords!: EntityTable<LibraryWordsRow, 'id'>;

  /** `schema`: the version list to open with (tests open a database with a version added to it). */
  constructor(name: string, options: { relaxed?: boolean; schema?: readonly SchemaStep[] } = {}) {
    super(name, options.relaxed ? { chromeTransactionDurability: 'relaxed' } : {});
    for (const step of options.schema ?? SCHEMA) {
      const v = this.version(step.version).stores(step.stores);
      if (step.upgrade) v.upgrade(step.upgrade);
    }
  }
}

const open = new Map<string, LensDatabase>();

/**
 * The database, opened on first use (Dexie opens lazily and reopens after a close). Cached per
 * name and durability only as a connection: nothing here is state the service worker could lose.
 * `relaxed`: a second connection whose transactions do not wait for the disk flush, for the bulk
 * import (a lost import is redone); the reader's own writes use the default durability.
 */
export function openDatabase(name = DB_NAME, options: { relaxed?: boolean } = {}): LensDatabase {
  const id = `${name}\u0000${options.relaxed ? 'relaxed' : 'default'}`;
  let db = open.get(id);
  if (!db) {
    db = new LensDatabase(name, options);
    open.set(id, db);
  }
  return db;
}

/** Close and forget the cached connections to `name` (tests, and deleting the database). */
export function closeDatabase(name = DB_NAME): void {
  for (const [id, db] of open) {
    if (id.startsWith(`${name}\u0000`)) {
      db.close();
      open.delete(id);
    }
  }
}
