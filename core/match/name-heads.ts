/**
 * Round 7: a place name inside the proper name of something else, and a name used as a word.
 *
 * NAME_HEADS: a noun that begins the name of a thing ("نهر ديالى", a river; "مشفى الفرات", a
 * hospital) rules out the places of the kinds it cannot be. A facility named after the city it
 * stands in is labelled a mention of the city (مطار دير الزور، مشفى دير الزور الوطني، ملعب الرقة
 * البلدي): only the heads that cannot stand in a place of that kind rule it out. A quoted name
 * after a list head ('مشفيا "دير الزور الوطني" و"الفرات"') belongs to that head too.
 *
 * WORD_ITSELF_BEFORE: a name after a word about words ("تعريف الرقة", "معنى الرقة") or in "ما هو
 * X" (masculine: a city is feminine) is the ordinary word, not the place.
 */
import { wordAfter, Words } from '../arabic/tokenise.ts';
import { normaliseKey } from '../arabic/normalise.ts';
import type { EntityKind } from '../types.ts';

function wordSet(...words: string[]): ReadonlySet<string> {
  return new Set(words.map(normaliseKey));
}

export interface NameHead {
  description: string;
  /** Examples separated by '; ' (input → the nameEn of every mention shown, or (none)). */
  example: string;
  /** The head nouns (a proclitic on them allowed: "ونهر"). */
  words: ReadonlySet<string>;
  /** The place kinds this head rules out ('*': every place kind not in `keeps`). */
  rulesOut: ReadonlySet<EntityKind> | '*';
  /** Kinds it keeps when `rulesOut` is '*': "نهر الفرات" is the river itself. */
  keeps?: ReadonlySet<EntityKind>;
}

export const NAME_HEADS: readonly NameHead[] = [
  {
    description: 'a river named after a place (a governorate, a city) is not the place; a river is the river',
    example:
      'وتعتبر الأنهار الرئيسية مثل نهر الأنبار ونهر الزاب مصدرا للمياه → (none); ' +
      'يمر نهر الرقة في وسط البلدة → (none); على ضفاف نهر الفرات قرب الرقة → Euphrates, Raqqa',
    words: wordSet('نهر', 'نهري', 'أنهار'),
    rulesOut: '*',
    keeps: new Set<EntityKind>(['river']),
  },
  {
    description:
      'a lake, mountain, sea or gulf named after a town or city is not it (the gazetteer lists none); ' +
      'one named after a country lies in it (جبل لبنان، جبال لبنان الغربية: tagged LOC in ANERcorp)',
    example:
      'تقع بحيرة حمص جنوب غرب المدينة → (none); صعد المتسلقون جبل الموصل → (none); ' +
      'لجأ الآلاف إلى جبال العراق الشمالية → Iraq; وصل الوفد إلى حمص → Homs',
    words: wordSet('بحيرة', 'بحيرات', 'جبل', 'جبال', 'هضبة', 'بحر', 'خليج'),
    rulesOut: '*',
    keeps: new Set<EntityKind>(['country']),
  },
  {
    description:
      'a hospital, school, university, mosque, hotel, bank or company named after a river, a valley or a dam ' +
      '(it stands near it, it is not it); named after its city, it is a mention of the city',
    example:
      'يستقبل مشفى الفرات المرضى يوميا → (none); تخرج من جامعة الفرات قبل عامين → (none); ' +
      'يبرز مشفيا "دير الزور الوطني" و"الفرات" كمرفقين أساسيين → Deir ez-Zor; ' +
      'نقل المصاب إلى مشفى الرقة الوطني → Raqqa',
    words: wordSet(
      'مشفى', 'مشفيا', 'مشفيي', 'مستشفى', 'مستشفيا', 'مستشفيي', 'جامعة', 'جامعتي', 'كلية', 'مدرسة', 'معهد',
      'جامع', 'مسجد', 'فندق', 'مطعم', 'مقهى',
      // Round 8: the plurals that open a list ("جامعات الفرات ودمشق"), and centres, foundations,
      // societies, libraries, publishers, plants and halls, named as institutions are.
      'جامعات', 'مشافي', 'مستشفيات', 'مدارس', 'معاهد', 'كليات', 'مساجد', 'فنادق', 'مركز', 'مراكز', 'مؤسسة',
      'مؤسسات', 'جمعية', 'جمعيات', 'منظمة', 'مكتبة', 'مطبعة', 'دار', 'مجمع', 'مصنع', 'معمل', 'صالة', 'مسرح',
      'سينما', 'مطحنة', 'مطاحن', 'صوامع', 'صومعة',
    ),
    rulesOut: new Set<EntityKind>(['river', 'valley', 'dam']),
  },
  {
    // Round 8: the place-kind word before a name says what kind of place it is. A same-name place of
    // another kind is another place: Quneitra's village al-Hamidiyah is not Deir ez-Zor's
    // neighbourhood. A head of its own kind (or one news uses loosely for it: بلدة for a city) keeps it.
    description: 'a village or farm named like a place of another kind (a city, a neighbourhood) is another place',
    example:
      'بينما تمتد قرية "الحميدية" على مساحة 167 هكتارا → (none); زار الوفد قرية القائم في ريف حمص → Homs; ' +
      'في قرية جباب غربي الأنبار → Jubab, Anbar',
    words: wordSet('قرية', 'قريتي', 'ضيعة', 'مزرعة', 'عزبة'),
    rulesOut: '*',
    keeps: new Set<EntityKind>(['village', 'town']),
  },
  {
    // News says بلدة of cities and of a city's neighbourhoods once villages ("بلدة الكنامات", Deir ez-Zor).
    description: 'a town named like a governorate, a river or a facility is another place (بلدة is said loosely of other settlements)',
    example:
      'في بلدة الفرات جنوب المدينة → (none); وصلت القوات إلى بلدة البوكمال → al-Bukamal; ' +
      'في بلدة الحويجة جنوب غرب كركوك → Hawija',
    words: wordSet('بلدة', 'بلدتي'),
    rulesOut: '*',
    keeps: new Set<EntityKind>(['village', 'town', 'city', 'district', 'neighbourhood']),
  },
  {
    // A governorate is kept: news calls a governorate's chief city by its name ("مدينة نينوى").
    description: 'a city named like a neighbourhood, a village or a river is another place',
    example:
      'تقع مدينة الحميدية شمالي تركيا → (none); دخلت القوات مدينة راوة → Rawa; ' +
      'فرضت السلطات حظر التجوال في مدينة البوكمال → al-Bukamal',
    words: wordSet('مدينة', 'مدينتي'),
    rulesOut: '*',
    keeps: new Set<EntityKind>(['city', 'town', 'district', 'governorate']),
  },
  {
    description: 'a sub-district (ناحية) or district (قضاء) named like a neighbourhood or a river is another place',
    example:
      'ناحية الحميدية التابعة لمحافظة طرطوس → (none); وصلت القوات إلى قضاء الحويجة → Hawija; ' +
      'ناحية راوة غربي الأنبار → Rawa, Anbar',
    words: wordSet('ناحية', 'قضاء', 'قضائي'),
    rulesOut: '*',
    keeps: new Set<EntityKind>(['village', 'town', 'city', 'district']),
  },
  {
    description:
      'a company or bank named after a place or river is not the place: it is named, not located (a country\'s ' +
      'central bank is left to the country)',
    example:
      'أعلن بنك بغداد أرباحه السنوية → (none); وهي جزء من شركة واشنطن بوست → (none); تأسست شركة الفرات للنقل → (none); ' +
      'قال مصرف سوريا المركزي إن الليرة استقرت → Syria; افتتحت الشركة فرعا في بغداد → Baghdad',
    words: wordSet('شركة', 'شركات', 'مصرف', 'بنك', 'مجموعة'),
    rulesOut: '*',
    keeps: new Set<EntityKind>(['country']),
  },
  {
    description: 'a newspaper, magazine, channel or radio named after a place is not the place (an outlet\'s name)',
    example:
      'نشرت جريدة بغداد مقالا عن الانتخابات → (none); قالت مجلة دمشق في عددها الأخير → (none); ' +
      'بثت قناة الفرات الفضائية تقريرا → (none); أذاع راديو دمشق الخبر → (none); قالت صحيفة عراقية في بغداد → Baghdad',
    // وكالة، شبكة (round 9): a news agency or network ("وكالة الفرات نيوز").
    words: wordSet('صحيفة', 'صحيفتي', 'جريدة', 'مجلة', 'قناة', 'قناتي', 'فضائية', 'إذاعة', 'راديو', 'تلفزيون', 'وكالة', 'شبكة'),
    rulesOut: '*',
  },
];

/**
 * Round 9: a media word right after a name makes it an outlet's name ("الفرات نيوز", "دمشق الإخبارية",
 * "بغداد تايمز"): not the place, whatever the word before. Matched on the letters right after the
 * name (a space, quotes or ـ between), Arabic or Latin.
 */
export const OUTLET_TAIL: { description: string; example: string; pattern: RegExp } = {
  description: 'a media word right after a place name (news, press, the channel, times, post, TV, FM): an outlet named after it',
  example:
    'تم إطلاق وكالة الفرات نيوز الإخبارية → (none); نقلت الموصل الإخبارية عن مصادر → (none); ' +
    'بثت بغداد تي في تقريرا → (none); قال مراسل في بغداد إن الأخبار وصلت → Baghdad',
  pattern: /^[\s"'“”«»ـ]*(?:نيوز|برس|بريس|الإخبارية|الاخبارية|الإخباري|الاخباري|الفضائية|تايمز|بوست|تي ?ف[يى]|إف ?إم|اف ?ام|أف ?أم|news|press|times|post|tv|fm)(?![\p{L}])/iu,
};

/**
 * Round 9: a governorate named like an ancient city (نينوى, the Assyrian capital; الأنبار, the Abbasid
 * one): its bare name with القديمة after it, or in a text about antiquity that names no armed group,
 * is the ancient city. "محافظة نينوى" (an alias) stays the governorate; "دمر داعش المواقع الأثرية في
 * نينوى" (war news) stays it too.
 */
export const ANCIENT_NAMESAKE: {
  description: string;
  example: string;
  kinds: ReadonlySet<EntityKind>;
  after: ReadonlySet<string>;
  words: ReadonlySet<string>;
  before: readonly [string, string];
} = {
  description: 'a governorate named like an ancient city, with القديمة after it or in a text about antiquity and no armed group: the ancient city',
  example:
    'تقع آثار مدينة الأنبار القديمة قرب الفلوجة → (none); في الألف الأول قبل الميلاد أصبحت الأنبار عاصمة الإمبراطورية → (none); ' +
    'دمر داعش المواقع الأثرية في الأنبار → ISIS, Anbar; ' +
    'أعلنت مديرية آثار محافظة الأنبار عن اكتشافات أثرية ضمن أطلال الأنبار → Anbar; وصل الوزير إلى الأنبار أمس → Anbar; ' +
    'زار الوزير الأنبار وقدم التهنئة بعيد الميلاد المجيد → Anbar; عثر الباحثون على قطع أثرية في الأنبار → Anbar',
  kinds: new Set<EntityKind>(['governorate']),
  // Not الأثرية or التاريخية after it ("مواقع نينوى الأثرية": the governorate's sites).
  after: wordSet('القديمة'),
  // Words only a text about antiquity holds: not الميلاد (Christmas, a birth certificate; "قبل
  // الميلاد" is `before`), الأثرية (a find in today's governorate) or العباسي (a surname).
  words: wordSet(
    'الآشورية', 'الآشوري', 'الآشوريين', 'الآشوريون', 'آشور', 'الإمبراطورية', 'سنحاريب', 'آشوربانيبال', 'المسمارية',
    'أطلال', 'البابلية', 'السومرية', 'الأكدية', 'الأكديين', 'السومريين', 'البابليين',
  ),
  // "قبل الميلاد", BC, as two words.
  before: ['قبل', 'الميلاد'].map(normaliseKey) as [string, string],
};

/**
 * Round 10: a name written in Latin letters (T2) with a Latin word right next to it is a word of a
 * Latin phrase — a product, a model, a technical term ("Apple T2", "T2 weighted") — not the place.
 */
export const LATIN_PHRASE: { description: string; example: string; latin: RegExp; gap: RegExp } = {
  description: 'a name in Latin letters with a Latin word right before or after it is part of a Latin phrase',
  example:
    'يعمل معالج Apple T2 في أجهزة ماك → (none); تظهر صور T2 weighted الآفة بوضوح → (none); ' +
    'تظهر صور T2-weighted الآفة → (none); معالج Apple\u00a0T2 → (none); تقدم الجيش نحو محطة T2 في البادية → T2',
  latin: /[A-Za-z]/,
  // What may stand between the name and the Latin word: spaces (a no-break one too) or a hyphen.
  gap: /[ \u00a0\u202f\-]/,
};

/** How many words back a quoted name may stand from its list head ('مشفيا "أ" و"ب"'). */
export const QUOTED_LIST_REACH = 6;

/**
 * The heads that open a list (duals and plurals): a quoted name up to QUOTED_LIST_REACH words after
 * one is one of its names. A singular head names one thing: "صحيفة الغارديان أن "الموصل"…" does not
 * reach the quoted place.
 */
export const LIST_HEADS: ReadonlySet<string> = wordSet(
  'مشفيا', 'مشفيي', 'مستشفيا', 'مستشفيي', 'جامعتي', 'نهري', 'أنهار', 'صحيفتي',
  'جامعات', 'مشافي', 'مستشفيات', 'مدارس', 'معاهد', 'كليات', 'مراكز', 'مؤسسات',
);

export const WORD_ITSELF_BEFORE: { description: string; example: string; words: ReadonlySet<string>; question: ReadonlySet<string> } = {
  description:
    'a one-word name (not a country) after a word about words, or in "ما هو X" (a city takes هي), is the ordinary word',
  example:
    'يمكن تعريف الرقة بأنها القدرة على التعبير → (none); القراءة التي تعطينا معنى الرقة أنها شعور نقي → (none); ' +
    'ما هو الرقة؟ → (none); شرح مفهوم الوطن في المدرسة → (none); عاد إلى الرقة بعد تحريرها → Raqqa; ما هو العراق اليوم؟ → Iraq',
  words: wordSet('تعريف', 'معنى', 'معاني', 'مفهوم', 'مصطلح', 'مرادف', 'تعريفات'),
  // "ما هو": هو after ما (the masculine pronoun; a city is referred to as هي).
  question: wordSet('هو'),
};

/**
 * The same class with the name first: the name defined as an abstract thing, with or without a
 * pronoun of the copula between ("الرقة هي شعور", "الرقة صفة"). A place is no feeling or quality.
 */
export const WORD_ITSELF_AFTER: { description: string; example: string; words: ReadonlySet<string>; copula: ReadonlySet<string> } = {
  description: 'a one-word name (not a country) defined as a feeling, quality or term right after it is the ordinary word',
  example:
    'الرقة هي شعور نقي وعفوي → (none); الرقة صفة تزين المرأة → (none); الرقة هي عاطفة إنسانية → (none); ' +
    'الرقة هي المدينة الأكبر في شمال سوريا → Raqqa, Syria',
  words: wordSet(
    'شعور', 'صفة', 'سمة', 'عاطفة', 'إحساس', 'خلق', 'فضيلة', 'مفهوم', 'مصطلح', 'كلمة', 'لفظ', 'لفظة', 'قدرة', 'مهارة',
  ),
  copula: wordSet('هي', 'هو'),
};

/** Whether a head of NAME_HEADS, read in `before` (the previous word's readings), rules out a place of `kind`. */
export function headRulesOut(before: readonly string[], kind: EntityKind): boolean {
  for (const head of NAME_HEADS) {
    if (!rulesOut(head, kind)) continue;
    for (const w of before) if (head.words.has(w)) return true;
  }
  return false;
}

function rulesOut(head: NameHead, kind: EntityKind): boolean {
  if (head.rulesOut === '*') return !head.keeps?.has(kind);
  return head.rulesOut.has(kind);
}

/**
 * A quoted name in a list after a head: a quotation mark right before the name, and a head that
 * rules out `kind` within QUOTED_LIST_REACH words before, in the same sentence.
 */
export function quotedAfterHead(
  text: string,
  start: number,
  kind: EntityKind,
  readings: (word: string) => readonly string[],
): boolean {
  if (!QUOTE_BEFORE.test(text.slice(Math.max(0, start - 2), start))) return false;
  const words = new Words(text.slice(Math.max(0, start - 120), start));
  for (let i = words.count - 1, seen = 0; i >= 0 && seen < QUOTED_LIST_REACH; i--, seen++) {
    const r = readings(words.norm(i));
    if (r.some((w) => LIST_HEADS.has(w)) && headRulesOut(r, kind)) return true;
    if (words.breakBefore(i)) break;
  }
  return false;
}
const QUOTE_BEFORE = /["“”«'‘]$/;

/**
 * WORD_ITSELF_BEFORE for a one-word name of `kind`: a word about words right before it, or "ما هو"
 * before it. Countries are left out ("معنى سوريا لنا", "ما هو العراق": the country itself).
 */
export function wordItselfHere(
  text: string,
  start: number,
  end: number,
  before: readonly string[],
  kind: EntityKind,
): boolean {
  if (kind === 'country') return false;
  if (definedAfter(text, end)) return true;
  for (const w of before) {
    if (WORD_ITSELF_BEFORE.words.has(w)) return true;
    if (WORD_ITSELF_BEFORE.question.has(w)) return WHAT_IS.test(text.slice(Math.max(0, start - 12), start));
  }
  return false;
}
/** WORD_ITSELF_AFTER: a feeling, quality or term right after the name, or after هي/هو after it. */
function definedAfter(text: string, end: number): boolean {
  // Most names are followed by no such word: the first word is looked at before any other is built.
  const next = wordAfter(text, end);
  if (!next || next.breakBetween) return false;
  if (WORD_ITSELF_AFTER.words.has(next.norm)) return true;
  if (!WORD_ITSELF_AFTER.copula.has(next.norm)) return false;
  const words = new Words(text.slice(end, end + 40));
  return words.count > 1 && !words.breakBefore(1) && WORD_ITSELF_AFTER.words.has(words.norm(1));
}

const WHAT_IS = /(?:^|[^\u0600-\u06FF])ما\s+هو\s*["“«]?$/;
