/**
 * Round 7: gender agreement. A town, city or province is feminine in Arabic: as the subject that
 * opens a sentence it takes a feminine verb ("الموصل تستضيف النهائي", "ديالى تشهد أمطارا"). The same
 * name with a masculine imperfect verb right after it is something masculine named after it: a club
 * ("ديالى يتعادل مع الكرخ"), a team, a man. Rivers and countries are left out: الفرات and العراق
 * are masculine themselves ("الفرات يلفظ أنفاسه الأخيرة"); so are names of two words or more, whose
 * head may be masculine (دير الزور، البوكمال), and names with a proclitic or a word before them
 * in the sentence (not the subject that opens it: "وفي دمشق يستضيف الشرطة فريق حطين").
 */
import { normaliseKey } from '../arabic/normalise.ts';
import { wordAfter, Words } from '../arabic/tokenise.ts';
import type { EntityKind } from '../types.ts';

export const MASCULINE_VERB_AFTER: {
  description: string;
  example: string;
  kinds: ReadonlySet<EntityKind>;
  notVerbs: ReadonlySet<string>;
  minLetters: number;
} = {
  description: 'a one-word town, city or province opening a sentence with a masculine imperfect verb after it is no place: a club or a man',
  example:
    'الأنبار يتعادل مع الطلبة في الدوري → (none); الأنبار يتعاقد مع مهاجم جديد → (none); ' +
    'الموصل يقلب الطاولة على أربيل → (none); الرقة تستعيد الحياة بعد الحرب → Raqqa; الرقة يوم الجمعة → Raqqa; ' +
    'الرقة يعود إليها النازحون بعد التحرير → Raqqa; وفي دمشق يستضيف الشرطة فريق حطين → Damascus; العراق يستعد للانتخابات → Iraq; البوكمال يشهد معارك عنيفة → al-Bukamal',
  kinds: new Set<EntityKind>(['city', 'town', 'village', 'governorate', 'district']),
  // Words that begin with ي and are no verbs: a day or a month after a place opens a dateline or a headline.
  notVerbs: new Set(
    ['يوم', 'يوما', 'يومي', 'يوميا', 'يومين', 'يومان', 'يونيو', 'يوليو', 'يناير', 'يمين', 'يسار', 'يمنى', 'يسرى', 'يهود', 'ينابيع', 'ينبوع'].map(
      normaliseKey,
    ),
  ),
  // ي + a root of three letters at least.
  minLetters: 4,
};

/** A one-word name whose first part is a masculine noun (أبو: البوكمال، أبوكمال) may take the masculine. */
const MASCULINE_HEAD = /^(?:ال)?(?:ابو|بو)/;

/**
 * MASCULINE_VERB_AFTER: the name opens its sentence (`opensSentence`), has no proclitic, is one
 * word, names a place of one of the kinds, and the word right after it is a masculine imperfect
 * verb (ي or سي, no pronoun suffix pointing back to the name: "يعبره").
 */
export function masculineVerbAfter(text: string, end: number, key: string, kind: EntityKind): boolean {
  const rule = MASCULINE_VERB_AFTER;
  if (!rule.kinds.has(kind) || MASCULINE_HEAD.test(key)) return false;
  const next = wordAfter(text, end);
  if (!next || next.breakBetween) return false;
  const verb = next.norm.startsWith('سي') ? next.norm.slice(1) : next.norm;
  if (!verb.startsWith('ي') || verb.length < rule.minLetters || rule.notVerbs.has(verb)) return false;
  if (verb.endsWith('ه') || verb.endsWith('ها')) return false;
  // The name as a topic, the verb's subject after it: "الرقة يعود إليها النازحون" (a pronoun pointing back).
  const words = new Words(text.slice(end, end + 60));
  return !(words.count > 1 && !words.breakBefore(1) && BACK_POINTER.test(words.norm(1)));
}
const BACK_POINTER = /^(?:و?(?:الي|في|من|عن|علي|ل|ب)ها)$/;
