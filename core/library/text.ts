/**
 * Plain text as the library keeps it: paragraphs of single-spaced text separated by one blank line.
 */

/** Whitespace runs (no-break and zero-width spaces included) to one space, ends trimmed. */
export function tidyParagraph(text: string): string {
  return text.replace(/[\s\u00A0\u200B\uFEFF]+/g, ' ').trim();
}

/** Non-empty paragraphs joined by a blank line. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.map(tidyParagraph).filter((p) => p !== '').join('\n\n');
}

/**
 * The paragraphs of a plain text. Two layouts are common and each is read as its writer meant:
 *  - blank lines between paragraphs ("فقرة أولى\nتكملتها\n\nفقرة ثانية") → blocks, their lines joined;
 *  - one paragraph a line, no blank lines (how the corpus files and most copy-pastes look) → lines.
 */
export function plainParagraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  const blocks = /\n[ \t\u00A0]*\n/.test(normalised) ? normalised.split(/\n[ \t\u00A0]*\n/) : normalised.split('\n');
  return blocks.map(tidyParagraph).filter((p) => p !== '');
}

/** Compares headlines without spacing, punctuation or hamza differences. */
export function sameHeadline(a: string, b: string): boolean {
  const fold = (s: string) => s.replace(/[أإآ]/g, 'ا').replace(/[^\p{L}\p{N}]/gu, '');
  return fold(a) !== '' && fold(a) === fold(b);
}
