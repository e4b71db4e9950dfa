/**
 * Round 6: the sports-text prior. Whether a text is about sport is decided by how dense its sports
 * vocabulary is, not by one cue word; in such a text a place name that is also the name of a club
 * (CLUBS_NAMED_AFTER_PLACES) is read as the club unless evidence next to it says place
 * (detect.ts: sportsPlaceEvidence). Pure: words in, answer out.
 */
import { normaliseKey } from '../arabic/normalise.ts';
import type { Words } from '../arabic/tokenise.ts';
import { STREET_BEFORE, TRIGGERS_BEFORE } from './context.ts';

function wordSet(...words: string[]): ReadonlySet<string> {
  return new Set(words.map(normaliseKey));
}

/**
 * The sports vocabulary, in two tiers. `sure` words name sport whatever the sentence (a match, a
 * league, a stadium, a coach, goals scored, a shot, the goalmouth); `shared` words are sport's too
 * but other news uses them (a point, the centre, a team — الفريق is also a general's rank —, a
 * round of talks, a win, a cup, fans, the elected, objectives): they count only beside others. A word counts once per occurrence, a proclitic on
 * it allowed; pronoun suffixes are written out (مباراته، رصيده).
 */
export const SPORTS_LEXICON = {
  description: 'a text is about sport when its sports words are dense enough, not when it holds one',
  example:
    'رفع الموصل رصيده إلى 21 نقطة في المركز الرابع → sport; ارتقى الموصل إلى المركز 18 في جدول الترتيب → sport; وجرت المباراة على ملعب الموصل → sport; ' +
    'الموصل ونفط ميسان يحققان انتصارات حاسمة في الدوري → sport; ' +
    'قال الفريق الركن إن الموصل ستكون المركز الجديد للعمليات → not sport; ' +
    'سيطرت القوات على نقطة تفتيش في الموصل وفاز الجيش بمعركة المركز → not sport; ' +
    'انطلقت الجولة الثانية من المفاوضات حول الاتفاق النهائي بين بغداد وأربيل → not sport; ' +
    'حققت العملية أهدافها وأسكتت المدافع وقال المهاجم إنه سيواصل → not sport; ' +
    'تحرر مركز قضاء القائم وحي الجماهير ومنطقة الملعب في القائم → not sport',
  sure: wordSet(
    'الدوري', 'دوري', 'المباراة', 'مباراة', 'مباراته', 'مباراتها', 'مباراتين', 'مباريات', 'المباريات', 'ملعب', 'الملعب',
    'ملعبه', 'ملعبها', 'الملاعب', 'المدرب', 'مدرب', 'مدربه', 'المدربين', 'لاعبي', 'لاعبو', 'لاعبيه', 'لاعبا', 'لاعباً',
    'هدفا', 'هدفاً', 'هدفين', 'هدفان', 'الهدفين', 'الشوط', 'شوط', 'الشوطين', 'المرمى', 'مرمى', 'ركلة', 'ركلات', 'تسديدة',
    'تسديدات', 'كرة', 'الهداف', 'هداف', 'مشجعي', 'مشجعو', 'المشجعين', 'الكابتن', 'الاحتراف', 'المحترفين',
  ),
  // Sport's words that politics and war use too: a round of talks (الجولة), a season, a final
  // agreement (النهائي), heroism (بطولة), the elected (المنتخب), objectives (أهداف), guns (المدافع),
  // an attacker (المهاجم), a key player (لاعب), a guard (حارس), "the ball is in their court" (الكرة).
  shared: wordSet(
    'نقطة', 'نقاط', 'النقاط', 'نقطتين', 'النقطة', 'المركز', 'مركز', 'رصيد', 'رصيده', 'رصيدها', 'فريق', 'الفريق',
    'فريقي', 'الفريقين', 'فرق', 'الفرق', 'فوز', 'الفوز', 'فاز', 'يفوز', 'فوزه', 'خسارة', 'الخسارة', 'خسر', 'انتصار',
    'انتصارات', 'كأس', 'الجماهير', 'جماهير', 'جمهور', 'ضيفه', 'ضيف', 'مضيفه', 'نظيره', 'منافسات', 'المنافسات',
    'الدقيقة', 'دقيقة', 'لقب', 'اللقب', 'النتيجة', 'بنتيجة', 'الذهاب', 'التشكيلة', 'يحققان', 'حقق', 'فوزا',
    'فوزاً', 'الانتصارات', 'هزيمة', 'الهزيمة', 'خسارته', 'يلتقي', 'التقى', 'يواجه', 'واجه', 'مواجهة', 'يضم', 'صفقة',
    'التعاقد', 'تعاقد', 'سلبيا', 'سلبياً', 'الجولة', 'جولة', 'الموسم', 'للموسم', 'المواسم', 'الدرجة', 'الممتاز',
    'الممتازة', 'النهائي', 'البطولة', 'بطولة', 'الصعود', 'الهبوط', 'التأهل', 'تأهل', 'الترتيب', 'حارس', 'الكرة',
    'أهداف', 'المدافع', 'مدافع', 'المهاجم', 'مهاجم', 'مهاجمه', 'لاعب', 'اللاعب', 'اللاعبين', 'لاعبين', 'المنتخب',
    'منتخب', 'الصدارة', 'المتصدر', 'متصدر', 'يتصدر', 'تصدر', 'الإياب', 'التعادل', 'تعادل', 'يتعادل', 'بالتعادل',
    'أندية', 'الأندية', 'النادي', 'نادي',
  ),
  /**
   * Shared words that are sure next to a number: a score of points or a rank ("21 نقطة", "للنقطة 12",
   * "المركز 18"); a checkpoint (نقطة تفتيش) has none.
   */
  counted: wordSet('نقطة', 'نقاط', 'النقطة', 'النقاط', 'نقطتين', 'المركز', 'مركز', 'الدقيقة'),
  /** Weight of a sure word; a shared word weighs 1. */
  sureWeight: 2,
  /** The least weight a sports text holds: a sure word and a shared one, or … */
  least: 3,
  /** … with no sure word, four shared ones ("رفع رصيده إلى 21 نقطة في المركز الرابع … رصيد" ; a war
   * report's "نقطة تفتيش … فاز … المركز" is three). */
  leastShared: 4,
  /** And at least this weight per word of the text: a long war report with a "point" and a "team" is no sports text. */
  perWord: 1 / 12,
} as const;

/**
 * Whether `text` is a sports text by SPORTS_LEXICON. `words` gives the text's words (made only when
 * the text holds two lexicon words at least), `readingsOf` a word's readings with its proclitics off
 * (detect.ts keeps them cached). Only the words LEXICON_HINTS finds are read: reading every word of
 * a page would cost detect most of its speed.
 */
export function isSportsText(text: string, words: () => Words, readingsOf: (word: string) => readonly string[]): boolean {
  const lexicon = SPORTS_LEXICON;
  const hints = new RegExp(LEXICON_HINTS.source, 'g');
  const at: number[] = [];
  for (let m = hints.exec(text); m; m = hints.exec(text)) at.push(m.index);
  // Each hit is one word at most, of weight sureWeight at most.
  if (at.length * lexicon.sureWeight < lexicon.least) return false;
  const w = words();
  if (at.length * lexicon.sureWeight < w.count * lexicon.perWord) return false;
  let weight = 0;
  let anySure = false;
  let last = -1;
  for (const offset of at) {
    const i = w.at(offset);
    if (i === last || i >= w.count) continue;
    last = i;
    // A place named after the word is no sports word: "حي الجماهير", "منطقة الملعب".
    if (i > 0 && !w.breakBefore(i) && namesAPlace(readingsOf(w.norm(i - 1)))) continue;
    const readings = readingsOf(w.norm(i));
    let sure = false;
    let shared = false;
    for (const r of readings) {
      if (lexicon.sure.has(r)) sure = true;
      else if (lexicon.shared.has(r)) shared = true;
      if (lexicon.counted.has(r) && (isNumber(w, i - 1) || isNumber(w, i + 1))) sure = true;
    }
    weight += sure ? lexicon.sureWeight : shared ? 1 : 0;
    if (sure) anySure = true;
  }
  return weight >= (anySure ? lexicon.least : lexicon.leastShared) && weight >= w.count * lexicon.perWord;
}

/**
 * Every lexicon word as the page may write it (ه/ة, the alifs, ي/ى), shortest forms only (a longer
 * word holding a shorter one is found through it): where a sports word can stand. Made from the
 * lexicon, so the two cannot drift apart; a word with a diacritic inside is not found (rare in news).
 */
const LEXICON_HINTS: RegExp = (() => {
  const all = [...SPORTS_LEXICON.sure, ...SPORTS_LEXICON.shared, ...SPORTS_LEXICON.counted].map((w) => (w.startsWith('ال') ? w.slice(2) : w));
  const unique = [...new Set(all)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const w of unique) if (!kept.some((k) => w.includes(k))) kept.push(w);
  return new RegExp(trieSource(kept));
})();

/**
 * A regular expression's source for a set of words, as a trie (common prefixes written once: the
 * engine then tries one branch per letter, not every word at every position), each letter standing
 * for its written forms.
 */
function trieSource(words: readonly string[]): string {
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  const root: Node = { end: false, next: new Map() };
  for (const w of words) {
    let node = root;
    for (const c of w) {
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const FOLDED: Record<string, string> = { ه: '[هة]', ا: '[اأإآ]', ي: '[يى]' };
  const write = (node: Node): string => {
    // A word ending here is found already: what follows it need not be (kept holds no longer word anyway).
    if (node.end) return '';
    const branches = [...node.next].map(([c, child]) => (FOLDED[c] ?? c) + write(child));
    return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  };
  return write(root);
}

/** Words for a kind of place, street or square: the word after them is a name. */
const PLACE_WORDS: readonly ReadonlySet<string>[] = [TRIGGERS_BEFORE[0]!.words, STREET_BEFORE.words];
function namesAPlace(readings: readonly string[]): boolean {
  for (const set of PLACE_WORDS) for (const r of readings) if (set.has(r)) return true;
  return false;
}

/** Whether word i is a number (digits; Arabic-Indic digits are folded to ASCII ones). */
function isNumber(words: Words, i: number): boolean {
  if (i < 0 || i >= words.count) return false;
  const w = words.norm(i);
  return w.length > 0 && w.charCodeAt(0) >= 0x30 && w.charCodeAt(0) <= 0x39;
}

/**
 * Clubs named after a place of the gazetteer, by the name a league report gives them bare
 * (data, with where each is attested). Countries are not here: "فاز العراق" is the national team,
 * which news and ANERcorp name as the country. A club whose bare name is not the place's (أمانة
 * بغداد، نفط ميسان) is read by the club-word rules, not by the prior.
 */
export const CLUBS_NAMED_AFTER_PLACES: readonly { name: string; club: string; source: string }[] = [
  { name: 'ديالى', club: 'Diyala SC (Baqubah), Iraq Stars League', source: 'Shafaq News league reports (eval/src/homographs.heldout3.txt, heldout4)' },
  { name: 'الموصل', club: 'Al-Mosul SC, Iraq Stars League from 2025', source: 'eval/src/homographs.heldout3.txt (فريق الموصل, تغلب الموصل على القاسم); tareeqashaab.com column on the promoted clubs' },
  { name: 'نينوى', club: 'Ninawa SC (Mosul), Iraqi First Division', source: 'Iraqi league tables (Iraq Football Association)' },
  { name: 'صلاح الدين', club: 'Salahaddin SC (Tikrit), Iraqi Premier Division', source: 'eval/src/homographs.heldout4.txt (أندية صلاح الدين); Iraqi league tables' },
  { name: 'الأنبار', club: 'the clubs of Anbar (Al-Ramadi, Al-Qaim …) named by their province', source: 'eval/src/homographs.heldout4.txt (أندية … والانبار)' },
  { name: 'القائم', club: 'Al-Qaim SC, Iraqi First Division', source: 'Iraqi league tables (Iraq Football Association)' },
  { name: 'الفرات', club: 'Al-Furat SC (Raqqa) and Al-Furat of Kobani (AANES league)', source: 'eval/src/homographs.txt (نادي الفرات), homographs.heldout2/heldout4 (فريق الفرات)' },
];

/** The club names above, normalised as detect's keys are. */
export const CLUB_NAMES: ReadonlySet<string> = new Set(CLUBS_NAMED_AFTER_PLACES.map((c) => normaliseKey(c.name)));

/**
 * The prior itself, as a rule with examples (test/core/context.test.ts runs them row by row). The
 * four phrasings round 5 left (standings, a stadium, "for" a club and dual verbs, coordination
 * after a plural club word) are all one class here: a club's name with no place evidence in a
 * sports text.
 */
export const SPORTS_PRIOR = {
  description: 'a place that names a club, in a sports text, with no place evidence next to it: the club',
  example:
    'وبهذه النتيجة رفع الموصل رصيده إلى 21 نقطة في المركز الرابع → (none); ' +
    'وتقام المباراة على ملعب الموصل في الجولة المقبلة → (none); ' +
    'أضاف المهاجم هدفا ثانيا للموصل في الدقيقة 63 من المباراة → (none); ' +
    'الموصل ونفط ميسان يحققان انتصارات حاسمة في الدوري → (none); ' +
    'تستهدف الوصول إلى الدوري الممتاز للموسم المقبل من أندية صلاح الدين والموصل والأنبار → (none); ' +
    'عاد لاعبو الفريق إلى الموصل بعد المباراة في الدوري → Mosul; ' +
    'أقيمت المباراة في مدينة الموصل ضمن الدوري → Mosul; ' +
    'فاز فريق بغداد على ضيفه في المباراة التي جرت في بغداد وسط الجماهير → Baghdad; ' +
    'قال الفريق الركن إن الموصل ستكون المركز الجديد للعمليات → Mosul',
} as const;
