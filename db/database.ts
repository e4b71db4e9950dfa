/**
 * The extension's IndexedDB database (Dexie): the bundled gazetteer and coverage, imported from
 * the bundle, next to the reader's own data (settings, per-site switch), which no import touches.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { SerializedMatcher } from '../core/match/automaton.ts';
import type { Article, Coverage, Entity, EntityKind, Mention, NameEntry } from '../core/types.ts';

export const DB_NAME = 'khabar-lens';

export interface ArticleMentionsRow {
  articleId: string;
  mentions: Mention[];
}

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

/** The compiled matcher content scripts ask for, stored as one record. */
export interface MatcherRecord {
  key: 'matcher';
  version: string;
  matcher: SerializedMatcher;
  kinds: Record<string, EntityKind>;
}

export type MetaRow = ImportRecord | MatcherRecord;

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface SiteRow {
  /** Host name, lower case, e.g. `www.aljazeera.net`. */
  host: string;
  enabled: boolean;
  updatedAt: number;
}

/** Tables filled from the bundle: replaced as a whole when the bundle version changes. */
export const BUNDLED_TABLES = ['entities', 'names', 'articles', 'coverage', 'articleMentions'] as const;
export type BundledTable = (typeof BUNDLED_TABLES)[number];

/** Tables holding the reader's data: never cleared or written by an import. */
export const USER_TABLES = ['settings', 'sites'] as const;

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
];

export class LensDatabase extends Dexie {
  entities!: EntityTable<Entity, 'id'>;
  names!: Table<NameEntry, [string, string]>;
  articles!: EntityTable<Article, 'id'>;
  coverage!: EntityTable<Coverage, 'entityId'>;
  articleMentions!: EntityTable<ArticleMentionsRow, 'articleId'>;
  meta!: Table<MetaRow, string>;
  settings!: EntityTable<SettingRow, 'key'>;
  sites!: EntityTable<SiteRow, 'host'>;

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
