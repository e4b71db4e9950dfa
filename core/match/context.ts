/**
 * Context rules: how sure a mention through a weak name (one that is also an ordinary word or
 * another entity's name) is, from the words around it. Each cue is a row with its weight and an
 * example that test/core/context.test.ts checks.
 */
import { normaliseKey } from '../arabic/normalise.ts';
import type { Category } from '../types.ts';

/** Word lists are written as Arabic is spelled and compared normalised (ى → ي, ة → ه, إ → ا). */
function wordSet(...words: string[]): ReadonlySet<string> {
  return new Set(words.map(normaliseKey));
}

/** A mention through a weak name starts here, and counts from MIN_CONFIDENCE up. */
export const WEAK_BASE = 0.2;
/** Mentions below this are not shown (the CLI prints them with --all). */
export const MIN_CONFIDENCE = 0.5;
/** Mentions through a strong name. */
export const STRONG_CONFIDENCE = 1;

export interface Cue {
  description: string;
  example: string;
  /** Categories the cue speaks for. */
  for: readonly Category[];
  weight: number;
  /** How many words away the cue word may stand (1: right next to the name). */
  window: number;
  /** Words that fire the cue (a proclitic on them is allowed: بريف, ومراسل). */
  words: ReadonlySet<string>;
}

/** The word right before the name names what it is. */
export const TRIGGERS_BEFORE: readonly Cue[] = [
  {
    description: 'a word for a kind of place',
    example: 'منطقة القائمة → al-Qaim',
    for: ['place'],
    weight: 0.6,
    window: 1,
    words: wordSet(
      'مدينة', 'مدينتي', 'بلدة', 'قرية', 'قرى', 'حي', 'أحياء', 'منطقة', 'مناطق', 'قضاء', 'قضائي', 'محافظة',
      'منفذ', 'معبر', 'ناحية', 'ريف', 'وادي', 'سد', 'قاعدة', 'مطار', 'نهر', 'إقليم', 'مشارف', 'مداخل',
    ),
  },
  {
    description: 'a word for a kind of armed or political group',
    example: 'قوات التحالف → the coalition',
    for: ['group'],
    weight: 0.6,
    window: 1,
    words: wordSet(
      'قوات', 'فصائل', 'كتائب', 'تنظيم', 'جماعة', 'حركة', 'مقاتلي', 'مسلحي', 'عناصر', 'هيئة', 'ألوية',
      'سرايا', 'ميليشيا', 'ميليشيات', 'مليشيات', 'قيادة', 'إعلام', 'طائرات', 'دول',
    ),
  },
  {
    description: 'a word for a news outlet or its staff',
    example: 'مراسل الميادين → Al Mayadeen (channel)',
    for: ['outlet'],
    weight: 0.6,
    window: 1,
    words: wordSet(
      'قناة', 'مراسل', 'مراسلة', 'مراسلنا', 'شبكة', 'موقع', 'وكالة', 'تلفزيون', 'صحيفة',
    ),
  },
  {
    description: 'a reporting verb: an outlet is told or tells',
    example: 'افادت الميادين → Al Mayadeen (channel)',
    for: ['outlet'],
    weight: 0.4,
    window: 3,
    words: wordSet(
      'أفادت', 'أفاد', 'ذكرت', 'قالت', 'نقلت', 'أكدت', 'أعلنت', 'بثت', 'نشرت',
    ),
  },
  {
    description: 'a preposition or word of direction or conquest before a place',
    example: 'الى القائم → al-Qaim',
    for: ['place'],
    weight: 0.3,
    window: 1,
    words: wordSet(
      'في', 'إلى', 'نحو', 'صوب', 'باتجاه', 'اتجاه', 'من', 'عند', 'قرب', 'جنوب', 'شمال', 'شرق', 'غرب',
      'جنوبي', 'شمالي', 'شرقي', 'غربي', 'تحرير', 'استعادة', 'اقتحام', 'حصار', 'محيط', 'أطراف', 'داخل',
      'حدود', 'معقل', 'معاقل', 'على',
    ),
  },
];

/** The word right after the name. */
export const TRIGGERS_AFTER: readonly Cue[] = [
  {
    description: 'a coalition "led by"',
    example: 'التحالف بقيادة الولايات المتحدة → the US-led coalition',
    for: ['group'],
    weight: 0.6,
    window: 1,
    words: wordSet('بقيادة', 'الدولي', 'تقوده'),
  },
  {
    description: 'a place followed by its country as a nisba',
    example: 'القائم العراقية → al-Qaim',
    for: ['place'],
    weight: 0.4,
    window: 1,
    words: wordSet('العراقية', 'السورية', 'العراقي', 'السوري'),
  },
];

export interface Veto {
  description: string;
  example: string;
  words: ReadonlySet<string>;
}

/** Words after the name that rule the name out. */
export const VETO_AFTER: readonly Veto[] = [
  {
    description: "القائم بأعمال is a chargé d'affaires",
    example: 'القائم بأعمال السفارة → (none)',
    words: wordSet('بأعمال'),
  },
  {
    description: 'a quantifier after a plural: the name is a common noun',
    example: 'في الميادين كافة → (none)',
    words: wordSet('كافة', 'جميعها', 'كلها', 'المختلفة', 'الأخرى'),
  },
];

/** Words before the name that rule the name out. */
export const VETO_BEFORE: readonly Veto[] = [
  {
    description: 'a quantifier before a plural: the name is a common noun',
    example: 'في كافة الميادين → (none)',
    words: wordSet('كافة', 'جميع', 'مختلف', 'شتى', 'بعض', 'كل'),
  },
];

/**
 * Names (strong ones too) that are also a feminine nisba adjective: right after an indefinite
 * word ending in ة or ات they are the adjective, "Syrian", not the country.
 */
export const NISBA_HOMOGRAPHS: { description: string; example: string; names: ReadonlySet<string> } = {
  description: 'سورية after an indefinite feminine word is the adjective "Syrian"',
  example: 'عملية عسكرية سورية → (none); الحدودي مع سورية → Syria',
  names: wordSet('سورية'),
};

/** Words before a place name that make it part of an event's name, not a mention of the place. */
export const EVENT_BEFORE: Veto = {
  description: 'a place inside the name of a tournament, cup or prize',
  example: 'بطولة الولايات المتحدة المفتوحة → (none)',
  words: wordSet('بطولة', 'كأس', 'رالي', 'ماراثون', 'جائزة'),
};

/**
 * Weak names so common as words that only a trigger right before them (TRIGGERS_BEFORE at full
 * weight) makes them a name.
 */
export const NEEDS_TRIGGER: { description: string; example: string; names: ReadonlySet<string> } = {
  description: "القائمة is 'the list' except right after a word like منطقة",
  example: 'منطقة القائمة → al-Qaim; في القائمة → (none)',
  names: wordSet('القائمة'),
};

/** Other evidence around a weak mention. */
export const NEARBY = {
  /** A known place or group (or an accepted weak one) joined to it by و or a comma: "جباب والحصى". */
  coordinated: { weight: 0.4, example: 'جباب والحصى → al-Husa' },
  /** A known entity of the same category within this many words either side. */
  near: { weight: 0.2, words: 8, example: 'المحطة الثانية في ريف دير الزور → T2' },
  /** The same entity named elsewhere in the text (strongly, or weakly but accepted). */
  discourse: { weight: 0.3, example: 'الحشد الشعبي … بالحشد → PMF' },
  /** Its own proclitic is a preposition (ب, ل): "للقائم", "بالحشد". */
  preposition: { weight: 0.2, for: ['place', 'outlet'] as readonly Category[], example: 'المقابلة للقائم → al-Qaim' },
  /** Quotation marks around it, as news writes names. */
  quoted: { weight: 0.2, example: '“المحطة الثانية” → T2' },
  /**
   * A definite word right before it that is no trigger: the weak name is an adjective
   * ("الوضع القائم", "the existing situation").
   */
  adjectival: { weight: -0.5, example: 'الوضع القائم → (none)' },
} as const;
