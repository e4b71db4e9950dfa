/**
 * The matcher and detector on the cases the issue names, table by table. Each row: a sentence and
 * exactly the mentions (text as written, entity) expected at the default confidence threshold.
 */
import { describe, expect, test } from 'vitest';
import { compileMatcher, loadMatcher, type MatcherName, type SerializedMatcher } from '../../core/match/automaton.ts';
import { detect } from '../../core/match/detect.ts';
import { namesOf } from '../../core/corpus/build.ts';
import { ENTITIES, ENTITY_BY_ID, found, MATCHER, SERIALIZED } from './fixtures.ts';

type Row = [text: string, expected: [mention: string, entityId: string][]];

const TABLES: Record<string, Row[]> = {
  'proclitics و ف ب ل ك, alone and with ال': [
    ['اشتباكات عنيفة وبالبوكمال منذ الصباح', [['البوكمال', 'place:albukamal']]],
    ['وصل الجيش إلى البوكمال', [['البوكمال', 'place:albukamal']]],
    ['ودمشق وبغداد تنسقان', [['دمشق', 'place:damascus'], ['بغداد', 'place:baghdad']]],
    ['فبغداد ترفض ذلك', [['بغداد', 'place:baghdad']]],
    ['لا مكان لداعش ولا كداعش', [['داعش', 'group:isis'], ['داعش', 'group:isis']]],
    ['وصلت التعزيزات للقائم وراوة', [['للقائم', 'place:alqaim'], ['راوة', 'place:rawa']]],
    ['انطلقت عمليات تحرير القائم وراوة', [['القائم', 'place:alqaim'], ['راوة', 'place:rawa']]],
    ['تتحرك الفصائل نحو الأنبار ولتحرير القائم', [['الأنبار', 'place:anbar'], ['القائم', 'place:alqaim']]],
    ['والأنبار وللأنبار وبالأنبار', [['الأنبار', 'place:anbar'], ['للأنبار', 'place:anbar'], ['الأنبار', 'place:anbar']]],
    ['فالعراق وكالعراق', [['العراق', 'place:iraq'], ['العراق', 'place:iraq']]],
    ['ودير الزور وبدير الزور', [['دير الزور', 'place:deir-ezzor'], ['دير الزور', 'place:deir-ezzor']]],
    ['وبحزب الله', [['حزب الله', 'group:hezbollah']]],
  ],
  'names with diacritics, tatweel, controls and spaces of other kinds inside': [
    ['في البُوكَمَال', [['البُوكَمَال', 'place:albukamal']]],
    ['حزب اللـــه', [['حزب اللـــه', 'group:hezbollah']]],
    ['في البو\u200Cكمال', [['البو\u200Cكمال', 'place:albukamal']]],
    ['في دير\u00A0الزور', [['دير\u00A0الزور', 'place:deir-ezzor']]],
    ['في دير  الزور', [['دير  الزور', 'place:deir-ezzor']]],
    ['في ديرالزور', [['ديرالزور', 'place:deir-ezzor']]],
    ['في أبو كمال والبو كمال', [['أبو كمال', 'place:albukamal'], ['البو كمال', 'place:albukamal']]],
    ['ضمن محطة تي ٢ النفطية', [['محطة تي ٢', 'place:t2']]],
    ['قرب محطة T2', [['محطة T2', 'place:t2']]],
    ['قرب محطة t2', [['محطة t2', 'place:t2']]],
  ],
  'quotes, brackets, underscores and hashes inside a name': [
    ['مقاتلو كتائب «حزب اللـه العراق» في المعركة', [['كتائب «حزب اللـه العراق', 'group:kataib-hezbollah']]],
    ['هاجم مقاتلو سرايا “الجهاد” المواقع', [['سرايا “الجهاد', 'group:saraya-al-jihad']]],
    ['تداول الناشطون وسم #الجيش_السوري', [['الجيش_السوري', 'group:saa']]],
    ['بيان (الجيش السوري) اليوم', [['الجيش السوري', 'group:saa']]],
    ['قال «حزب» «الله»', [['حزب» «الله', 'group:hezbollah']]],
  ],
  'the longest name wins': [
    ['أعلنت كتائب حزب الله العراق', [['كتائب حزب الله العراق', 'group:kataib-hezbollah']]],
    ['أعلنت كتائب حزب الله', [['كتائب حزب الله', 'group:kataib-hezbollah']]],
    ['أعلن حزب الله اللبناني', [['حزب الله', 'group:hezbollah']]],
    ['سيطر على حويجة صكر', [['حويجة صكر', 'place:huwijat-saqr']]],
    ['سيطر على حويجة صقر', [['حويجة صقر', 'place:huwijat-saqr']]],
    ['سيطر على الحويجة', [['الحويجة', 'place:hawija']]],
    ['بيان الجيش العربي السوري', [['الجيش العربي السوري', 'group:saa']]],
    ['في مدينة القائم', [['مدينة القائم', 'place:alqaim']]],
    ['قوات التحالف الدولي', [['التحالف الدولي', 'group:coalition']]],
  ],
  'a nisba is not the country': [
    ['أحرز الجيش السوري تقدماً', [['الجيش السوري', 'group:saa']]],
    ['على الحدود السورية', []],
    ['تقدم القوات العراقية', []],
    ['الحدود السورية-العراقية', []],
    ['الشعب السوري والعراقي', []],
    ['مقاتل سوري', []],
    ['في سوريا وسورية والعراق', [['سوريا', 'place:syria'], ['سورية', 'place:syria'], ['العراق', 'place:iraq']]],
  ],
  'no name across sentence punctuation or a line break': [
    ['قال حزب. الله أكبر', []],
    ['من دير، الزور', []],
    ['أعلنت كتائب حزب الله. العراق', [['كتائب حزب الله', 'group:kataib-hezbollah'], ['العراق', 'place:iraq']]],
    ['البو: كمال', []],
    ['حزب الله؟ نعم', [['حزب الله', 'group:hezbollah']]],
  ],
  'a line break inside a name (a wrapped line, a <br>) does not end it': [
    ['حويجة\nصكر', [['حويجة\nصكر', 'place:huwijat-saqr']]],
    ['حويجة\r\nصكر', [['حويجة\r\nصكر', 'place:huwijat-saqr']]],
    ['أعلنت كتائب حزب\nالله العراق', [['كتائب حزب\nالله العراق', 'group:kataib-hezbollah']]],
  ],
  'a name stops at a word boundary': [
    ['البوكمالي', []],
    ['دمشقية', []],
    ['بغدادي', []],
    ['العراقيين', []],
    ['نحو دير الزورية', []],
    ['دير الزورhttps://example.com', [['دير الزور', 'place:deir-ezzor']]],
  ],
  'القائم: the town, the chargé d’affaires, the existing, the goalpost': [
    ['عمليات تحرير القائم في غرب الأنبار', [['القائم', 'place:alqaim'], ['الأنبار', 'place:anbar']]],
    ['وصلت القوات إلى القائم قرب الحدود مع سوريا', [['القائم', 'place:alqaim'], ['سوريا', 'place:syria']]],
    ['لا يمكن الفصل بين القائم العراقية والبوكمال السورية', [['القائم', 'place:alqaim'], ['البوكمال', 'place:albukamal']]],
    ['منطقة القائمة', [['القائمة', 'place:alqaim']]],
    ['والسيد سايتو القائم بأعمال السفارة اليابانية', []],
    ['إن الوضع القائم الحالي لا يمكن أن يستمر', []],
    ['في ظل النظام الرأسمالي القائم', []],
    ['التوتر القائم بين البيت الأبيض والمحكمة', []],
    ['الكيان القائم على التمييز', []],
    ['ولكن الكرة اصطدمت بالقائم', []],
    ['وضعت القائمة النهائية للمرشحين', []],
  ],
  'الميادين: the city, the channel, the fields': [
    ['في مدينة الميادين', [['مدينة الميادين', 'place:mayadin']]],
    ['من محيط مدينة الميادين الجنوبي', [['مدينة الميادين', 'place:mayadin']]],
    ['قناة الميادين', [['قناة الميادين', 'outlet:almayadeen']]],
    ['وبحسب مراسل الميادين فقد وصلوا', [['الميادين', 'outlet:almayadeen']]],
    ['أفادت الميادين بأن العمليات بدأت', [['الميادين', 'outlet:almayadeen']]],
    ['وتعزيز الكفاح المشترك في كافة الميادين', []],
    ['وسبل تطويرها في الميادين كافة', []],
  ],
  'الحصى, الوعر, ربيعة, صلاح الدين: places and ordinary words': [
    ['الفارين من مناطق جباب والحصى المحررة', [['جباب', 'place:jubab'], ['الحصى', 'place:husa']]],
    ['في قرية الحصى', [['قرية الحصى', 'place:husa']]],
    ['جمع الأطفال الحصى من الشاطئ', []],
    ['رمى الحصى', []],
    ['في سد الوعر', [['سد الوعر', 'place:waar-dam']]],
    ['في حي الوعر بحمص', [['حمص', 'place:homs']]],
    ['سلك الطريق الوعر', []],
    ['السيطرة على منفذ ربيعة الحدودي', [['ربيعة', 'place:rabia']]],
    ['السيطرة على معبر ربيعة', [['معبر ربيعة', 'place:rabia']]],
    ['قال ربيعة إن الأمر انتهى', []],
    ['الحدود مع محافظة صلاح الدين', [['محافظة صلاح الدين', 'place:salahuddin']]],
    ['وقعت اشتباكات في صلاح الدين شمال بغداد', [['صلاح الدين', 'place:salahuddin'], ['بغداد', 'place:baghdad']]],
    ['حرر صلاح الدين الأيوبي القدس', []],
  ],
  'المحطة الثانية, التحالف, الحشد: names and ordinary phrases': [
    ['ضيق الخناق على «المحطة الثانية» في ريف دير الزور', [['المحطة الثانية', 'place:t2'], ['دير الزور', 'place:deir-ezzor']]],
    ['كانت المحطة الثانية من جولته الأوروبية', []],
    ['قصفت قوات التحالف مواقع التنظيم', [['التحالف', 'group:coalition']]],
    ['التحالف بقيادة واشنطن', [['التحالف', 'group:coalition'], ['واشنطن', 'place:us']]],
    ['أعلن الحزبان التحالف بينهما', []],
    ['التحالف بين الحزبين قديم', []],
    ['وأعلنت فصائل الحشد الشعبي', [['الحشد الشعبي', 'group:pmf']]],
    ['معنويات الحشد الشعبي عالية. وقامت قوات الحشد بتأمين الطريق', [['الحشد الشعبي', 'group:pmf'], ['الحشد', 'group:pmf']]],
    ['الجيش العراقي والحشد الشعبي. انتصارات الجيش العراقي والحشد', [
      ['الجيش العراقي', 'group:iraqi-army'], ['الحشد الشعبي', 'group:pmf'],
      ['الجيش العراقي', 'group:iraqi-army'], ['الحشد', 'group:pmf'],
    ]],
    ['لمراقبة الحشد أثناء تحركه', []],
    ['الحشد الجماهيري في الساحة', []],
    ['قال سعد إن الأمر انتهى', []],
  ],
};

for (const [table, rows] of Object.entries(TABLES)) {
  describe(table, () => {
    test.each(rows)('%s', (text, expected) => {
      expect(found(text)).toEqual(expected);
    });
  });
}

describe('every mention is a slice of the input', () => {
  const all = Object.values(TABLES).flat();
  test.each(all.map(([text]) => [text]))('%s', (text) => {
    for (const m of detect(MATCHER, text, { minConfidence: 0 })) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(text.length);
      expect(m.start).toBeLessThan(m.end);
      expect(m.text).toBe(text.slice(m.start, m.end));
      expect(ENTITY_BY_ID.has(m.entityId)).toBe(true);
      expect(m.confidence).toBeGreaterThan(0);
      expect(m.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('serialisation', () => {
  const allTexts = Object.values(TABLES).flat().map(([text]) => text).join('\n');

  test('the serialized matcher is plain JSON data: a round trip gives equal data', () => {
    const copy = JSON.parse(JSON.stringify(SERIALIZED)) as SerializedMatcher;
    expect(copy).toEqual(SERIALIZED);
  });

  test('a matcher loaded from the JSON round trip finds exactly the same mentions', () => {
    const copy = loadMatcher(JSON.parse(JSON.stringify(SERIALIZED)) as SerializedMatcher);
    expect(detect(copy, allTexts, { minConfidence: 0 })).toEqual(detect(MATCHER, allTexts, { minConfidence: 0 }));
    expect(copy.scan(allTexts)).toEqual(MATCHER.scan(allTexts));
    expect(copy.stateCount).toBe(MATCHER.stateCount);
  });

  test('compileMatcher is deterministic', () => {
    const byId = new Map(ENTITIES.map((e) => [e.id, e]));
    const names: MatcherName[] = namesOf(ENTITIES).map((n) => {
      const { kind, country } = byId.get(n.entityId)!;
      return { key: n.key, entityId: n.entityId, kind, weak: n.weak, ...(country ? { country } : {}) };
    });
    expect(JSON.stringify(compileMatcher(names))).toBe(JSON.stringify(compileMatcher(names)));
    // matcherFor adds the blocking names (patterns with no target) after the gazetteer's own.
    expect(compileMatcher(names)).toEqual({ ...SERIALIZED, patterns: SERIALIZED.patterns.filter((p) => p[2].length > 0) });
  });

  test('an unknown format is refused', () => {
    expect(() => loadMatcher({ ...SERIALIZED, format: 2 } as unknown as SerializedMatcher)).toThrow(/format/);
  });

  test('an empty gazetteer finds nothing', () => {
    const empty = loadMatcher(compileMatcher([]));
    expect(empty.scan(allTexts)).toEqual([]);
    expect(detect(empty, allTexts)).toEqual([]);
  });
});

describe('where a name ends: the unit after its core, diacritics aside', () => {
  const names: MatcherName[] = [
    { key: 'بب', entityId: 'x:doubled', kind: 'city', weak: false },
    { key: 'حلب', entityId: 'place:aleppo', kind: 'city', weak: false },
    { key: 'محطه t2', entityId: 'place:t2', kind: 'city', weak: false },
  ];
  const data = compileMatcher(names);
  const dense = loadMatcher(data, { dense: true });
  const sparse = loadMatcher(data, { dense: false });
  const cases: [text: string, expected: [start: number, end: number, proclitic: string][]][] = [
    // The automaton stays in the same state on the third ب: the name still ends there.
    ['ببب', [[1, 3, 'ب']]],
    ['ببب بب', [[1, 3, 'ب'], [4, 6, '']]],
    ['بببب', []],
    // Diacritics after the last letter are part of the name, up to the boundary or the text's end.
    ['في حلبَ، وحلبُ', [[3, 7, ''], [10, 14, 'و']]],
    ['حلبxyz', [[0, 3, '']]],
    ['حلبي', []],
    // A Latin name glued to an Arabic word ends where the script changes, as an Arabic one does.
    ['محطة T2 ومحطة T2ب', [[0, 7, ''], [9, 16, 'و']]],
    ['محطة T2x', []],
  ];
  test.each(cases)('%s', (text, expected) => {
    for (const matcher of [dense, sparse]) {
      expect(matcher.scan(text).map((m) => [m.start, m.end, m.proclitic])).toEqual(expected);
    }
  });
});
