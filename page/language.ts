/**
 * Is the page's main text Arabic? The extension does nothing anywhere else, so this runs first, on
 * every page, and must be cheap: it reads the document's declared language, then counts letters in
 * a bounded sample of text nodes (no layout, no computed styles).
 *
 * Declarations are trusted only one way: `lang="ar"` is enough, but many Arabic sites keep a
 * template's `lang="en"`, so a non-Arabic lang still goes to the sample. `dir="rtl"` is no evidence
 * on its own (Hebrew, Persian and Urdu pages have it too); the letters decide.
 */
import { isArabicWordLetter } from '../core/arabic/chars.ts';
import { ARABIC_SHARE_MIN, LANGUAGE_MIN_LETTERS, LANGUAGE_SAMPLE_CHARS } from '../lib/constants.ts';

export type LanguageVerdict =
  | { arabic: true; reason: 'lang' | 'sample' }
  | { arabic: false; reason: 'sample' }
  /** Too little text to tell yet (an app shell before it renders). */
  | { arabic: false; reason: 'undecided' };

function isOtherLetter(c: number): boolean {
  // Latin, Greek, Cyrillic, Hebrew letters are what Arabic pages mix with, or what other pages are
  // made of; digits and punctuation say nothing.
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f) ||
    (c >= 0x370 && c <= 0x52f) ||
    (c >= 0x5d0 && c <= 0x5ea)
  );
}

/**
 * Letters of the Arabic script that Arabic itself does not use but Persian, Urdu, Kurdish, Pashto
 * … use all the time: Farsi yeh and keheh (which replace ي and ك there), پ چ ژ گ, Urdu ٹ ڈ ڑ ں ھ ہ ے,
 * Kurdish ڵ ڕ ۆ ێ ە, Pashto ټ ډ ړ ږ ښ ګ ڼ ې.
 */
function isOtherArabicScriptLetter(c: number): boolean {
  switch (c) {
    case 0x067e: case 0x0686: case 0x0698: case 0x06af: case 0x06a9: case 0x06cc: case 0x06c0: // Persian
    case 0x0679: case 0x0688: case 0x0691: case 0x06ba: case 0x06be: case 0x06c1: case 0x06c2: case 0x06d2: case 0x06d3: // Urdu
    case 0x06b5: case 0x0695: case 0x06c6: case 0x06ce: case 0x06d5: // Kurdish
    case 0x067c: case 0x0689: case 0x0693: case 0x0696: case 0x069a: case 0x06ab: case 0x06bc: case 0x06d0: // Pashto
      return true;
    default:
      return false;
  }
}

/** Letters only Arabic writes (ي ك ة ى): Persian and Urdu text has their own forms instead. */
function isArabicOnlyLetter(c: number): boolean {
  return c === 0x064a || c === 0x0643 || c === 0x0629 || c === 0x0649;
}

/**
 * Counts of Arabic-script and other letters in a text; of the Arabic-script ones, how many only
 * Arabic uses (`arabicOnly`) and how many only the other languages in the script use (`otherScript`).
 */
export function letterCounts(text: string): { arabic: number; other: number; arabicOnly: number; otherScript: number } {
  let arabic = 0;
  let other = 0;
  let arabicOnly = 0;
  let otherScript = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isArabicWordLetter(c)) {
      arabic++;
      if (isArabicOnlyLetter(c)) arabicOnly++;
      else if (isOtherArabicScriptLetter(c)) otherScript++;
    } else if (isOtherLetter(c)) other++;
  }
  return { arabic, other, arabicOnly, otherScript };
}

/**
 * The verdict on a sample of text alone. Arabic-script text counts as Arabic unless the letters
 * only Persian, Urdu and their neighbours use outnumber those only Arabic uses two to one (each
 * makes some 10% of its language's letters, the other's next to none): a Persian or Urdu page
 * without a lang attribute is left alone, an Arabic page quoting Persian is not.
 */
export function judgeSample(text: string): LanguageVerdict {
  const { arabic, other, arabicOnly, otherScript } = letterCounts(text);
  if (arabic + other < LANGUAGE_MIN_LETTERS) return { arabic: false, reason: 'undecided' };
  if (otherScript > 2 * arabicOnly) return { arabic: false, reason: 'sample' };
  return arabic / (arabic + other) >= ARABIC_SHARE_MIN
    ? { arabic: true, reason: 'sample' }
    : { arabic: false, reason: 'sample' };
}

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'svg', 'SVG']);

/** Up to `max` characters of the body's text, from text nodes outside scripts and styles. */
export function sampleText(doc: Document, max = LANGUAGE_SAMPLE_CHARS): string {
  const root = doc.body ?? doc.documentElement;
  if (!root) return '';
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && NOT_TEXT.has((node as Element).tagName)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  let out = '';
  for (let n = walker.nextNode(); n && out.length < max; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) out += (n as Text).data;
  }
  return out.slice(0, max) + ' ' + (doc.title ?? '');
}

/** Whether the language tag names Arabic (ar, ar-SA, ar-IQ …). */
export function isArabicLangTag(tag: string | null | undefined): boolean {
  return !!tag && /^ar(-|_|$)/i.test(tag.trim());
}

const OTHER_ARABIC_SCRIPT = /^(fa|ur|ps|ku|ckb|sd|ug|prs|pnb|bal)(-|_|$)/i;

export function detectPageLanguage(doc: Document): LanguageVerdict {
  const html = doc.documentElement;
  if (isArabicLangTag(html?.getAttribute('lang')) || isArabicLangTag(html?.getAttribute('xml:lang'))) {
    return { arabic: true, reason: 'lang' };
  }
  if (isArabicLangTag(doc.body?.getAttribute('lang'))) return { arabic: true, reason: 'lang' };
  // Persian, Urdu, Kurdish … are written in Arabic script: their letters would pass the sample.
  if (OTHER_ARABIC_SCRIPT.test(html?.getAttribute('lang')?.trim() ?? '')) return { arabic: false, reason: 'sample' };
  return judgeSample(sampleText(doc));
}
