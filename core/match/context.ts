/**
 * Context rules: how sure a mention through a weak name (one that is also an ordinary word or
 * another entity's name) is, from the words around it. Each cue is a row with its weight and an
 * example that test/core/context.test.ts checks.
 */
import { normaliseKey } from '../arabic/normalise.ts';
import type { Category, EntityKind } from '../types.ts';

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
  /** How many words next to the name the cue skips (default 0): a verb's subject stands between. */
  skip?: number;
  /** Whether the cue reaches over a preposition (default: not when further than next to the name). */
  overPrepositions?: boolean;
  /** Words that fire the cue (a proclitic on them is allowed: بريف, ومراسل). */
  words: ReadonlySet<string>;
}

/** Prepositions: a cue further from the name than one word does not reach over one. */
export const BARE_PREPOSITIONS: ReadonlySet<string> = wordSet('في', 'إلى', 'من', 'عند', 'على', 'عن', 'مع');

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
      'منفذ', 'معبر', 'ناحية', 'ريف', 'وادي', 'سد', 'قاعدة', 'مطار', 'مشارف', 'مداخل',
      // Not نهر (round 7): before a place that is no river it begins a river's name (NAME_HEADS, name-heads.ts).
    ),
  },
  {
    description: 'a word for a kind of armed or political group',
    example: 'قوات الحشد → PMF; قوات التحالف ضد داعش → the coalition',
    for: ['group'],
    weight: 0.6,
    window: 1,
    words: wordSet(
      'قوات', 'فصائل', 'كتائب', 'تنظيم', 'جماعة', 'حركة', 'مقاتلي', 'مسلحي', 'عناصر', 'هيئة', 'ألوية',
      'سرايا', 'ميليشيا', 'ميليشيات', 'مليشيات', 'قيادة', 'إعلام', 'طائرات', 'دول',
    ),
  },
  {
    // Round 9: "تحت سيطرة "الدولة الإسلامية"", "أراضي دولة الخلافة".
    // Not قائد: "قائد الفرقة السابعة في الجيش المصري" — every army has a 7th division and its commander.
    description: "a group's emir, control or lands before it",
    example: 'بقيت جيوب تحت سيطرة الحشد → PMF; انسحب مسلحو التنظيم من أراضي الحشد → PMF',
    for: ['group'],
    weight: 0.6,
    window: 1,
    words: wordSet('أمير', 'أمراء', 'سيطرة', 'أراضي'),
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
    description: 'a word of direction, nearness or conquest before a place',
    example: 'باتجاه القائم → al-Qaim; تحرير الميادين → al-Mayadin',
    for: ['place'],
    weight: 0.3,
    window: 1,
    words: wordSet(
      'نحو', 'صوب', 'باتجاه', 'اتجاه', 'تجاه', 'قرب', 'جنوب', 'شمال', 'شرق', 'غرب', 'جنوبي', 'شمالي', 'شرقي', 'غربي',
      'تحرير', 'استعادة', 'اقتحام', 'حصار', 'محيط', 'أطراف', 'داخل', 'حدود', 'معقل', 'معاقل',
    ),
  },
  {
    // Round 4: the verbal noun with the conqueror as its pronoun takes the place as its object.
    description: 'a noun of conquest with its pronoun before a place: the place taken',
    example: 'أشاد العبادي بقوات الأمن لتحريرها القائم → al-Qaim; بعد استعادتها الميادين من التنظيم → al-Mayadin',
    for: ['place'],
    weight: 0.3,
    window: 1,
    words: wordSet(
      'تحريرها', 'تحريره', 'تحريرهم', 'استعادتها', 'استعادته', 'استعادتهم', 'دخولها', 'دخوله', 'دخولهم',
      'اقتحامها', 'اقتحامه', 'اقتحامهم', 'حصارها', 'حصاره', 'تطويقها', 'تطويقه',
    ),
  },
  {
    // Right before the name the verb may have it as subject ("دخلت الصناعة مرحلة جديدة"); with a
    // word between, that word is the subject and the name the place entered or taken.
    description: 'a verb of entering or taking with its subject between: the name is the place',
    example: 'دخلت القوات القائم → al-Qaim; وصلت القوات العراقية إلى القائم → al-Qaim',
    for: ['place'],
    weight: 0.3,
    window: 4,
    skip: 1,
    overPrepositions: true,
    words: wordSet(
      'دخلت', 'دخل', 'حررت', 'حرر', 'استعادت', 'استعاد', 'اقتحمت', 'اقتحم', 'اجتاحت', 'طوقت', 'حاصرت',
      'وصلت', 'وصل', 'بلغت', 'بلغ', 'انسحبت', 'انسحب',
    ),
  },
  {
    // Round 3: a weak city name (الموصل) whose only cue is a part of it or its people.
    description: 'a part or the people of a city a few words before it',
    example:
      'جسر يربط شطري القائم → al-Qaim; وهو القسم الشرقي من القائم → al-Qaim; يعبره أهالي القائم → al-Qaim; ' +
      'في الجانب الأيمن من القائم → al-Qaim',
    for: ['place'],
    weight: 0.3,
    window: 3,
    overPrepositions: true,
    words: wordSet(
      'شطري', 'شطر', 'أهالي', 'أهل', 'سكان', 'أبناء', 'القسم', 'الجانب', 'جانبي', 'الساحل', 'ضواحي', 'أزقة', 'شوارع',
      'أسواق', 'جسور',
    ),
  },
  {
    // "ارتدت من القائم", "في الوقت", "إلى الحصى": a preposition goes before any noun, so alone it
    // must not make a weak name a name; with one more cue (a known place near) it tips the balance.
    description: 'a bare preposition: a little evidence, never enough alone',
    example: 'في القائم → al-Qaim',
    for: ['place'],
    weight: 0.1,
    window: 1,
    words: wordSet('في', 'إلى', 'من', 'عند', 'على'),
  },
];

/** The word right after the name. */
export const TRIGGERS_AFTER: readonly Cue[] = [
  {
    description: 'a coalition "led by" (after a relative pronoun too)',
    example: 'التحالف بقيادة الولايات المتحدة → the US-led coalition; التحالف الذي تقوده واشنطن → the US-led coalition',
    for: ['group'],
    weight: 0.6,
    window: 2,
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
  {
    // Round 8: a headline's "القائم القضاء المنسي" ("al-Qaim, the forgotten district"): the place's
    // own kind named in apposition, or "the border (town)".
    description: 'a definite word for a kind of place right after the name (apposition)',
    example:
      'القائم القضاء المنسي → al-Qaim; الميادين المدينة التي حررها الجيش → al-Mayadin; ' +
      'وصلت التعزيزات إلى القائم الحدودية مع سوريا → al-Qaim',
    for: ['place'],
    weight: 0.6,
    window: 1,
    words: wordSet('القضاء', 'المدينة', 'البلدة', 'الناحية', 'القرية', 'المحافظة', 'الحدودية', 'الحدودي'),
  },
  {
    // Round 3: "الموصل القديمة", the old city; feminine only (a city is feminine, "القائم القديم" is no town).
    description: 'a city followed by "old" (its old town)',
    example: 'وفيه الميادين القديمة المدينة التاريخية → al-Mayadin; تضررت الميادين القديمة بالقصف → al-Mayadin',
    for: ['place'],
    weight: 0.3,
    window: 1,
    words: wordSet('القديمة'),
  },
];

export interface Veto {
  description: string;
  /** Examples separated by '; ' (a rule names a class: two at least for the newer rows). */
  example: string;
  words: ReadonlySet<string>;
  /** How many words away the veto word may stand (default 1: right next to the name). */
  window?: number;
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
  {
    description: 'an adjective agreeing with a common noun (a plural takes the feminine): the name is that noun',
    example: 'تجمعوا في الميادين العامة → (none); الصناعة التحويلية → (none); تتكون الحصى الكلوية → (none)',
    words: wordSet(
      'العامة', 'الرئيسية', 'الكبرى', 'الصغرى', 'الفسيحة', 'العالمية', 'الدولية', 'الرياضية', 'التجارية', 'الثقافية',
      'السياسية', 'الاقتصادية', 'المحلية', 'الوطنية', 'التحويلية', 'الثقيلة', 'الخفيفة', 'الغذائية', 'النفطية',
      'الحربية', 'الحديثة', 'المتقدمة', 'العامه', 'الكلوية', 'البولية', 'الصفراوية', 'المرارية',
    ),
  },
  {
    description: 'a goalpost: the side or the bar right after it (football)',
    example: 'ارتطمت الكرة بالقائم الأيمن → (none); القائم البعيد → (none); القائم والعارضة → (none)',
    words: wordSet('الأيمن', 'الأيسر', 'البعيد', 'القريب', 'والعارضة', 'العارضة'),
  },
  {
    description: 'an emphasis or "the present" after it: a common noun ("the time itself")',
    example: 'وأكدت في الوقت نفسه → (none); في الوقت الراهن → (none)',
    words: wordSet('نفسه', 'ذاته', 'نفسها', 'ذاتها', 'عينه', 'الحالي', 'الراهن', 'الحاضر', 'المناسب', 'المحدد'),
  },
];

/**
 * Round 8: a definite adjective right after a group's name that makes it the name of another
 * organisation, or a common noun: "الجيش السوري الحر" is the Free Syrian Army, "التحالف العربي" the
 * Saudi-led coalition, "الحشد العسكري" a military build-up. By kind, the words that extend a name of
 * that kind; a longer name the gazetteer lists still wins the overlap ("الحشد العشائري").
 */
export interface NameExtension {
  description: string;
  /** Two examples at least, separated by '; '. */
  example: string;
  kinds: ReadonlySet<EntityKind>;
  words: ReadonlySet<string>;
  /**
   * Only after a weak name: after a full name the adjective is as often the noun's before it
   * ("هجوم الحشد الشعبي الكبير", the big offensive of the PMF).
   */
  weakOnly?: boolean;
}

export const GROUP_NAME_EXTENDED: readonly NameExtension[] = [
  {
    description: 'an army\'s name with "free", "electronic" or "national" after it is another force',
    example:
      'سيطر الجيش السوري الحر على المعبر → (none); هاجم الجيش السوري الإلكتروني مواقع إخبارية → (none); ' +
      'تقدم الجيش السوري نحو البوكمال → Syrian Arab Army, al-Bukamal',
    kinds: new Set<EntityKind>(['army']),
    words: wordSet('الحر', 'الحرة', 'الإلكتروني', 'الوطني'),
  },
  {
    description: 'a coalition named by another adjective (Arab, Islamic, national, ruling, electoral …) is another coalition',
    example:
      'قصفت طائرات التحالف العربي مواقع في المدينة → (none); اجتمع قادة التحالف الوطني في بغداد → Baghdad; ' +
      'أعلن التحالف الانتخابي قائمة مرشحيه → (none); التحالف الدولي يقصف مواقع داعش → the US-led coalition, ISIS; ' +
      'دعم التحالف الدولي الجديد للقوات العراقية → the US-led coalition',
    kinds: new Set<EntityKind>(['coalition']),
    weakOnly: true,
    words: wordSet(
      'العربي', 'الإسلامي', 'الوطني', 'الكردستاني', 'المدني', 'الحاكم', 'الشيعي', 'السني', 'الرباعي', 'الثلاثي',
      'الانتخابي', 'السياسي', 'الاستراتيجي', 'الخليجي', 'الغربي', 'الروسي', 'الحكومي', 'البرلماني', 'الجديد',
    ),
  },
  {
    description: 'a force\'s short name with an adjective of size or kind after it is a crowd or a build-up',
    example:
      'يتواصل الحشد العسكري على الحدود → (none); شارك في الحشد الجماهيري آلاف المتظاهرين → (none); ' +
      'أعلن الحشد الوطني في نينوى انسحابه → (none); تقدمت قوات الحشد الشعبي نحو الحدود → PMF; ' +
      'بدأ هجوم الحشد الشعبي الكبير على القائم → PMF, al-Qaim',
    kinds: new Set<EntityKind>(['force', 'militia']),
    weakOnly: true,
    words: wordSet('العسكري', 'الجماهيري', 'الكبير', 'الضخم', 'الإعلامي', 'الوطني'),
  },
  {
    // Round 10: the Syrian opposition's interim government (2013) and the transitional one (2025)
    // are not the government the gazetteer names.
    description: 'a government\'s name with "interim" or "transitional" after it is another government',
    example:
      'أعلنت الحكومة السورية المؤقتة عن تشكيل لجنة → (none); قال رئيس الحكومة السورية الانتقالية → (none); ' +
      'قالت الحكومة السورية في بيان → the Syrian government',
    kinds: new Set<EntityKind>(['government']),
    words: wordSet('المؤقتة', 'الانتقالية'),
  },
];

/**
 * Round 8: a group's name without its head begins with a place's name ("سوريا الديمقراطية", the SDF
 * without قوات); with a council's, party's or front's word before it, it is that other body:
 * "مجلس سوريا الديمقراطية" is the SDF's political council, not the force. A name that begins with
 * no place is left alone ("تيار الحشد الشعبي", the PMF's political current).
 */
export const GROUP_HEAD_BEFORE: SenseRule = {
  description: "a council's, party's or front's word before a group name that begins with a place's name: another body",
  example:
    'عقد مجلس سوريا الديمقراطية مؤتمره في الرقة → Raqqa; أعلن حزب سوريا الديمقراطية تأسيسه → (none); ' +
    'تقدمت قوات سوريا الديمقراطية نحو الرقة → SDF, Raqqa; دعت لجنة سوريا الديمقراطية إلى الحوار → (none); ' +
    'صدر البيان الختامي لمؤتمر سوريا الديمقراطية لقوى المعارضة → (none); ' +
    'قال قادة تيار الحشد الشعبي في البرلمان → PMF',
  words: wordSet(
    'مجلس', 'حزب', 'تيار', 'جبهة', 'اتحاد', 'رابطة', 'منظمة', 'جمعية', 'لجنة', 'ائتلاف', 'منصة',
    // Round 9: a conference or forum named so ("مؤتمر سوريا الديمقراطية", the council's founding one).
    'مؤتمر', 'ملتقى', 'منتدى',
  ),
};

/**
 * Round 10: "الدولة الإسلامية" and "دولة الخلافة" are also the Islamic state of history (the
 * Umayyads, the Abbasids, al-Andalus, the Ottomans). A weak name of an organisation in a text with a
 * word of that history, and no armed group named strongly, is the historical state, not the
 * organisation: its strong names (داعش، تنظيم الدولة) are untouched and vouch for the weak ones.
 */
export const HISTORY_TEXT: { description: string; example: string; kinds: ReadonlySet<EntityKind>; words: ReadonlySet<string> } = {
  description: "a weak name of an organisation in a text about Islam's history that names no armed group is the historical state",
  example:
    'كانت الأندلس تحت سيطرة الدولة الإسلامية قرونا → (none); دخلت بلاد الشام أراضي الدولة الإسلامية بعد الفتوحات → (none); ' +
    'وسقطت دولة الخلافة العثمانية عام 1924 → (none); بقيت جيوب تحت سيطرة الدولة الإسلامية في البوكمال → ISIS, al-Bukamal; ' +
    'هدم داعش مرقدا من عهد العباسيين وبسط سيطرة الدولة الإسلامية على المدينة → ISIS, ISIS',
  kinds: new Set<EntityKind>(['organisation']),
  // Not النبي or الصحابة ("مرقد النبي يونس", a shrine the IS blew up), nor العثماني or العباسي (surnames).
  words: wordSet(
    'الأموية', 'الأمويين', 'العباسية', 'العباسيين', 'العثمانية', 'العثمانيين', 'الفاطمية', 'الفاطميين', 'الراشدين',
    'الراشدة', 'الأندلس', 'الهجري', 'للهجرة', 'الفتوحات', 'الخلفاء', 'المماليك', 'السلاجقة',
  ),
};

/** Words before the name that rule the name out. */
export const VETO_BEFORE: readonly Veto[] = [
  {
    description: 'a quantifier before a plural: the name is a common noun',
    example: 'في كافة الميادين → (none)',
    words: wordSet('كافة', 'جميع', 'مختلف', 'شتى', 'بعض', 'كل'),
  },
  {
    description: 'a ministry, portfolio or sector before it: the name is the sector ("industry")',
    example: 'قال وزير الصناعة → (none); غرفة الصناعة → (none)',
    words: wordSet('وزير', 'وزيرة', 'وزارة', 'قطاع', 'غرفة', 'مديرية', 'لجنة', 'نقابة', 'معرض', 'اتحاد'),
  },
  {
    description: 'a treatment before it: a medical term ("kidney stones")',
    example: 'تفتيت الحصى بالموجات → (none); علاج الحصى → (none)',
    words: wordSet('تفتيت', 'تكون', 'إزالة', 'علاج', 'طرد', 'نزول', 'حصوات'),
  },
  {
    description: 'a shot or the ball a few words before it: a goalpost (football)',
    example: 'ارتدت الكرة من القائم → (none); تسديدة ارتطمت بالقائم → (none); العارضة والقائم → (none)',
    words: wordSet('ارتدت', 'ارتطمت', 'اصطدمت', 'الكرة', 'كرته', 'تسديدة', 'تسديدته', 'العارضة', 'سدد'),
    window: 3,
  },
];

/**
 * Strong local evidence that a word is no name here, whatever the name's strength and whatever the
 * rest of the text says: checked before any score (discourse cannot lift it).
 */
export interface SenseRule {
  description: string;
  /** Two examples at least, separated by '; '. */
  example: string;
  words: ReadonlySet<string>;
}

/**
 * A participle used as an adjective: a definite word before it, and إلى / بين / لل… after it
 * ("الطريق الموصل إلى": "the road leading to"). Checked for names with the article only.
 */
export const PARTICIPLE: SenseRule = {
  description: 'a participle between a definite noun and إلى, بين or لل: "leading to", not a place',
  example: 'الطريق الموصل إلى المدينة → (none); الجسر الموصل بين الضفتين → (none); الخط الموصل للمحطة → (none)',
  words: wordSet('إلى', 'بين'),
};

/**
 * A one-word name joined by و to an abstract or sector noun is that kind of noun too:
 * "الزراعة والصناعة", "الرقة والحنان".
 */
export const ABSTRACT_COORDINATION: SenseRule = {
  description: 'a one-word name joined by و to an abstract or sector noun is a noun of that kind',
  example: 'دعم الزراعة والصناعة → (none); تحدثت بكل الرقة والحنان → (none); يوفر الوقت والجهد → (none)',
  words: wordSet(
    'الزراعة', 'التجارة', 'الصناعة', 'الطاقة', 'المعادن', 'التعدين', 'السياحة', 'الاستثمار', 'الاقتصاد',
    'التكنولوجيا', 'الخدمات', 'النقل', 'الحنان', 'العطف', 'اللطف', 'الجمال', 'الهدوء', 'الرحمة', 'النعومة',
    'الأناقة', 'الجهد', 'المال', 'الصحة', 'التعليم', 'الثقافة', 'الفنون', 'البيئة', 'الأنوثة', 'العذوبة',
    'الرقيق', 'الدفء', 'الرومانسية', 'الإحساس',
  ),
};

/**
 * A one-word place name in a text about personal qualities, with no place evidence at all: the name
 * is the quality ("الرقة", tenderness). No evidence means: no other place or group named in the text,
 * no preposition or place word right before it (its own ب/ل included), no country nisba after it.
 * The text must hold `least` different words of the lexicon (a proclitic on them allowed).
 */
export const PERSONAL_QUALITIES: SenseRule & { least: number } = {
  description: 'a one-word place name with no place evidence in a text about personal qualities is the quality',
  example:
    'فهي تعبير عن جمالها، والرقة سلاح تستخدمه المرأة → (none); ولا شك إن الرقة متصلة بالفطرة لدى المرأة → (none); ' +
    'الرقة صفة جميلة في الرجل والمرأة → (none); قالت المرأة إن الرقة مدمرة → Raqqa; تعيش المرأة بجمالها في الرقة → Raqqa',
  least: 2,
  words: wordSet(
    'المرأة', 'امرأة', 'المرأه', 'الأنثى', 'أنثى', 'الأنوثة', 'أنوثة', 'الأنثوية', 'جمال', 'الجمال', 'جمالها',
    'مشاعر', 'المشاعر', 'الرجل', 'الحنان', 'حنان', 'الطباع', 'طباع', 'الصفات', 'صفة', 'الفطرة', 'العاطفة',
    'العواطف', 'الأحاسيس', 'أحاسيس', 'الأخلاق', 'اللطف', 'النعومة', 'العذوبة', 'رقة', 'الشخصية', 'الزوجة', 'الزوج',
  ),
};

/** A word for a quality or its degree before a one-word name: the name is that quality ("tenderness"). */
export const QUALITY_BEFORE: SenseRule = {
  description: 'a word for a quality or its degree before a one-word name: the name is a quality',
  example: 'تتصل صفة الرقة بالأنثى → (none); تحدث بمنتهى الرقة → (none); عاملها بغاية الرقة → (none)',
  words: wordSet('صفة', 'سمة', 'منتهى', 'غاية', 'شديد', 'شديدة', 'بالغ', 'بالغة', 'فائق', 'فائقة'),
};

/** A word before a place name that makes it a street, square or market named after the place. */
export const STREET_BEFORE: SenseRule = {
  description: 'a street, square or market named after a place is not the place',
  example: 'في شارع صلاح الدين → (none); وسط ساحة بغداد → (none); سوق الحميدية بدمشق → Damascus',
  words: wordSet('شارع', 'ساحة', 'جادة', 'دوار', 'حارة', 'زقاق', 'سوق', 'ميدان', 'فندق'),
};

/**
 * Round 4: a correspondent "of" a name works for an outlet named so, not in the place ("مراسلنا في
 * الموصل" says في): the place is ruled out, an outlet of that name keeps its reading.
 */
export const OUTLET_STAFF_BEFORE: SenseRule = {
  description: 'a correspondent of a name: an outlet named like the place, not the place',
  example:
    'مراسل الفرات : تنطلق اليوم مباريات الدوري → (none); وأفاد مراسل الميادين بأن القوات تقدمت → Al Mayadeen (channel); ' +
    'قال مراسلنا في مدينة الميادين إن القصف توقف → al-Mayadin',
  words: wordSet('مراسل', 'مراسلة', 'مراسلو', 'مراسلي'),
};

/**
 * A word for a neighbourhood before the name of a place that is not a neighbourhood: another place
 * named like it (حي الوعر in Homs is not the al-Waar dam).
 */
export const NEIGHBOURHOOD_BEFORE: SenseRule = {
  description: 'a neighbourhood named like a place of another kind is not that place',
  // Singular and dual only: "أحياء دمشق" is "the neighbourhoods of Damascus", a mention of the city.
  example: 'أهالي حي الوعر في حمص → Homs; حي القائم في المدينة → (none); أحد أحياء دمشق القديمة → Damascus',
  words: wordSet('حي', 'حيي'),
};

/**
 * Round 6: an administration or region named after a place ("إقليم الفرات", the AANES region;
 * "ولاية واشنطن", the state) is not the place: a place after one of these words is ruled out unless
 * the gazetteer lists the whole name (then the longer name wins: "إقليم كردستان"). Countries are left
 * out: "مقاطعة إيران" is a boycott.
 */
export const ADMIN_REGION_BEFORE: SenseRule = {
  description: 'an administration or region named after a place ("<admin word> + name") is not the place unless the gazetteer lists it',
  example:
    'ضمن بطولة أبطال إقليم الفرات لكرة القدم → (none); حكم الوالي ولاية بغداد في العهد العثماني → (none); ' +
    'أعلنت الإدارة الذاتية تأسيس مقاطعة الفرات → (none); ولاية الموصل في عهد العثمانيين → (none); ' +
    'عاد إلى الموصل من إقليم كردستان → Mosul, Kurdistan Region; دعوات إلى مقاطعة العراق اقتصاديا → Iraq',
  words: wordSet('إقليم', 'أقاليم', 'ولاية', 'ولايتي', 'مقاطعة', 'كانتون', 'إمارة'),
};

/**
 * Round 6: what says "the place" next to a name in a sports text (SPORTS_PRIOR, sports.ts): besides
 * a word for a kind of place or a direction right before it (TRIGGERS_BEFORE), these prepositions
 * of place as words. Not ل or ب on the name ("هدفاً لديالى": for the club), not على or مع (its
 * opponent: "فاز على الموصل").
 */
export const SPORTS_PLACE_EVIDENCE: SenseRule & { list: ReadonlySet<string>; hosts: ReadonlySet<string> } = {
  description: 'a preposition of place before a club-named place, in a sports text: the place',
  example:
    'عاد لاعبو الفريق إلى الموصل بعد المباراة في الدوري → Mosul; أقيمت المباراة في الموصل ضمن الدوري → Mosul; ' +
    'تقام مباريات الجولة في بغداد ودهوك والموصل → Baghdad, Mosul; ' +
    'الموصل تستضيف نهائي كأس العراق لكرة القدم → Mosul; عودة المباريات الدولية إلى ملاعب الموصل → Mosul; ' +
    'انتهت المباراة بين فريقي الشرطة من الرقة والفرات من كوباني → Raqqa; شكر المدرب اللاعبين ومحافظ الموصل وإدارة النادي → Mosul; ' +
    'فاز الفريق على الموصل في المباراة ضمن الدوري → (none)',
  words: wordSet(
    'في', 'إلى', 'الى', 'من', 'عند', 'داخل', 'قرب', 'نحو',
    // The place's officials and people ("ومحافظ نينوى"): a club has a president and fans, not a governor.
    'محافظ', 'محافظي', 'قائممقام', 'أهالي', 'سكان',
    // A city's stadiums (plural; "ملعب ديالى" is the club's ground).
    'ملاعب',
  ),
  // A city hosts, in the feminine a city takes ("الموصل تستضيف النهائي"); a club hosts in the
  // masculine ("يستضيف الموصل ضيفه": CLUB_RELATION_BEFORE). Right before or right after the name.
  hosts: wordSet('تستضيف', 'ستستضيف', 'استضافت', 'تحتضن', 'ستحتضن', 'احتضنت', 'تشهد', 'شهدت'),
  // Before a list's head, for every name of the list: "في بغداد ودهوك وديالى". Not من: "فريقي الأمن من
  // الرقة والفرات من كوباني" joins two teams, each from a place.
  list: wordSet('في', 'إلى', 'الى', 'داخل', 'عند'),
};

/**
 * Names (strong ones too) that are also a feminine nisba adjective: right after an indefinite
 * word ending in ة or ات they are the adjective, "Syrian", not the country.
 */
export const NISBA_HOMOGRAPHS: { description: string; example: string; names: ReadonlySet<string> } = {
  description: 'سورية after an indefinite feminine word is the adjective "Syrian"',
  example: 'عملية عسكرية سورية → (none); الحدودي مع سورية → Syria',
  names: wordSet('سورية'),
};

/**
 * Round 4: سورية is the adjective too next to another country's indefinite nisba ("الأولى سورية
 * والأخرى عراقية", "ولاية سورية ــ عراقية") or after غير ("non-Syrian"). `words` are the other
 * nisbas (one word of `skip` may stand between: الأخرى، الثانية), `not` the negation before.
 */
export const NISBA_PAIR: SenseRule & { not: ReadonlySet<string>; skip: ReadonlySet<string> } = {
  description: 'سورية next to another indefinite nisba, or after غير, is the adjective "Syrian"',
  example:
    'ضم مدينتين حدوديتين الأولى سورية والأخرى عراقية → (none); أول ولاية سورية ــ عراقية موحدة → (none); ' +
    'مسلحون موالون من جنسيات غير سورية → (none); الحدود بين سورية والعراق → Syria, Iraq',
  words: wordSet(
    'عراقية', 'لبنانية', 'تركية', 'أردنية', 'إيرانية', 'روسية', 'أمريكية', 'أميركية', 'فلسطينية', 'مصرية',
    'سعودية', 'كردية', 'عربية', 'أجنبية',
  ),
  not: wordSet('غير'),
  skip: wordSet('الأخرى', 'والأخرى', 'الثانية', 'والثانية'),
};

/** Words before a place name that make it part of an event's name, not a mention of the place. */
export const EVENT_BEFORE: Veto = {
  description: 'a place inside the name of a tournament, cup or prize',
  // كوبا (round 7): Copa, a tournament's name borrowed whole ("كوبا أمريكا"); Cuba before a place is no Arabic phrase.
  example:
    'بطولة الولايات المتحدة المفتوحة → (none); تستضيف الولايات المتحدة كوبا أمريكا 2024 → United States; ' +
    'وتزداد أهمية بطولة كوبا أمريكا كونها ستشهد مشاركة ميسي → (none)',
  words: wordSet('بطولة', 'كأس', 'رالي', 'ماراثون', 'جائزة', 'كوبا'),
};

/** Words before a place name that make it the name (or nickname) of a club or team, not the place. */
export const CLUB_BEFORE: Veto = {
  description: 'a place inside the name or nickname of a club or team',
  example: 'فاز نادي الفرات على ضيفه → (none); لاعب نادي الموصل → (none); تأسيس ناديي الفرات والشباب → (none); فارس الفرات يفوز → (none)',
  words: wordSet('نادي', 'ناديي', 'فريق', 'أندية', 'فارس', 'فرسان', 'أزرق'),
};

/**
 * Club names, round 3. A club word that is also an ordinary word ("شباب": youth) makes a place
 * name a club only in a sports text; and once a text names the club, a bare name in it is the club
 * too (one sense per text). A sports text holds one of `sportsWords` (a proclitic allowed).
 */
export const SPORTS_CLUB_BEFORE: SenseRule & { sportsWords: ReadonlySet<string> } = {
  description: 'a club word that is also a common noun before a place, in a sports text: the club',
  example:
    'شباب الفرات يتصدر الدوري السوري بكرة القدم → (none); فاز شباب الموصل في المباراة → (none); ' +
    'شارك شباب الموصل في حملة تنظيف → Mosul; فاز فريق نوروز على أمانة بغداد في الدوري → (none); ' +
    'قالت أمانة بغداد إنها ستغلق الشارع → Baghdad',
  // أمانة (round 5): "أمانة بغداد" is Baghdad's municipality (gold: the city) except in a sports text, where it is the club.
  words: wordSet('شباب', 'أشبال', 'ناشئي', 'ناشئو', 'أمانة'),
  sportsWords: wordSet(
    'الدوري', 'دوري', 'المباراة', 'مباراة', 'مباريات', 'المباريات', 'كرة', 'الكرة', 'هدفين', 'الملعب', 'ملعب',
    'المدرب', 'التأهل', 'يتصدر', 'متصدر', 'النادي', 'نادي',
    // Round 10: the referee's whistle, a kick, the goal as "his goal" (not مرمى: "في مرمى النيران" is war).
    'صافرة', 'ركلة', 'ركلات', 'مرماه',
  ),
};

/**
 * Round 4: the players, fans or coach "of" a place, in a sports text, are the club's
 * (الجماهير of a city in a sports text are its club's fans).
 */
export const TEAM_MEMBER_BEFORE: SenseRule = {
  description: "a club's players, fans or coach before a place, in a sports text: the club",
  example:
    'تصدى الحارس لبعض التسديدات من لاعبي "الموصل" في المباراة → (none); تحدث أحد مشجعي الفرات عن المباراة → (none); ' +
    'عاد لاعبو المنتخب إلى الموصل بعد المباراة → Mosul',
  words: wordSet('لاعب', 'لاعبي', 'لاعبو', 'مشجعي', 'مشجعو', 'جماهير', 'جمهور', 'مدرب', 'حارس'),
};

/**
 * Round 4: the verb first (Arabic's usual order), a place right after a match verb is its subject,
 * in a sports text: the club (LEAGUE_SUBJECT is the same class with the subject first). Countries
 * are left out as there.
 */
export const MATCH_VERB_BEFORE: SenseRule = {
  description: 'a place right after a match verb (its subject), in a sports text: the club',
  example:
    'وقد لعب "الفرات" بغياب أبرز لاعبيه في المباراة → (none); أضاع الموصل عدة فرص أمام المرمى في المباراة → (none); ' +
    'سيطر "الفرات" على منطقة الوسط في المباراة → (none); فاز العراق على سوريا في كرة القدم → Iraq, Syria',
  words: wordSet(
    'لعب', 'يلعب', 'أضاع', 'يضيع', 'أهدر', 'يهدر', 'سيطر', 'يسيطر', 'سجل', 'يسجل', 'هاجم', 'تأهل', 'يتأهل', 'تصدر',
    'يتصدر', 'فاز', 'يفوز', 'خسر', 'يخسر', 'تعادل', 'يتعادل', 'هبط', 'يهبط', 'توج', 'يتوج', 'تغلب', 'يتغلب',
  ),
};

/**
 * Round 5: a place after a host, guest, opponent or standing word, in a sports text, is the club
 * (its host, its guest, its balance of points). `via` + `guest`: "ضيفاً على X", the guest "of" X.
 * A general class: every league report names its clubs so, whatever the club is named after.
 */
export const CLUB_RELATION_BEFORE: SenseRule & { via: ReadonlySet<string>; guest: RegExp } = {
  description: 'a place after (or before) a host/guest/opponent/points word, in a sports text: the club',
  example:
    'تجمع الموصل بضيفه الزوراء في الدوري → (none); يستضيف فريق الزوراء نظيره الموصل في المباراة → (none); ' +
    'ويحل الزوراء ضيفاً على الموصل في الدوري → (none); بينما تجمد رصيد الموصل عند 12 نقطة في الدوري → (none); ' +
    'رفع الموصل رصيده إلى 23 نقطة في الدوري → (none); استقبل محافظ الموصل ضيوفه في بغداد → Mosul, Baghdad',
  words: wordSet(
    'ضيفه', 'مضيفه', 'ضيفها', 'مضيفها', 'نظيره', 'منافسه', 'متحديه', 'خصمه', 'يستضيف', 'استضاف', 'يستقبل',
    'استقبل', 'يواجه', 'واجه', 'يلاقي', 'لاقى', 'رصيد',
  ),
  via: wordSet('على'),
  guest: /ضيف[اًٌ]*\s+على\s*$/,
};

/**
 * Round 5: a weak group name in a text about another theatre names that theatre's group, not the
 * gazetteer's: "التحالف" in a text about Yemen (its words in `theatre`) is the Saudi-led coalition,
 * unless the text also names the gazetteer group's own theatre (`home`). Strong names are untouched
 * ("التحالف الدولي" stays the US-led coalition anywhere).
 */
export const OTHER_THEATRE: {
  description: string;
  example: string;
  kinds: ReadonlySet<string>;
  theatre: ReadonlySet<string>;
  home: ReadonlySet<string>;
  /** The verbal nouns of a coalition's purpose, after ل (round 9: "التحالف الدولي لتحرير الكويت"). */
  purposes: ReadonlySet<string>;
} = {
  description: 'a weak coalition name in a text about Yemen (and not about IS, Syria or Iraq) is not the US-led coalition',
  example:
    'شنت طائرات التحالف غارات على صنعاء ومواقع الحوثيين → (none); قوات التحالف في مأرب وشبوة → (none); ' +
    'قوات التحالف تقصف مواقع داعش في الرقة بعد غارات على الحوثيين → the US-led coalition, ISIS, Raqqa; ' +
    'التحالف الدولي يضرب الحوثيين في صنعاء → the US-led coalition; ' +
    // Round 9: a full name with a purpose after it that names another theatre (and none of its own).
    'كان التحالف الدولي لتحرير دولة الكويت عام 1991 مؤقتا → (none); ومنها التحالف الدولي للتصدي لداعش → the US-led coalition, ISIS; ' +
    'نقل التحالف الدولي لقواته إلى الكويت → the US-led coalition',
  // By kind, not id: any coalition the gazetteer holds (today the US-led one) is read so.
  kinds: new Set(['coalition']),
  theatre: wordSet(
    'صنعاء', 'الحوثي', 'الحوثيين', 'الحوثيون', 'الحوثية', 'اليمن', 'اليمنية', 'اليمني', 'عدن', 'مأرب', 'شبوة', 'الحديدة',
    'تعز', 'حضرموت', 'الحزم', 'الانقلابيين', 'أنصار',
    // Round 9: the other wars coalitions were formed for (Kuwait 1991, Libya 2011, Afghanistan).
    'الكويت', 'ليبيا', 'أفغانستان', 'طالبان', 'الصومال', 'كوسوفو',
  ),
  purposes: wordSet(
    'تحرير', 'محاربة', 'مكافحة', 'دعم', 'التصدي', 'قتال', 'مواجهة', 'حماية', 'إخراج', 'طرد', 'ردع', 'ضرب', 'إسقاط',
    'تدمير', 'القضاء', 'هزيمة', 'إعادة',
  ),
  // التنظيم (round 6): bare, "the organisation" of the coalition's war ("مواقع التنظيم").
  home: wordSet('داعش', 'الدواعش', 'التنظيم', 'سوريا', 'سورية', 'العراق', 'الرقة', 'الموصل', 'الفرات', 'الزور', 'البوكمال', 'القائم'),
};

/**
 * Round 6: a weak coalition name in an item with no theatre of its own (neither OTHER_THEATRE's
 * words nor its home words: one short sentence of a longer page) is read over the page's region: it
 * is the gazetteer's coalition only when the region names that coalition's theatre (one of
 * `homeEntities` already found in the region: DetectOptions.knownEntities) or a "led by" cue next
 * to it says which coalition it is (TRIGGERS_AFTER: التحالف الذي تقوده الولايات المتحدة).
 */
export const THEATRE_FROM_REGION: { description: string; example: string; homeEntities: readonly string[] } = {
  description: 'a weak coalition name in an item with no theatre of its own: the region says which coalition it is',
  example:
    'كما شنت طائرات التحالف قبل قليل غارات على دار الرئاسة جنوب العاصمة → (none); ' +
    'وقالت طائرات التحالف إنها قصفت مواقع في المنطقة → (none); ' +
    'قال التحالف الذي تقوده الولايات المتحدة إنه لا يملك معلومات → the US-led coalition, United States',
  homeEntities: [
    'group:isis', 'place:syria', 'place:iraq', 'place:raqqa', 'place:mosul', 'place:euphrates', 'place:deir-ez-zor',
    'place:deir-ez-zor-governorate', 'place:albukamal', 'place:al-qaim', 'place:alqaim', 'group:sdf', 'group:pmf',
    'group:iraqi-forces', 'group:iraqi-army', 'group:syrian-army',
  ],
};

/** One sense per text for clubs (detect.ts): the rows above name the club once, this says the rest. */
export const CLUB_ONE_SENSE: SenseRule = {
  description: 'once a text names a club after a place, the bare name in the same text is the club',
  example:
    'فاز نادي الفرات على ضيفه. وقال مدرب الفرات إن الفوز مستحق → (none); ' +
    'شباب الموصل يتصدر الدوري. وأعلن الموصل عن مدربه الجديد → (none); ' +
    'لاعب نادي الموصل يعود إلى مدينة الموصل → Mosul; فاز نادي العراق على ضيفه في العراق → Iraq',
  words: wordSet(),
};

/**
 * A place name as the subject of a league verb (a verb within `window` words after it, no
 * preposition before the name), in a sports text (SPORTS_CLUB_BEFORE.sportsWords): the club.
 * Countries are left out: "فاز العراق" is the national team, which news and ANERcorp name as the
 * country.
 */
export const LEAGUE_SUBJECT: SenseRule & { window: number } = {
  description: 'a place name as the subject of a league verb in a sports text is the club',
  example:
    'وكان الفرات قد استطاع التأهل لدوري الدرجة الأولى → (none); الموصل يتعادل مع الزوراء في الدوري → (none); ' +
    'وصل الفريق إلى الموصل قبل المباراة التي فاز بها → Mosul; العراق يفوز على سوريا في كرة القدم → Iraq, Syria',
  window: 4,
  words: wordSet(
    'تأهل', 'التأهل', 'يتأهل', 'يتصدر', 'تصدر', 'فاز', 'يفوز', 'الفوز', 'خسر', 'يخسر', 'تعادل', 'يتعادل', 'هبط',
    'يهبط', 'توج', 'يتوج', 'تغلب', 'يتغلب',
    // Round 5: "رفع ديالى رصيده" (raised its points), "تجمع ديالى بضيفه" (with its guest): a club's.
    'رصيده', 'ضيفه', 'مضيفه', 'نظيره',
  ),
};

/**
 * The Islamic State's "provinces" (ولاية) are named after places and rivers: ولاية before a name,
 * in quotation marks or after "what is called" (ما يعرف بـ، ما يسمى، المسماة), is the organisation's
 * province, not the place.
 */
export const IS_PROVINCE: SenseRule & { so: ReadonlySet<string>; window: number } = {
  description: 'ولاية + a place in quotation marks or after "what is called": an IS province',
  example:
    'ضمن ما يعرف بـ "ولاية الفرات" لنقل المقاتلين → (none); فيما يسمى ولاية الرقة التابعة للتنظيم → (none); ' +
    'أعلن التنظيم عن "ولاية الموصل" → (none); هاجم مسلحو ولاية "الرقة" البلدة → (none); ولاية الموصل في عهد العثمانيين → (none)',
  words: wordSet('ولاية', 'ولايتي'),
  window: 3,
  so: wordSet(
    'يعرف', 'تعرف', 'يسمى', 'تسمى', 'يسمي', 'يسميه', 'تسميه', 'المسماة', 'المسمى', 'يدعى', 'تدعى', 'يطلق', 'أسماه',
    'سماه', 'بمسمى', 'مسمى', 'بـ',
  ),
};

/**
 * Round 4: ولاية before a place in a text that names the Islamic State (one of `organisation`, a
 * proclitic allowed; تنظيم الدولة and الدولة الإسلامية as two words): the organisation's province,
 * quoted or not. (Since round 6 ولاية before any place is an administration named after it, ADMIN_REGION_BEFORE.)
 */
export const IS_PROVINCE_IN_IS_TEXT: SenseRule & { organisation: ReadonlySet<string>; pairs: readonly (readonly [string, string])[] } = {
  description: 'ولاية + a place in a text that names the Islamic State: an IS province',
  example:
    'داعش تعلن عن ولاية الفرات بين سوريا والعراق → ISIS, Syria, Iraq; أعلن تنظيم الدولة ضم البوكمال إلى ولاية الفرات → ISIS, al-Bukamal; ' +
    'ويسعى التنظيم لتصبح الولاية الثانية تحت سيطرته بعد ولاية الرقة → (none); تقدمت القوات نحو الموصل بعد إعلان داعش → Mosul, ISIS',
  words: wordSet('ولاية', 'ولايتي'),
  organisation: wordSet('داعش', 'الدواعش', 'التنظيم', 'الخلافة'),
  pairs: [
    ['تنظيم', 'الدولة'],
    ['الدولة', 'الإسلامية'],
  ].map(([a, b]) => [normaliseKey(a!), normaliseKey(b!)] as const),
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
  /** A known armed group within `near.words` of a weak place: war news, where places are named. */
  nearGroup: { weight: 0.2, example: 'ما بقي من مسلحي داعش في الميادين → al-Mayadin' },
  /** The same entity named elsewhere in the text (strongly, or weakly but accepted). */
  discourse: { weight: 0.3, example: 'الحشد الشعبي … بالحشد → PMF' },
  /** Its own proclitic is a preposition (ب, ل): "للقائم", "بالحشد"; like a bare preposition, never enough alone. */
  preposition: { weight: 0.2, for: ['place', 'outlet'] as readonly Category[], example: 'المقابلة للقائم → al-Qaim' },
  /** Quotation marks around it, as news writes names. */
  quoted: { weight: 0.2, example: '“المحطة الثانية” → T2' },
  /**
   * A definite word right before it that is no trigger: the weak name is an adjective
   * ("الوضع القائم", "the existing situation").
   */
  adjectival: { weight: -0.5, example: 'الوضع القائم → (none)' },
} as const;

/**
 * A country's nisba right after a name, naming another country than the entity's: another thing
 * of the same name (صحيفة الوطن البحرينية is not the Syrian al-Watan). Only entities whose gazetteer
 * row gives a country are checked; a nisba naming their own country is evidence for them
 * (TRIGGERS_AFTER). Masculine and feminine, both spellings of "American".
 */
export const NISBA_COUNTRY: { description: string; example: string; nisbas: ReadonlyMap<string, string> } = {
  description: "a country nisba after a name that names another country than the entity's",
  example:
    'في صحيفة الوطن البحرينية → (none); رأت صحيفة "الوطن" القطرية → (none); نقلت صحيفة الوطن السورية → al-Watan (Syria); ' +
    'مدينة القائم العراقية → al-Qaim',
  nisbas: new Map(
    (
      [
        ['IQ', 'العراقية', 'العراقي'], ['SY', 'السورية', 'السوري'], ['BH', 'البحرينية', 'البحريني'],
        ['QA', 'القطرية', 'القطري'], ['LB', 'اللبنانية', 'اللبناني'], ['EG', 'المصرية', 'المصري'],
        ['SA', 'السعودية', 'السعودي'], ['JO', 'الأردنية', 'الأردني'], ['KW', 'الكويتية', 'الكويتي'],
        ['AE', 'الإماراتية', 'الإماراتي'], ['TR', 'التركية', 'التركي'], ['IR', 'الإيرانية', 'الإيراني'],
        ['US', 'الأمريكية', 'الأمريكي', 'الأميركية', 'الأميركي'], ['RU', 'الروسية', 'الروسي'],
        ['FR', 'الفرنسية', 'الفرنسي'], ['GB', 'البريطانية', 'البريطاني'], ['OM', 'العمانية', 'العماني'],
        ['YE', 'اليمنية', 'اليمني'], ['LY', 'الليبية', 'الليبي'], ['TN', 'التونسية', 'التونسي'],
        ['DZ', 'الجزائرية', 'الجزائري'], ['MA', 'المغربية', 'المغربي'], ['SD', 'السودانية', 'السوداني'],
        ['PS', 'الفلسطينية', 'الفلسطيني'], ['IL', 'الإسرائيلية', 'الإسرائيلي'], ['DE', 'الألمانية', 'الألماني'],
      ] as const
    ).flatMap(([code, ...words]) => words.map((w) => [normaliseKey(w), code] as [string, string])),
  ),
};
