/**
 * The reader's own names (core/library/own-name.ts): ids, cleaning, and the form's checks, table by
 * table; each row's description is the example.
 */
import { describe, expect, test } from 'vitest';
import {
  NAME_LIMITS,
  formOf,
  nameFromSelection,
  namesIndex,
  ownEntityId,
  slugOf,
  spellingLines,
  validateNameForm,
  type NameContext,
  type NameForm,
} from '../../../core/library/own-name.ts';
import type { Entity } from '../../../core/types.ts';

const CARD_ID = /^[a-z]+:[a-z0-9][a-z0-9-]*$/;

const bundled: Entity[] = [
  { id: 'place:albukamal', kind: 'city', name: 'البوكمال', nameEn: 'Albukamal', aliases: ['أبو كمال'], weakAliases: [], translit: [], description: '' },
  { id: 'place:syria', kind: 'country', name: 'سوريا', nameEn: 'Syria', aliases: [], weakAliases: ['الشام'], translit: [], description: '' },
];

const context = (extra: Partial<NameContext> = {}): NameContext => ({
  ids: new Set(bundled.map((e) => e.id)),
  places: new Map(bundled.map((e) => [e.id, e.name])),
  names: namesIndex(bundled),
  ...extra,
});

const form = (f: Partial<NameForm> = {}): NameForm => ({ ...formOf(undefined, { name: 'الصالحية' }), ...f });

describe('slugOf and ownEntityId', () => {
  test.each([
    { text: "Al-Qa'im", slug: 'al-qa-im' },
    { text: '  Deir ez-Zor  ', slug: 'deir-ez-zor' },
    { text: 'Ḥuṣaybah', slug: 'husaybah' },
    { text: 'الصالحية', slug: '' },
    { text: '---', slug: '' },
  ])('$text → "$slug"', ({ text, slug }) => expect(slugOf(text)).toBe(slug));

  test.each([
    { description: 'from the English name', kind: 'city' as const, en: 'Salhiyah', ar: 'الصالحية', taken: [], id: 'place:own-salhiyah' },
    { description: 'a group is group:', kind: 'militia' as const, en: 'Liwa X', ar: 'لواء س', taken: [], id: 'group:own-liwa-x' },
    { description: 'a person is person:', kind: 'person' as const, en: 'Ali', ar: 'علي', taken: [], id: 'person:own-ali' },
    { description: 'taken: -2', kind: 'city' as const, en: 'Salhiyah', ar: 'الصالحية', taken: ['place:own-salhiyah'], id: 'place:own-salhiyah-2' },
  ])('$description', ({ kind, en, ar, taken, id }) => {
    const made = ownEntityId(kind, en, ar, new Set(taken));
    expect(made).toBe(id);
    expect(made).toMatch(CARD_ID);
  });

  test('no English name: a hash of the Arabic name, still a card id, the same for the same name', () => {
    const a = ownEntityId('city', '', 'الصالحية', new Set());
    expect(a).toMatch(CARD_ID);
    expect(a.startsWith('place:own-')).toBe(true);
    expect(ownEntityId('city', '', 'الصالحيّة', new Set())).toBe(a); // a diacritic is the same name
    expect(ownEntityId('city', '', 'الميادين', new Set())).not.toBe(a);
  });
});

describe('cleaning what the page hands over', () => {
  test.each([
    { description: 'trimmed, spaces collapsed', raw: '  دير \n  الزور ', name: 'دير الزور' },
    { description: 'bidi and zero-width controls out', raw: '\u200fالصالحية\u200d', name: 'الصالحية' },
    { description: 'a whole paragraph is cut to the limit', raw: 'كلمة '.repeat(200), name: 'كلمة '.repeat(200).slice(0, NAME_LIMITS.name).trim() },
  ])('$description', ({ raw, name }) => {
    const got = nameFromSelection(raw);
    expect(got).toBe(name);
    expect(got.length).toBeLessThanOrEqual(NAME_LIMITS.name);
  });

  test('spellings: one per line, blanks and repeats out', () => {
    expect(spellingLines('صالحية\n\n  الصالحيه \nصالحية\r\n')).toEqual(['صالحية', 'الصالحيه']);
  });
});

describe('validateNameForm', () => {
  interface Row {
    description: string;
    form: Partial<NameForm>;
    errors: string[];
  }
  const rows: Row[] = [
    { description: 'a new Arabic name is fine', form: {}, errors: [] },
    { description: 'empty name: required', form: { name: '   ' }, errors: ['name:required'] },
    { description: 'a Latin name: not Arabic', form: { name: 'Salhiyah' }, errors: ['name:notArabic'] },
    { description: 'one letter: too short', form: { name: 'ب' }, errors: ['name:tooShort'] },
    { description: 'over the limit: too long', form: { name: 'ص'.repeat(NAME_LIMITS.name + 1) }, errors: ['name:tooLong'] },
    { description: 'the bundle has the name: known, whose', form: { name: 'البوكمال' }, errors: ['name:known'] },
    { description: 'a strong spelling of a bundled name: known', form: { spellings: 'أبو كمال' }, errors: ['spellings:known'] },
    { description: 'a weak alias (an ordinary word too) may be the reader\'s name', form: { name: 'الشام' }, errors: [] },
    { description: 'a Latin spelling: not Arabic', form: { spellings: 'Salhiya' }, errors: ['spellings:notArabic'] },
    { description: 'too many spellings', form: { spellings: Array.from({ length: NAME_LIMITS.spellings + 1 }, (_, i) => `اسم${'ب'.repeat(i + 1)}`).join('\n') }, errors: ['spellings:tooMany'] },
    { description: 'an unknown parent', form: { parent: 'place:nowhere' }, errors: ['parent:noParent'] },
    { description: 'a group has no parent place', form: { kind: 'militia', parent: 'place:syria' }, errors: ['parent:noParent'] },
    { description: 'a long description', form: { description: 'x'.repeat(NAME_LIMITS.description + 1) }, errors: ['description:tooLong'] },
    { description: 'an outlet cannot be added', form: { kind: 'outlet' }, errors: ['kind:badKind'] },
  ];
  test.each(rows)('$description', ({ form: f, errors }) => {
    const result = validateNameForm(form(f), context());
    expect(result.ok ? [] : result.errors.map((e) => `${e.field}:${e.problem}`)).toEqual(errors);
  });

  test('a valid form makes an own entity with a new card id, its spellings and parent', () => {
    const result = validateNameForm(
      form({ nameEn: 'Salhiyah', spellings: 'صالحية\nالصالحية', parent: 'place:syria', description: ' بلدة ' }),
      context({ ids: new Set(['place:own-salhiyah']) }),
    );
    expect(result).toEqual({
      ok: true,
      entity: {
        id: 'place:own-salhiyah-2',
        kind: 'city',
        name: 'الصالحية',
        nameEn: 'Salhiyah',
        aliases: ['صالحية'],
        weakAliases: [],
        translit: ['Salhiyah'],
        parent: 'place:syria',
        description: 'بلدة',
        own: true,
      },
    });
  });

  test('editing keeps the id, and its own names are not "known"', () => {
    const mine: Entity = { id: 'place:own-x', kind: 'town', name: 'الصالحية', nameEn: '', aliases: [], weakAliases: [], translit: [], description: '', own: true };
    const ctx = context({ names: namesIndex([...bundled, mine]), ids: new Set(['place:own-x']), editing: 'place:own-x' });
    const result = validateNameForm({ ...formOf(mine), kind: 'village' }, ctx, mine);
    expect(result.ok && result.entity.id).toBe('place:own-x');
    expect(result.ok && result.entity.kind).toBe('village');
  });
});
