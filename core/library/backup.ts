/**
 * The reader's backup file (issue 13 item 4): one versioned JSON document with their articles,
 * names, corrections, settings and switched-off sites, which a fresh profile restores whole.
 *
 * Articles travel as what the reader gave (metadata and text), never as stored mentions: the
 * restoring version finds the mentions again with its own gazetteer and detector, so a file made by
 * an older version gains what the newer one knows. A file of an older format version is brought up
 * to the current one by MIGRATIONS, one step a version, as the database's SCHEMA steps are; a file
 * of a newer version than this build knows is refused, in words (nothing of it is half-applied).
 *
 * Pure: parse, check and migrate untrusted JSON. The browser side is lib/backup.ts.
 */
import { ENTITY_KINDS, type Entity } from '../types.ts';

export const BACKUP_FORMAT = 'khabar-lens-backup';

/** The format version this build writes. */
export const BACKUP_VERSION = 1;

export interface BackupArticle {
  title: string;
  outlet: string;
  url?: string;
  /** YYYY-MM-DD, or '' when none is known. */
  date: string;
  dateEstimated: boolean;
  dateNote?: string;
  language: string;
  byline?: string;
  text: string;
  origin: 'saved' | 'imported' | 'restored';
  /** When the reader added it (ms since the epoch): the library lists newest first. */
  addedAt: number;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO time the file was made, and by which extension version (for the reader's information). */
  exportedAt: string;
  extensionVersion: string;
  articles: BackupArticle[];
  /** The names the reader added (Entity, own). */
  names: Entity[];
  /** lib/corrections.ts Correction[], read again through its own parser on restore. */
  corrections: unknown[];
  /** lib/settings.ts Settings, read again through parseSettings on restore. */
  settings: unknown;
  /** Hosts the reader switched off. */
  sitesOff: string[];
  /** Suggested names the reader dismissed (normalised keys). */
  dismissed: string[];
}

/** One step: a file of `from` becomes one of `from + 1`. */
export interface BackupMigration {
  from: number;
  migrate: (file: Record<string, unknown>) => Record<string, unknown>;
}

/** Every step since version 1 (none yet: version 1 is the first format). Append, never edit. */
export const MIGRATIONS: readonly BackupMigration[] = [];

/** Bounds on a file read back: it is untrusted (another machine, a hand edit). */
export const BACKUP_LIMITS = {
  articles: 100_000,
  names: 20_000,
  textChars: 2_000_000,
  fieldChars: 2_000,
  corrections: 5_000,
  sites: 10_000,
} as const;

/** Each backup problem's parameters; the pages put it in words (message `backupProblem_<code>`, lib/input-problem-text.ts). */
export interface BackupProblemParams {
  notJson: { detail: string };
  notBackup: Record<string, never>;
  badVersion: Record<string, never>;
  newerVersion: { version: number; current: number };
  unknownVersion: { version: string };
  missing: Record<string, never>;
  notText: Record<string, never>;
  empty: Record<string, never>;
  tooLong: { max: number };
  notList: Record<string, never>;
  tooMany: { max: number };
  notObject: Record<string, never>;
  notDate: Record<string, never>;
  notOrigin: Record<string, never>;
  notTime: Record<string, never>;
  notBoolean: Record<string, never>;
  notEntityId: Record<string, never>;
  notKind: Record<string, never>;
  notNameList: Record<string, never>;
  notCoords: Record<string, never>;
  notHostList: Record<string, never>;
}

export type BackupProblemCode = keyof BackupProblemParams;

/** Where in the file (`articles[3].text`, '' for the file as a whole) and what is wrong. */
export type BackupProblem = { path: string } & { [C in BackupProblemCode]: { code: C; params: BackupProblemParams[C] } }[BackupProblemCode];

function backupProblem<C extends BackupProblemCode>(
  path: string,
  code: C,
  ...params: BackupProblemParams[C] extends Record<string, never> ? [] : [BackupProblemParams[C]]
): BackupProblem {
  return { path, code, params: params[0] ?? {} } as BackupProblem;
}

export class BackupError extends Error {
  constructor(readonly problems: BackupProblem[]) {
    // For logs only: the reader reads the problems in their language.
    super(problems.slice(0, 10).map((p) => `${p.path}: ${p.code} ${JSON.stringify(p.params)}`).join('\n'));
    this.name = 'BackupError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ENTITY_ID = /^[a-z]+:[a-z0-9][a-z0-9-]*$/;
const DATE = /^(\d{4}-\d{2}-\d{2})?$/;

/** A checker that collects problems, each named by where it is in the file (articles[3].text). */
class Checker {
  problems: BackupProblem[] = [];
  problem<C extends BackupProblemCode>(path: string, code: C, ...params: BackupProblemParams[C] extends Record<string, never> ? [] : [BackupProblemParams[C]]): void {
    this.problems.push(backupProblem(path, code, ...params));
  }
  string(o: Record<string, unknown>, key: string, path: string, options: { optional?: boolean; max?: number; empty?: boolean } = {}): string | undefined {
    const v = o[key];
    if (v === undefined && options.optional) return undefined;
    if (typeof v !== 'string') return this.problem(`${path}.${key}`, v === undefined ? 'missing' : 'notText'), undefined;
    if (!options.empty && v.trim() === '') return this.problem(`${path}.${key}`, 'empty'), undefined;
    if (v.length > (options.max ?? BACKUP_LIMITS.fieldChars)) return this.problem(`${path}.${key}`, 'tooLong', { max: options.max ?? BACKUP_LIMITS.fieldChars }), undefined;
    return v;
  }
  list(o: Record<string, unknown>, key: string, max: number): unknown[] {
    const v = o[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) return this.problem(key, 'notList'), [];
    if (v.length > max) return this.problem(key, 'tooMany', { max }), [];
    return v;
  }
}

function checkArticle(c: Checker, raw: unknown, path: string): BackupArticle | undefined {
  if (!isRecord(raw)) return c.problem(path, 'notObject'), undefined;
  const before = c.problems.length;
  const title = c.string(raw, 'title', path);
  const outlet = c.string(raw, 'outlet', path, { empty: true });
  const url = c.string(raw, 'url', path, { optional: true });
  const date = c.string(raw, 'date', path, { empty: true });
  if (date !== undefined && !DATE.test(date)) c.problem(`${path}.date`, 'notDate');
  const language = c.string(raw, 'language', path, { max: 35 });
  const text = c.string(raw, 'text', path, { max: BACKUP_LIMITS.textChars });
  const dateNote = c.string(raw, 'dateNote', path, { optional: true, empty: true });
  const byline = c.string(raw, 'byline', path, { optional: true, empty: true });
  const origin = raw['origin'];
  if (origin !== 'saved' && origin !== 'imported' && origin !== 'restored') c.problem(`${path}.origin`, 'notOrigin');
  const addedAt = raw['addedAt'];
  if (typeof addedAt !== 'number' || !Number.isFinite(addedAt)) c.problem(`${path}.addedAt`, 'notTime');
  if (typeof raw['dateEstimated'] !== 'boolean') c.problem(`${path}.dateEstimated`, 'notBoolean');
  if (c.problems.length > before) return undefined;
  const a: BackupArticle = {
    title: title!, outlet: outlet!, date: date!, dateEstimated: raw['dateEstimated'] as boolean, language: language!, text: text!,
    origin: origin as BackupArticle['origin'], addedAt: addedAt as number,
  };
  if (url !== undefined) a.url = url;
  if (dateNote) a.dateNote = dateNote;
  if (byline) a.byline = byline;
  return a;
}

function checkName(c: Checker, raw: unknown, path: string): Entity | undefined {
  if (!isRecord(raw)) return c.problem(path, 'notObject'), undefined;
  const before = c.problems.length;
  const id = c.string(raw, 'id', path, { max: 120 });
  if (id !== undefined && !ENTITY_ID.test(id)) c.problem(`${path}.id`, 'notEntityId');
  if (!(ENTITY_KINDS as readonly unknown[]).includes(raw['kind'])) c.problem(`${path}.kind`, 'notKind');
  const name = c.string(raw, 'name', path, { max: 200 });
  const nameEn = c.string(raw, 'nameEn', path, { max: 200, empty: true });
  const description = c.string(raw, 'description', path, { empty: true });
  const lists: Record<string, string[]> = {};
  for (const key of ['aliases', 'weakAliases', 'translit']) {
    const v = raw[key] ?? [];
    if (!Array.isArray(v) || v.length > 100 || !v.every((x) => typeof x === 'string' && x.length <= 200)) c.problem(`${path}.${key}`, 'notNameList');
    else lists[key] = v as string[];
  }
  const parent = c.string(raw, 'parent', path, { optional: true, max: 120 });
  if (parent !== undefined && !ENTITY_ID.test(parent)) c.problem(`${path}.parent`, 'notEntityId');
  const country = c.string(raw, 'country', path, { optional: true, max: 2 });
  const coords = raw['coords'];
  const coordsOk = coords === undefined || (Array.isArray(coords) && coords.length === 2 && coords.every((x) => typeof x === 'number' && Number.isFinite(x)));
  if (!coordsOk) c.problem(`${path}.coords`, 'notCoords');
  if (c.problems.length > before) return undefined;
  const e: Entity = {
    id: id!, kind: raw['kind'] as Entity['kind'], name: name!, nameEn: nameEn!, aliases: lists['aliases']!,
    weakAliases: lists['weakAliases']!, translit: lists['translit']!, description: description!, own: true,
  };
  if (parent) e.parent = parent;
  if (country) e.country = country;
  if (coords) e.coords = coords as [number, number];
  return e;
}

/**
 * A backup file's text → the current format, or a BackupError naming every problem (where in the
 * file, and what): not JSON, not our file, a version newer than this build, a field missing or wrong.
 */
export function parseBackup(text: string, migrations: readonly BackupMigration[] = MIGRATIONS, current: number = BACKUP_VERSION): Backup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new BackupError([backupProblem('', 'notJson', { detail: (e as Error).message })]);
  }
  if (!isRecord(raw) || raw['format'] !== BACKUP_FORMAT) throw new BackupError([backupProblem('', 'notBackup')]);
  let file = raw;
  let version = file['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new BackupError([backupProblem('version', 'badVersion')]);
  if (version > current) throw new BackupError([backupProblem('version', 'newerVersion', { version, current })]);
  for (const step of migrations) {
    if (step.from === version && version < current) {
      file = step.migrate(file);
      version = step.from + 1;
    }
  }
  if (version !== current) throw new BackupError([backupProblem('version', 'unknownVersion', { version: String(raw['version']) })]);

  const c = new Checker();
  const articles = c.list(file, 'articles', BACKUP_LIMITS.articles).map((a, i) => checkArticle(c, a, `articles[${i}]`));
  const names = c.list(file, 'names', BACKUP_LIMITS.names).map((n, i) => checkName(c, n, `names[${i}]`));
  const corrections = c.list(file, 'corrections', BACKUP_LIMITS.corrections);
  const sitesOff = c.list(file, 'sitesOff', BACKUP_LIMITS.sites);
  if (!sitesOff.every((h) => typeof h === 'string' && h.length <= 253)) c.problem('sitesOff', 'notHostList');
  const dismissed = c.list(file, 'dismissed', BACKUP_LIMITS.names);
  if (!dismissed.every((d) => typeof d === 'string' && d.length <= 200)) c.problem('dismissed', 'notNameList');
  if (c.problems.length > 0) throw new BackupError(c.problems);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: typeof file['exportedAt'] === 'string' ? file['exportedAt'] : '',
    extensionVersion: typeof file['extensionVersion'] === 'string' ? file['extensionVersion'] : '',
    articles: articles as BackupArticle[],
    names: names as Entity[],
    corrections,
    settings: file['settings'],
    sitesOff: sitesOff as string[],
    dismissed: dismissed as string[],
  };
}
