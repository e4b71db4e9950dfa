/**
 * Is the page's main text Arabic? The extension does nothing anywhere else, so this runs first, on
 * every page, and must be cheap: it reads the document's declared language, then counts letters in
 * a bounded sample of text nodes (no layout, no computed styles).
 *
 * Declarations are trusted only one way: `lang="ar"` is enough, but many Arabic sites keep a
 * template's `lang="en"`, so a non-Arabic lang still goes to the sample. `dir="rtl"` is no evidence
 * on its own (Hebrew, Persian and Urdu pages have it too); the letters decide.
 */
import { ARABIC_SHARE_MIN, LANGUAGE_MIN_LETTERS, LANGUAGE_SAMPLE_CHARS } from '../lib/constants.ts';

export type LanguageVerdict =
  | { arabic: true; reason: 'lang' | 'sample' }
  | { arabic: false; reason: 'sample' }
  /** Too little text to tell yet (an app shell before it renders). */
  | { arabic: false; reason: 'undecided' };

/** Arabic script blocks: Arabic, Supplement, Extended-A/B, Presentation Forms A and B. */
function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0620 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x06d3) ||
    (c >= 0x06fa && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x0870 && c <= 0x08ff) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfefc)
  );
}

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

/** Counts of Arabic and other letters in a text. */
export function letterCounts(text: string): { arabic: number; other: number } {
  let arabic = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isArabicLetter(c)) arabic++;
    else if (isOtherLetter(c)) other++;
  }
  return { arabic, other };
}

/** The verdict on a sample of text alone. */
export function judgeSample(text: string): LanguageVerdict {
  const { arabic, other } = letterCounts(text);
  if (arabic + other < LANGUAGE_MIN_LETTERS) return { arabic: false, reason: 'undecided' };
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
