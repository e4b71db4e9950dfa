/**
 * A name the reader adds (issue 13 item 3): the form's fields as typed, checked into an Entity the
 * matcher, the cards and the search can use, with an id of its own (`place:own-<slug>`). Pure: the
 * add-name page, the library's suggestions and the tests share these rules.
 */
import { hasArabic } from '../arabic/chars.ts';
import { normaliseKey } from '../arabic/normalise.ts';
import { GROUP_KINDS, PLACE_KINDS, categoryOf, type Entity, type EntityKind } from '../types.ts';
import { hashString } from '../util/hash.ts';

/** The categories a reader can add a name of (outlets come only with the bundle). */
export type NameCategory = 'place' | 'group' | 'person';
export const NAME_CATEGORIES: readonly NameCategory[] = ['place', 'group', 'person'];

/** The precise kinds of each category, in the order the form lists them. */
export const KINDS_OF_CATEGORY: Record<NameCategory, readonly EntityKind[]> = {
  place: PLACE_KINDS,
  group: GROUP_KINDS,
  person: ['person'],
};

/** Limits of each field (characters; spellings: lines). A news name is a few words. */
export const NAME_LIMITS = {
  name: 80,
  nameEn: 80,
  spelling: 80,
  spellings: 20,
  description: 1000,
} as const;

/** Shortest name the matcher gets: one letter would light up everywhere. */
export const NAME_MIN_CHARS = 2;

/** What the reader typed, as strings (spellings one per line). */
export interface NameForm {
  kind: EntityKind;
  name: string;
  nameEn: string;
  spellings: string;
  /** The parent place's id, or '' for none. */
  parent: string;
  description: string;
}

export type NameField = 'kind' | 'name' | 'nameEn' | 'spellings' | 'parent' | 'description';

/** One problem with one field; the page words it (lib/i18n `nameError…` keys). */
export type NameProblem =
  | 'required'
  | 'tooShort'
  | 'tooLong'
  | 'notArabic'
  | 'tooMany'
  | 'known'
  | 'noParent'
  | 'badKind';

export interface NameError {
  field: NameField;
  problem: NameProblem;
  /** The offending spelling, a limit, or the entity that has the name already. */
  detail?: string;
}

/** What the checks need to know besides the form. */
export interface NameContext {
  /** Every id in use (bundle and reader's): a new id must be new. */
  ids: ReadonlySet<string>;
  /** Places the parent may be: id → name. */
  places: ReadonlyMap<string, string>;
  /** Normalised name → the entity that has it (bundle and reader's), for "already known". */
  names: ReadonlyMap<string, { id: string; name: string }>;
  /** The id of the reader's entity being edited (its own names do not count as known). */
  editing?: string;
}

export type NameResult = { ok: true; entity: Entity } | { ok: false; errors: NameError[] };

/** Bidi controls, zero-width characters and the like: invisible in a name, never part of one. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]/g;

/** A field's text as a name: invisible characters out, white space collapsed, trimmed. */
export function cleanName(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** The selection a context menu hands over, made a starting name: cleaned and cut to the limit. */
export function nameFromSelection(raw: string): string {
  return cleanName(raw.slice(0, NAME_LIMITS.name * 4)).slice(0, NAME_LIMITS.name).trim();
}

/** The name an add-name page's URL hash (`#name=…`) carries, cleaned like a selection. */
export function nameFromHash(hash: string): string {
  return nameFromSelection(new URLSearchParams(hash.replace(/^#/, '')).get('name') ?? '');
}

/** The lines of the spellings box, cleaned, without blanks and repeats. */
export function spellingLines(raw: string): string[] {
  return [...new Set(raw.split(/\r?\n/).map(cleanName).filter((s) => s !== ''))];
}

/** Latin letters and digits of `text`, lower case, joined by single hyphens ('Al-Qa'im 2' → 'al-qa-im-2'). */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/**
 * A new id for the reader's entity: `category:own-<slug of the English name>`, or of a hash of the
 * Arabic name when the English one gives no slug; `-2`, `-3` … when taken. Always matches the
 * getCard id pattern (/^[a-z]+:[a-z0-9][a-z0-9-]*$/).
 */
export function ownEntityId(kind: EntityKind, nameEn: string, name: string, taken: ReadonlySet<string>): string {
  const base = `${categoryOf(kind)}:own-${slugOf(nameEn) || hashString(normaliseKey(name)).slice(-8)}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function checkArabic(field: NameField, value: string, errors: NameError[], limit: number): void {
  if (value.length > limit) errors.push({ field, problem: 'tooLong', detail: String(limit) });
  else if (!hasArabic(value)) errors.push({ field, problem: 'notArabic', detail: value });
  else if (normaliseKey(value).replace(/\s/g, '').length < NAME_MIN_CHARS) errors.push({ field, problem: 'tooShort', detail: value });
}

/**
 * Check the form; on success the Entity to store (its id new, or `editing`'s). A name another
 * entity has already is refused: the matcher would have to choose between them on every page.
 */
export function validateNameForm(form: NameForm, context: NameContext, existing?: Entity): NameResult {
  const errors: NameError[] = [];
  const kind = form.kind;
  const category = categoryOf(kind);
  if (!(NAME_CATEGORIES as readonly string[]).includes(category)) errors.push({ field: 'kind', problem: 'badKind' });
  const name = cleanName(form.name);
  if (name === '') errors.push({ field: 'name', problem: 'required' });
  else checkArabic('name', name, errors, NAME_LIMITS.name);
  const nameEn = cleanName(form.nameEn);
  if (nameEn.length > NAME_LIMITS.nameEn) errors.push({ field: 'nameEn', problem: 'tooLong', detail: String(NAME_LIMITS.nameEn) });
  const spellings = spellingLines(form.spellings).filter((s) => normaliseKey(s) !== normaliseKey(name));
  if (spellings.length > NAME_LIMITS.spellings) errors.push({ field: 'spellings', problem: 'tooMany', detail: String(NAME_LIMITS.spellings) });
  else for (const s of spellings) checkArabic('spellings', s, errors, NAME_LIMITS.spelling);
  // Already another entity's name (the bundle's or the reader's): say whose.
  for (const [field, value] of [['name', name], ...spellings.map((s) => ['spellings', s])] as [NameField, string][]) {
    const owner = value && context.names.get(normaliseKey(value));
    if (owner && owner.id !== context.editing) errors.push({ field, problem: 'known', detail: owner.name });
  }
  const parent = form.parent.trim();
  if (parent !== '' && (category !== 'place' || !context.places.has(parent) || parent === context.editing)) {
    errors.push({ field: 'parent', problem: 'noParent' });
  }
  const description = form.description.trim();
  if (description.length > NAME_LIMITS.description) {
    errors.push({ field: 'description', problem: 'tooLong', detail: String(NAME_LIMITS.description) });
  }
  if (errors.length > 0) return { ok: false, errors };
  const id = context.editing ?? ownEntityId(kind, nameEn, name, context.ids);
  const entity: Entity = {
    ...(existing ?? {}),
    id,
    kind,
    name,
    nameEn,
    aliases: spellings,
    weakAliases: [],
    translit: nameEn ? [nameEn] : [],
    description,
    own: true,
  };
  if (parent && category === 'place') entity.parent = parent;
  else delete entity.parent;
  return { ok: true, entity };
}

/** The form filled from a stored entity (to edit it), or empty with a starting name. */
export function formOf(entity: Entity | undefined, start: { name?: string; kind?: EntityKind } = {}): NameForm {
  if (!entity) {
    return { kind: start.kind ?? 'city', name: start.name ?? '', nameEn: '', spellings: '', parent: '', description: '' };
  }
  return {
    kind: entity.kind,
    name: entity.name,
    nameEn: entity.nameEn,
    spellings: entity.aliases.join('\n'),
    parent: entity.parent ?? '',
    description: entity.description,
  };
}

/**
 * Normalised name → entity, for NameContext.names, from every entity's name and strong spellings
 * (a weak alias is an ordinary word too: the reader may mean another thing by it).
 */
export function namesIndex(entities: readonly Entity[]): Map<string, { id: string; name: string }> {
  const out = new Map<string, { id: string; name: string }>();
  for (const e of entities) {
    for (const n of [e.name, ...e.aliases]) {
      const key = normaliseKey(n);
      if (key && !out.has(key)) out.set(key, { id: e.id, name: e.name });
    }
  }
  return out;
}
