/**
 * The "first mention only" highlight mode (an option): only the first mention of each name in
 * document order is painted, as a reader who knows the page's cast wants; every mention stays in
 * the index, so the later ones still open their card on hover and count on the badge. Applied
 * after each scan pass (and at once when the option changes): a scan pass ends before its ranges
 * are first painted (Highlighter's batching), so on an ordinary page the later mentions never
 * flash; content added later is thinned when its pass ends.
 */
import type { Highlighter } from './highlighter.ts';
import type { MentionIndex } from './mention-index.ts';

export class FirstMentionFilter {
  /** Whether later mentions were taken off the highlights (and must come back when the mode ends). */
  private thinned = false;

  constructor(
    private readonly index: MentionIndex,
    private readonly highlighter: Pick<Highlighter, 'add' | 'delete'>,
  ) {}

  /** Paint the first mention of each name only (`firstOnly`), or every mention again. */
  apply(firstOnly: boolean): void {
    if (!firstOnly && !this.thinned) return;
    const seen = new Set<string>();
    for (const m of this.index.inDocumentOrder()) {
      if (!firstOnly || !seen.has(m.entityId)) {
        seen.add(m.entityId);
        // Adding a range already painted is harmless (a Highlight is a set), and brings back a
        // first mention whose earlier twin the page removed.
        if (firstOnly || this.thinned) this.highlighter.add(m.category, m.range);
      } else {
        this.highlighter.delete(m.category, m.range);
      }
    }
    this.thinned = firstOnly;
  }
}
