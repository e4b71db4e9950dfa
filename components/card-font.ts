/**
 * The hover card's text size, from the text the reader is reading: a card at a fixed 13–14 px next
 * to a site's 19 px body reads as a footnote. A little smaller than the page's text (the card is a
 * note beside it), never below what reads comfortably nor above what keeps it compact.
 */
export const CARD_FONT_SCALE = 0.9;
export const CARD_FONT_MIN_PX = 14;
export const CARD_FONT_MAX_PX = 18;

/** The card's font size in px for a name inside `element` (the page's computed size; 16 if unknown). */
export function cardFontPx(element: Element | null | undefined): number {
  let pagePx = 16;
  try {
    if (element) pagePx = parseFloat(getComputedStyle(element).fontSize) || 16;
  } catch {
    // A detached node or a foreign frame's element: the default.
  }
  return Math.round(Math.min(CARD_FONT_MAX_PX, Math.max(CARD_FONT_MIN_PX, pagePx * CARD_FONT_SCALE)));
}
