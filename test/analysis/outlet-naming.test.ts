/**
 * How outlets name an entity (core/analysis/outlet-naming.ts), table by table: a mention's text as
 * a name, the names and stance words per outlet from small articles, the timeline, the merge of two
 * sets of profiles, and the real corpus's build.
 */
import { describe, expect, test } from 'vitest';
import {
  mergeOutletProfiles,
  nameAsWritten,
  outletProfiles,
  recurringStance,
  type EntityProfile,
  type ProfileArticle,
} from '../../core/analysis/outlet-naming.ts';
import { normaliseKey } from '../../core/arabic/normalise.ts';
import type { Mention } from '../../core/types.ts';
import { buildBundle } from '../../core/corpus/build.ts';
import { readCorpus } from '../../scripts/corpus-files.ts';

describe('a mention as a name', () => {
  const known = new Set(['البوكمال', 'بغداد', 'الجيش العربي السوري', 'تنظيم داعش', 'الجيش السوري'].map(normaliseKey));
  test.each([
    // mention text, the entity's names known?, shown as
    ['للبوكمال', true, 'البوكمال'],
    ['للبوكمال', false, 'البوكمال'],
    ['وبالبوكمال', true, 'البوكمال'],
    ['وبالبوكمال', false, 'البوكمال'],
    ['للجيش العربي السوري', true, 'الجيش العربي السوري'],
    ['وبغداد', true, 'بغداد'],
    ['بغداد', true, 'بغداد'],
    ['وبغداد', false, 'وبغداد'],
    ['تنظيم “داعش', true, 'تنظيم داعش'],
    ['#الجيش_السوري', true, 'الجيش السوري'],
    ['الجيشِ السوريّ', true, 'الجيشِ السوريّ'],
    ['ولِلبوكمال', true, 'البوكمال'],
  ] as const)('%s (names known: %s) → %s', (mention, withNames, shown) => {
    const name = nameAsWritten(mention, withNames ? known : undefined);
    expect(name?.text).toBe(shown);
    expect(name?.key).toBe(normaliseKey(shown));
  });
});

/** Mentions of `entityId` at every occurrence of each phrase in `text`. */
function mentionsIn(text: string, phrases: Record<string, string>): Mention[] {
  const out: Mention[] = [];
  for (const [phrase, entityId] of Object.entries(phrases)) {
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) {
      out.push({ start: at, end: at + phrase.length, text: phrase, entityId, confidence: 1 });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function profilesOf(articles: (ProfileArticle & { phrases: Record<string, string> })[]): EntityProfile[] {
  return outletProfiles(articles, new Map(articles.map((a) => [a.id, mentionsIn(a.text, a.phrases)])));
}

const ISIS = 'group:isis';
const ARMY = 'group:syrian-army';

describe('names and stance words per outlet', () => {
  const profiles = profilesOf([
    {
      id: 'a', outlet: 'الوطن', outletEn: 'Al-Watan', date: '2017-10-26', dateEstimated: true,
      text: 'هاجم تنظيم داعش الإرهابي مواقع الجيش. وقصف داعش الإرهابي القرى. ثم انسحب داعش.',
      phrases: { 'تنظيم داعش': ISIS, 'داعش ': ISIS },
    },
    {
      id: 'b', outlet: 'رويترز', outletEn: 'Reuters', date: '2017-10-27', dateEstimated: false,
      text: 'قال مسؤول إن الدولة الإسلامية خسرت البلدة. وتراجع مقاتلو الدولة الإسلامية نحو الحدود.',
      phrases: { 'الدولة الإسلامية': ISIS },
    },
  ]);
  const isis = profiles.find((p) => p.entityId === ISIS)!;

  test('each outlet with the names it writes, most written first, and how often', () => {
    expect(isis.outlets.map((o) => [o.outlet, o.outletEn, o.articles, o.mentions])).toEqual([
      ['الوطن', 'Al-Watan', 1, 3],
      ['رويترز', 'Reuters', 1, 2],
    ]);
    expect(isis.outlets[0]!.names.map((n) => [n.text, n.count])).toEqual([
      ['داعش', 2],
      ['تنظيم داعش', 1],
    ]);
    expect(isis.outlets[1]!.names.map((n) => [n.text, n.count])).toEqual([['الدولة الإسلامية', 2]]);
  });

  test('a stance word written twice next to the outlet\'s mentions recurs; none for the outlet that writes none', () => {
    expect(recurringStance(isis.outlets[0]!).map((s) => [s.text, s.stance, s.count])).toEqual([['الإرهابي', 'terror', 2]]);
    expect(isis.outlets[1]!.stance).toEqual([]);
  });

  test('the timeline: one day per date, oldest first, estimated dates counted', () => {
    expect(isis.timeline).toEqual([
      { date: '2017-10-26', articles: 1, mentions: 3, estimated: 1 },
      { date: '2017-10-27', articles: 1, mentions: 2, estimated: 0 },
    ]);
  });
});

describe('the window around a mention', () => {
  const one = (text: string, phrases: Record<string, string>) =>
    profilesOf([{ id: 'x', outlet: 'س', text, phrases }]).find((p) => p.entityId === ISIS)!.outlets[0]!.stance.map((s) => [s.text, s.count]);
  test.each([
    ['three words after it count', 'داعش في ريف المحررة. داعش في ريف المحررة.', [['المحررة', 2]]],
    ['a fourth word does not', 'داعش في ريف دير المحررة. داعش في ريف دير المحررة.', []],
    ['three words before it count', 'المحررة في ريف داعش. المحررة في ريف داعش.', [['المحررة', 2]]],
    ['not across sentence punctuation', 'داعش. الإرهابي داعش، الإرهابي', [['الإرهابي', 1]]],
    ['not past another mention', 'داعش الجيش الإرهابي. داعش الجيش الإرهابي.', []],
    ['a word between two mentions counts once', 'داعش الإرهابي داعش', [['الإرهابي', 1]]],
    ['a proclitic is taken off the word', 'داعش والإرهابيين. داعش وللمرتزقة.', [['الإرهابيين', 1], ['المرتزقة', 1]]],
  ] as const)('%s', (_, text, expected) => {
    expect(one(text, { 'داعش': ISIS, 'الجيش': ARMY })).toEqual(expected);
  });
});

describe('merging two sets of profiles (the bundle and the library)', () => {
  const bundle = profilesOf([
    { id: 'a', outlet: 'الوطن', date: '2017-10-26', text: 'داعش الإرهابي هاجم.', phrases: { 'داعش': ISIS } },
  ]);
  const library = profilesOf([
    { id: 'l1', outlet: 'الوطن', date: '2017-10-26', text: 'تنظيم داعش الارهابي هاجم.', phrases: { 'تنظيم داعش': ISIS } },
    { id: 'l2', outlet: 'بي بي سي', outletEn: 'BBC', date: '2024-01-02', dateEstimated: true, text: 'قال داعش إنه.', phrases: { 'داعش': ISIS } },
    { id: 'l3', outlet: 'بي بي سي', text: 'الجيش السوري تقدم.', phrases: { 'الجيش السوري': ARMY } },
  ]);
  const merged = mergeOutletProfiles(bundle, library);

  test('every entity of either side; counts added per outlet, name and day', () => {
    expect(merged.map((p) => p.entityId)).toEqual([ISIS, ARMY]);
    const isis = merged.find((p) => p.entityId === ISIS)!;
    expect(isis.outlets.map((o) => [o.outlet, o.articles, o.mentions])).toEqual([
      ['الوطن', 2, 2],
      ['بي بي سي', 1, 1],
    ]);
    expect(isis.outlets[0]!.names.map((n) => [n.text, n.count])).toEqual([
      ['تنظيم داعش', 1],
      ['داعش', 1],
    ]);
    expect(isis.timeline).toEqual([
      { date: '2017-10-26', articles: 2, mentions: 2, estimated: 0 },
      { date: '2024-01-02', articles: 1, mentions: 1, estimated: 1 },
    ]);
  });

  test('a stance word written once on each side recurs once merged', () => {
    const watan = (ps: EntityProfile[]) => ps.find((p) => p.entityId === ISIS)!.outlets.find((o) => o.outlet === 'الوطن')!;
    expect(recurringStance(watan(bundle))).toEqual([]);
    expect(recurringStance(watan(library))).toEqual([]);
    expect(recurringStance(watan(merged)).map((s) => [s.key, s.count])).toEqual([[normaliseKey('الإرهابي'), 2]]);
  });

  test('merging with nothing changes nothing', () => {
    expect(mergeOutletProfiles(bundle, [])).toEqual(bundle);
    expect(mergeOutletProfiles([], library)).toEqual(library);
  });
});

describe('the real corpus', () => {
  const bundle = buildBundle(readCorpus());
  const isis = bundle.profiles?.find((p) => p.entityId === 'group:isis');

  test('ISIS: Reuters writes الدولة الإسلامية, which no other outlet does; Alwaght calls it terrorist again and again', () => {
    const reuters = isis?.outlets.find((o) => o.outletEn === 'Reuters');
    expect(reuters?.names.map((n) => n.text)).toContain('الدولة الإسلامية');
    const others = isis!.outlets.filter((o) => o !== reuters).flatMap((o) => o.names.map((n) => n.key));
    expect(others).not.toContain(normaliseKey('الدولة الإسلامية'));
    const alwaght = isis?.outlets.find((o) => o.outletEn === 'Alwaght');
    expect(recurringStance(alwaght!).map((s) => s.stance)).toContain('terror');
  });

  test('the Syrian army: Al-Watan writes الجيش العربي السوري (للجيش … counted as it), the others الجيش السوري', () => {
    const army = bundle.profiles!.find((p) => p.entityId === 'group:syrian-army')!;
    const watan = army.outlets.find((o) => o.outlet === 'الوطن')!;
    expect(watan.names).toEqual([{ key: normaliseKey('الجيش العربي السوري'), text: 'الجيش العربي السوري', count: 2 }]);
    expect(army.outlets.find((o) => o.outletEn === 'Al Mayadeen')!.names[0]!.text).toBe('الجيش السوري');
  });

  test('one profile per mentioned entity, and its timeline spans the corpus\'s dates', () => {
    const mentioned = new Set(bundle.articleMentions.flatMap((a) => a.mentions.map((m) => m.entityId)));
    expect(new Set(bundle.profiles!.map((p) => p.entityId))).toEqual(mentioned);
    expect(isis!.timeline.map((d) => d.date)).toEqual(['2017-10-25', '2017-10-26', '2017-10-27', '2017-10-28']);
    expect(isis!.timeline.find((d) => d.date === '2017-10-26')).toMatchObject({ articles: 2, estimated: 1 });
  });
});

describe('any text, any mentions', () => {
  test('never throws; per entity the outlets\' mentions and the days\' mentions add up to its mentions', async () => {
    const fc = (await import('fast-check')).default;
    const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى ،.«»_#\u064e\n';
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 120 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(8), fc.nat(2)), { maxLength: 12 }),
        (texts, spans) => {
          const articles = texts.map((text, i) => ({ id: `a${i}`, outlet: i % 2 ? 'س' : 'ص', date: `2017-10-2${i}`, text }));
          const mentions = new Map<string, Mention[]>();
          spans.forEach(([at, len, entity], i) => {
            const a = articles[i % articles.length]!;
            const start = at % a.text.length;
            const end = Math.min(a.text.length, start + 1 + len);
            const list = mentions.get(a.id) ?? [];
            list.push({ start, end, text: a.text.slice(start, end), entityId: `e${entity}`, confidence: 1 });
            mentions.set(a.id, list);
          });
          for (const list of mentions.values()) list.sort((x, y) => x.start - y.start);
          const profiles = outletProfiles(articles, mentions);
          for (const p of profiles) {
            const total = [...mentions.values()].flat().filter((m) => m.entityId === p.entityId).length;
            expect(p.outlets.reduce((n, o) => n + o.mentions, 0)).toBe(total);
            expect(p.timeline.reduce((n, d) => n + d.mentions, 0)).toBe(total);
          }
          expect(mergeOutletProfiles(profiles, profiles).every((p) => p.outlets.every((o) => o.mentions % 2 === 0))).toBe(true);
        },
      ),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 300) },
    );
  });
});
