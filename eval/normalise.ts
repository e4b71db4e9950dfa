/**
 * A loose Arabic normalisation for comparing a gold surface with gazetteer names (scoring only;
 * the detector has its own in core/arabic). Drops diacritics, tatweel, quotes and joiners, unifies
 * alef, ya and ta marbuta forms, and squeezes spaces.
 */
export function normaliseForLookup(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u064B-\u065F\u0670\u0640\u200B-\u200F«»"“”'’]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/\s+/g, ' ')
    .trim();
}
