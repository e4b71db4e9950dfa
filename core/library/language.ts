/**
 * The language of a document: what it declares, unless its text plainly says otherwise. Pure.
 */

/** Languages written in Arabic script: a page declaring one of them is believed. */
const ARABIC_SCRIPT_LANGUAGES = new Set(['ar', 'fa', 'ur', 'ps', 'ku', 'ckb', 'sd', 'ug', 'ks']);

/** Below this many letters a text is too short to overrule what the page declares. */
const MIN_LETTERS_TO_OVERRULE = 50;

/** A text's language shows in its opening; counting further only costs time (a 5 MB import). */
const SAMPLE_CHARS = 5000;

/** Arabic-script letters: the Arabic block's letters, its supplement and extended-A (Persian, Urdu, Kurdish letters). */
function isArabicLetter(c: number): boolean {
  return (c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08c9);
}

const OTHER_LETTER = /\p{L}/u;

/** Share of Arabic-script letters among all letters of the text's opening (0 when it has none). */
export function arabicLetterShare(text: string): { share: number; letters: number } {
  let arabic = 0;
  let letters = 0;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isArabicLetter(c)) {
      arabic++;
      letters++;
    } else if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) letters++; // ASCII letters, the common case
    else if (c >= 0xc0 && OTHER_LETTER.test(text[i]!)) letters++; // other scripts (astral-plane letters go uncounted: rare in news)
  }
  return { share: letters === 0 ? 0 : arabic / letters, letters };
}

/**
 * Rules, in order, each with the case it is for:
 *  - declared 'ar-EG'                            → 'ar' (the primary subtag is what the library filters on)
 *  - declared 'en-US', text 95% Arabic letters   → 'ar' (WordPress themes ship lang="en-US" on Arabic sites)
 *  - declared 'fr', text in Latin letters        → 'fr'
 *  - nothing declared, mostly Arabic letters     → 'ar'
 *  - nothing declared, other letters             → 'und' (BCP 47 "undetermined": Latin script alone does not say which language)
 */
export function documentLanguage(declared: string | undefined | null, text: string): string {
  const primary = (declared ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const { share, letters } = arabicLetterShare(text);
  if (/^[a-z]{2,3}$/.test(primary)) {
    const overruled = !ARABIC_SCRIPT_LANGUAGES.has(primary) && letters >= MIN_LETTERS_TO_OVERRULE && share >= 0.8;
    return overruled ? 'ar' : primary;
  }
  return share >= 0.5 ? 'ar' : 'und';
}
