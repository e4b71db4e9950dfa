/**
 * Round 6: datelines. A news item opens with where it was filed, next to the outlet's name:
 * "شفق نيوز- ديالى/", "بغداد/ شفق نيوز", "دمشق (رويترز) -". A place there is the place, whatever
 * the item is about (a league report filed from Diyala names the club too).
 */
import { CharRole, ROLE } from '../arabic/chars.ts';

export const DATELINE = {
  description: 'a place in the dateline at the head of an item (after the outlet and a dash, or before a slash): the place',
  // Also checked by test/core/context.test.ts: `يقول الصباغ: "الميادين منطقة جديدة` is no dateline.
  example:
    'شفق نيوز- الموصل/ تعادل فريق الموصل مع ضيفه في الدوري → Mosul; ' +
    'شفق نيوز- بغداد فاز فريق الموصل على ضيفه في الدوري → Baghdad; ' +
    'بغداد/ شفق نيوز: فاز فريق الموصل في الدوري → Baghdad; ' +
    'القائم/ شفق نيوز: أعلنت القيادة فتح المعبر → al-Qaim; سانا- الميادين: أعادت القوات فتح الطريق → al-Mayadin; ' +
    'القائم: القوات تفتح المعبر الحدودي → al-Qaim',
  /** What a dateline gives a weak place name: as much as a word for a kind of place (TRIGGERS_BEFORE). */
  weight: 0.6,
  /** How many words (the outlet's name) may stand before the dash or slash that opens the dateline. */
  outletWords: 3,
  /** A dateline lies within this many characters of the item's start. */
  within: 40,
  /**
   * The marks that close an outlet's name before a dateline. Not a colon: `يقول الصباغ: "الوعر منطقة…`
   * opens a quotation. After the text's first word a colon or a slash closes the dateline
   * (`الأنبار: مقتل …`، `بغداد/ شفق نيوز`).
   */
  marks: new Set(['-', '–', '—', '/']),
} as const;

/**
 * Whether the name at [start, end) is a dateline's place: after at most DATELINE.outletWords words
 * and a dash or slash at the text's start ("شفق نيوز- ديالى", "شفق نيوز- ديالى/ بغداد"), or the
 * text's first word followed by a slash or a colon ("بغداد/ شفق نيوز", "الأنبار: مقتل …").
 */
export function inDateline(text: string, start: number, end: number): boolean {
  if (start > DATELINE.within) return false;
  // Before: only words and dateline marks since the text's start, a mark right before the name.
  let i = start - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  if (i < 0) {
    // The text's first word: a slash (or a dash then the outlet) right after it.
    let j = end;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    return text[j] === '/' || text[j] === ':';
  }
  if (!DATELINE.marks.has(text[i]!)) return false;
  let words = 0;
  let inWord = false;
  for (let k = i - 1; k >= 0; k--) {
    const role = ROLE[text.charCodeAt(k)];
    if (role === CharRole.Letter) {
      if (!inWord) words++;
      inWord = true;
    } else {
      inWord = false;
      if (role !== CharRole.Space && !DATELINE.marks.has(text[k]!)) return false;
    }
  }
  return words >= 1 && words <= DATELINE.outletWords;
}

function isSpace(code: number): boolean {
  return ROLE[code] === CharRole.Space;
}
