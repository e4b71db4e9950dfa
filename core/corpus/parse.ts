/**
 * Reading the curated corpus files: JSON Lines (one record a line, so that every problem has a
 * line number) checked field by field. Pure: the caller hands in each file's path and text.
 */
import { normaliseKey } from '../arabic/normalise.ts';
import { categoryOf, ENTITY_KINDS, type ArticleMeta, type Entity, type EntityKind } from '../types.ts';
import { ProblemList } from './errors.ts';

export interface SourceFile {
  /** Path as shown in messages, e.g. corpus/gazetteer/places.jsonl. */
  path: string;
  text: string;
}

export interface Located<T> {
  value: T;
  file: string;
  line: number;
}

/** Each non-blank line's JSON object, or a problem naming the line. */
function* jsonLines(source: SourceFile, problems: ProblemList): Generator<{ record: Record<string, unknown>; line: number }> {
  const lines = source.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '' || raw.startsWith('//')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      problems.add(source.path, i + 1, `bad JSON: ${(e as Error).message}`);
      continue;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      problems.add(source.path, i + 1, 'expected one JSON object on the line');
      continue;
    }
    yield { record: parsed as Record<string, unknown>, line: i + 1 };
  }
}

/** Typed field readers that report what is wrong with a field instead of throwing. */
class Fields {
  constructor(
    private readonly record: Record<string, unknown>,
    private readonly where: { file: string; line: number },
    private readonly problems: ProblemList,
    allowed: readonly string[],
  ) {
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) this.problem(`unknown field "${key}" (allowed: ${allowed.join(', ')})`);
    }
  }

  problem(message: string): void {
    this.problems.add(this.where.file, this.where.line, message);
  }

  string(key: string): string {
    const v = this.record[key];
    if (typeof v !== 'string' || v.trim() === '') {
      this.problem(v === undefined ? `missing field "${key}"` : `field "${key}" must be a non-empty string`);
      return '';
    }
    return v;
  }

  optionalString(key: string): string | undefined {
    return this.record[key] === undefined ? undefined : this.string(key);
  }

  strings(key: string): string[] {
    const v = this.record[key];
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.trim() === '')) {
      this.problem(`field "${key}" must be a list of non-empty strings`);
      return [];
    }
    return v as string[];
  }

  boolean(key: string): boolean {
    const v = this.record[key];
    if (typeof v !== 'boolean') {
      this.problem(v === undefined ? `missing field "${key}"` : `field "${key}" must be true or false`);
      return false;
    }
    return v;
  }
}

const ENTITY_FIELDS = [
  'id', 'kind', 'name', 'nameEn', 'aliases', 'weakAliases', 'translit', 'parent', 'country', 'coords',
  'description', 'descriptionEn',
] as const;

export function parseEntities(sources: readonly SourceFile[], problems: ProblemList): Located<Entity>[] {
  const out: Located<Entity>[] = [];
  for (const source of sources) {
    for (const { record, line } of jsonLines(source, problems)) {
      const where = { file: source.path, line };
      const f = new Fields(record, where, problems, ENTITY_FIELDS);
      const id = f.string('id');
      const kind = f.string('kind') as EntityKind;
      if (kind && !ENTITY_KINDS.includes(kind)) f.problem(`unknown kind "${kind}" (one of: ${ENTITY_KINDS.join(', ')})`);
      else if (kind && id && !id.startsWith(`${categoryOf(kind)}:`)) {
        f.problem(`id "${id}" must start with "${categoryOf(kind)}:" for kind "${kind}"`);
      }
      if (id && !/^[a-z]+:[a-z0-9][a-z0-9-]*$/.test(id)) f.problem(`id "${id}" must look like category:lower-case-slug`);
      const entity: Entity = {
        id,
        kind,
        name: f.string('name'),
        nameEn: f.string('nameEn'),
        aliases: f.strings('aliases'),
        weakAliases: f.strings('weakAliases'),
        translit: f.strings('translit'),
        description: f.string('description'),
      };
      const descriptionEn = f.optionalString('descriptionEn');
      if (descriptionEn) entity.descriptionEn = descriptionEn;
      const parent = f.optionalString('parent');
      if (parent) entity.parent = parent;
      const country = f.optionalString('country');
      if (country !== undefined) {
        if (/^[A-Z]{2}$/.test(country)) entity.country = country;
        else f.problem(`country "${country}" must be an ISO 3166 alpha-2 code like "SY"`);
      }
      const coords = record['coords'];
      if (coords !== undefined) {
        if (
          Array.isArray(coords) && coords.length === 2 && typeof coords[0] === 'number' && typeof coords[1] === 'number' &&
          Math.abs(coords[0]) <= 90 && Math.abs(coords[1]) <= 180
        ) {
          entity.coords = [coords[0], coords[1]];
        } else {
          f.problem('coords must be [latitude, longitude] in degrees');
        }
      }
      for (const name of [entity.name, ...entity.aliases, ...entity.weakAliases]) {
        if (name && normaliseKey(name) === '') f.problem(`name "${name}" has no letters`);
      }
      out.push({ value: entity, ...where });
    }
  }
  return out;
}

const ARTICLE_FIELDS = [
  'id', 'file', 'outlet', 'outletEn', 'byline', 'headline', 'date', 'dateEstimated', 'dateNote', 'language', 'url',
] as const;

export function parseArticles(source: SourceFile, problems: ProblemList): Located<ArticleMeta>[] {
  const out: Located<ArticleMeta>[] = [];
  for (const { record, line } of jsonLines(source, problems)) {
    const where = { file: source.path, line };
    const f = new Fields(record, where, problems, ARTICLE_FIELDS);
    const meta: ArticleMeta = {
      id: f.string('id'),
      file: f.string('file'),
      outlet: f.string('outlet'),
      outletEn: f.string('outletEn'),
      headline: f.string('headline'),
      date: f.string('date'),
      dateEstimated: f.boolean('dateEstimated'),
      dateNote: f.string('dateNote'),
      language: 'ar',
    };
    if (meta.date && !/^\d{4}-\d{2}-\d{2}$/.test(meta.date)) f.problem(`date "${meta.date}" must be YYYY-MM-DD`);
    if (f.string('language') && record['language'] !== 'ar') f.problem('language must be "ar"');
    const byline = f.optionalString('byline');
    if (byline) meta.byline = byline;
    const url = f.optionalString('url');
    if (url) meta.url = url;
    out.push({ value: meta, ...where });
  }
  return out;
}

/** The ignore list: one word a line, `#` starts a comment. Words are kept normalised. */
export function parseIgnoreList(source: SourceFile): Set<string> {
  const words = new Set<string>();
  for (const raw of source.text.split('\n')) {
    const word = raw.replace(/#.*/, '').trim();
    if (word) words.add(normaliseKey(word));
  }
  return words;
}
