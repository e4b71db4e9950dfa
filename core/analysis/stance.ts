/**
 * Words that carry a stance when they stand next to a name: an outlet that writes "داعش الإرهابي",
 * "المناطق المحررة" or "ميليشيات الحشد" takes a side that "تنظيم داعش", "سيطرة" or "قوات الحشد" do
 * not. A general lexicon of word classes, never a list per entity: outlet-naming.ts counts which
 * of these words stand around each outlet's mentions of an entity.
 *
 * Forms are normalised (core/arabic/chars.ts: no hamza on alef, ة as ه, ى as ي) and written
 * without the article ال or proclitics, which are stripped before the look-up. A form ending in
 * `*` takes any ending ("ارهاب*": إرهابي، الإرهابية، إرهابيين); the others must match whole.
 * Each class's `example` is `phrase → the word found`, checked by test/core/stance.test.ts.
 */
import { procliticReadings } from '../arabic/clitics.ts';

export type StanceId =
  | 'terror'
  | 'liberation'
  | 'capture'
  | 'militia'
  | 'occupation'
  | 'regime'
  | 'mercenary'
  | 'takfiri'
  | 'extremist'
  | 'gang'
  | 'martyr'
  | 'resistance'
  | 'aggression'
  | 'rebel'
  | 'praise';

export interface StanceClass {
  id: StanceId;
  /** What writing the word says about the one it stands next to. */
  description: string;
  forms: readonly string[];
  example: string;
}

export const STANCE_CLASSES: readonly StanceClass[] = [
  { id: 'terror', description: 'calls it terrorist', forms: ['ارهاب*'], example: 'تنظيم داعش الإرهابي → الإرهابي' },
  {
    id: 'liberation',
    description: 'takes the taking of a place for its liberation',
    forms: ['تحرير*', 'محرر*', 'حرر*', 'تحرر*'],
    example: 'دخول المناطق المحررة في البوكمال → المحررة',
  },
  {
    id: 'capture',
    description: 'says a place was captured or controlled: the plain word where others say liberated',
    forms: ['سيطر*', 'استعاد*', 'انتزاع'],
    example: 'بعد سيطرتها على منفذ ربيعة → سيطرتها',
  },
  { id: 'militia', description: 'calls an armed force a militia', forms: ['ميليشي*', 'مليشي*'], example: 'ميليشيات الحشد الشعبي → ميليشيات' },
  { id: 'occupation', description: 'calls a presence an occupation', forms: ['احتلال*', 'محتل*'], example: 'قوات الاحتلال الأمريكي → الاحتلال' },
  { id: 'regime', description: 'calls a government "the regime"', forms: ['نظام'], example: 'قوات النظام السوري → النظام' },
  { id: 'mercenary', description: 'calls fighters mercenaries', forms: ['مرتزق*'], example: 'المرتزقة الأجانب في دير الزور → المرتزقة' },
  { id: 'takfiri', description: 'calls a group takfiri', forms: ['تكفيري*'], example: 'الجماعات التكفيرية في سوريا → التكفيرية' },
  { id: 'extremist', description: 'calls a group extremist', forms: ['متطرف*', 'تطرف'], example: 'التنظيم المتطرف في الرقة → المتطرف' },
  { id: 'gang', description: 'calls a group a gang', forms: ['عصاب*'], example: 'عصابات داعش في الميادين → عصابات' },
  { id: 'martyr', description: 'counts its dead as martyrs', forms: ['شهيد', 'شهدا', 'استشهاد', 'استشهد*'], example: 'استشهاد جنديين من الجيش السوري → استشهاد' },
  { id: 'resistance', description: 'calls a side "the resistance"', forms: ['مقاوم*'], example: 'فصائل المقاومة العراقية → المقاومة' },
  { id: 'aggression', description: 'calls an attack an aggression', forms: ['عدوان*', 'اعتدا*'], example: 'العدوان الأمريكي على سوريا → العدوان' },
  { id: 'rebel', description: 'calls fighters rebels or revolutionaries', forms: ['متمرد*', 'ثوار', 'ثاير*'], example: 'الثوار في ريف دير الزور → الثوار' },
  { id: 'praise', description: 'praises the fighters', forms: ['بواسل', 'باسل', 'باسله', 'ابطال', 'بطولي*', 'بطوله'], example: 'أبطال الجيش العربي السوري → أبطال' },
];

const ARTICLE = 'ال';

interface Form {
  stance: StanceId;
  stem: string;
  open: boolean;
}

const EXACT = new Map<string, StanceId>();
const OPEN: Form[] = [];
for (const c of STANCE_CLASSES) {
  for (const f of c.forms) {
    if (f.endsWith('*')) OPEN.push({ stance: c.id, stem: f.slice(0, -1), open: true });
    else EXACT.set(f, c.id);
  }
}
// Longest stems first: the most specific one names the class.
OPEN.sort((a, b) => b.stem.length - a.stem.length);

/** The class of a bare normalised word (no clitics, no article), if any. */
function classOfBare(word: string): StanceId | undefined {
  const exact = EXACT.get(word);
  if (exact) return exact;
  for (const f of OPEN) if (word.length >= f.stem.length && word.startsWith(f.stem)) return f.stance;
  return undefined;
}

/**
 * The stance class of a normalised word as written in a text (proclitics and article still on),
 * and the reading it was found under (`name`: the word without its proclitics, article kept).
 */
export function stanceOf(word: string): { stance: StanceId; name: string } | undefined {
  const readings = procliticReadings(word);
  // Bare reading last in procliticReadings; try it first: "بطولية" is a word, not ب + طولية.
  for (const name of [readings[readings.length - 1]!, ...readings.slice(0, -1)]) {
    const bare = name.startsWith(ARTICLE) && name.length > ARTICLE.length + 1 ? name.slice(ARTICLE.length) : name;
    const stance = classOfBare(bare) ?? classOfBare(name);
    if (stance) return { stance, name };
  }
  return undefined;
}
