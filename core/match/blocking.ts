/**
 * Blocking names: longer names that hold a known name but name something else (an outlet named
 * after a city, a continent named after a country). They are compiled into the matcher like any
 * name, so they win the longest-match over the name inside them, and then map to no entity: the
 * words are shown as nothing. Each row names a class with examples that test/core/blocking.test.ts
 * runs through detect.
 */
import { normaliseKey } from '../arabic/normalise.ts';

export interface BlockingRow {
  description: string;
  /** `text → (none)`, separated by '; ': two at least. */
  example: string;
  names: readonly string[];
  /**
   * One sense per text: shorter names that, in a text holding one of this row's names, are taken in
   * the row's sense and show nothing either ("أمريكا" beside "أمريكا اللاتينية" is the continent).
   */
  senseOf?: readonly string[];
  /** `text → (none)` examples of that, separated by '; ': two at least when senseOf is given. */
  senseExample?: string;
}

export const BLOCKING_NAMES: readonly BlockingRow[] = [
  {
    description: 'an outlet whose name holds a place',
    // Not "بغداد اليوم" or "دمشق الآن": those are as often "Baghdad today", a mention of the city.
    example: 'نشرت صحيفة واشنطن بوست تقريرا → (none); وذكر موقع سوريا مباشر → (none); بث تلفزيون سوريا تقريرا → (none)',
    names: [
      'واشنطن بوست', 'واشنطن تايمز', 'سوريا مباشر', 'دير الزور 24', 'الرقة تذبح بصمت', 'صوت أمريكا',
      'صوت أميركا', 'إذاعة دمشق', 'تلفزيون سوريا',
    ],
  },
  {
    description: 'a continent or region named after a country',
    example: 'دول أمريكا اللاتينية → (none); في أميركا الشمالية → (none); بلدان أمريكا الجنوبية → (none)',
    names: [
      'أمريكا اللاتينية', 'أميركا اللاتينية', 'أمريكا الشمالية', 'أميركا الشمالية', 'أمريكا الجنوبية',
      'أميركا الجنوبية', 'أمريكا الوسطى', 'أميركا الوسطى', 'الأنجلو أمريكا', 'الأنجلو أميركا',
    ],
    senseOf: ['أمريكا', 'أميركا'],
    senseExample:
      'من أمريكا اللاتينية إلى دول في أمريكا → (none); تقع بين قارة أميركا الشمالية وأميركا الجنوبية، وتعد أميركا موطنا لشعوب عدة → (none)',
  },
  {
    description: 'an institution, university or square named after a city',
    example: 'قال باحث في معهد واشنطن → (none); تخرج في جامعة دمشق → (none); شهدت حديقة واشنطن سكوير مسيرة → (none)',
    names: [
      'معهد واشنطن', 'جامعة واشنطن', 'واشنطن سكوير', 'جامعة دمشق', 'جامعة بغداد', 'جامعة الموصل', 'جامعة الفرات',
      'جامعة بيروت', 'جامعة الأنبار',
    ],
  },
];

/**
 * Normalised blocking name → the normalised shorter names it gives its sense to in the same text
 * (the rows' senseOf).
 */
export const SENSE_SETTING: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  BLOCKING_NAMES.flatMap((row) => {
    const senseOf = row.senseOf;
    if (!senseOf) return [];
    const shorter = new Set(senseOf.map(normaliseKey));
    return row.names.map((name) => [normaliseKey(name), shorter] as const);
  }),
);

/** Every blocking name, as written. */
export const BLOCKING: readonly string[] = BLOCKING_NAMES.flatMap((row) => row.names);
