/**
 * Reading the names without a pointer: `step` moves to the next / previous name on the page in
 * document order, scrolls it into view, marks it with the `khabar-current` highlight and opens its
 * card. The keys that step are the browser's, not the page's: manifest commands (lib/commands.ts,
 * remappable by the reader), which the background forwards to this frame (entrypoints/content/
 * commands.ts). The page only hears Escape from us, and only while something of ours is open.
 *
 * The first step looks for the first name in view: on a long list by binary search over the names
 * in document order (spatial.ts), measuring a few of them rather than every name from the top.
 * document.open() erases the key listener: it listens again (document-watch.ts).
 */
import { toLiveRange } from './collect-text.ts';
import { watchRootReplaced } from './document-watch.ts';
import type { Highlighter } from './highlighter.ts';
import type { MentionIndex, PlacedMention } from './mention-index.ts';
import { compareComposed } from './mention-index.ts';
import { firstInView, lastInView, type Box } from './spatial.ts';

export interface KeyboardOptions {
  doc: Document;
  index: MentionIndex;
  highlighter?: Highlighter;
  open: (m: PlacedMention) => void;
  /** Escape: close the card (only when one is open: Escape is the page's too). */
  close: () => void;
  isOpen: () => boolean;
}

/** Whether focus is where keys type text: inputs, textareas, selects, editable content. */
export function isEditableFocus(doc: Document): boolean {
  let el: Element | null = doc.activeElement;
  // Focus inside open shadow roots: follow it down.
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el) return false;
  if (doc.designMode === 'on') return true;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'range', 'color', 'file', 'image', 'reset', 'submit'].includes(type);
  }
  return (el as HTMLElement).isContentEditable === true;
}

export class KeyboardNavigator {
  private current: PlacedMention | undefined;
  private readonly abort = new AbortController();

  /** The key listener (again after document.open(): see listen()). */
  private listener = new AbortController();

  constructor(private readonly options: KeyboardOptions) {
    this.listen();
    watchRootReplaced(options.doc, () => this.listen(), this.abort.signal);
  }

  private listen(): void {
    this.listener.abort();
    this.listener = new AbortController();
    if (this.abort.signal.aborted) return;
    this.options.doc.defaultView?.addEventListener(
      'keydown',
      (e) => {
        try {
          this.onKey(e);
        } catch (error) {
          console.warn('[khabar] keyboard handler failed', error);
        }
      },
      { signal: this.listener.signal },
    );
  }

  get currentMention(): PlacedMention | undefined {
    return this.current;
  }

  stop(): void {
    this.abort.abort();
    this.listener.abort();
    this.clearCurrent();
  }

  clearCurrent(): void {
    this.current = undefined;
    this.options.highlighter?.setCurrent(null);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      if (this.options.isOpen()) this.options.close();
      if (this.current) this.clearCurrent();
    }
  }

  /** Moves to the next (1) or previous (-1) name; false when the page has none. */
  step(dir: 1 | -1): boolean {
    const list = this.options.index.inDocumentOrder();
    if (list.length === 0) return false;
    let i: number;
    const cur = this.current;
    if (cur && this.options.index.has(cur)) {
      i = list.indexOf(cur) + dir;
    } else if (cur) {
      // The current name was scanned again (its range object replaced): continue from its place.
      const after = list.findIndex((m) => compareComposed(cur.spec.startContainer, m.spec.startContainer) < 0);
      i = dir === 1 ? (after < 0 ? list.length : after) : (after < 0 ? list.length : after) - 1;
    } else {
      i = dir === 1 ? this.firstInView(list) : this.lastInView(list);
    }
    i = (i + list.length) % list.length;
    const m = list[i]!;
    this.current = m;
    this.options.highlighter?.setCurrent(m.range);
    scrollMentionIntoView(m);
    this.options.open(m);
    return true;
  }

  /** The first name at or below the top of the viewport: where the reader is reading. */
  private firstInView(list: readonly PlacedMention[]): number {
    return Math.max(0, firstInView(list, boxOf));
  }

  private lastInView(list: readonly PlacedMention[]): number {
    const h = this.options.doc.defaultView?.innerHeight ?? 0;
    const i = lastInView(list, boxOf, h);
    return i < 0 ? list.length - 1 : i;
  }
}

function boxOf(m: PlacedMention): Box {
  return toLiveRange(m.spec).getBoundingClientRect();
}

/** Scrolls so the name sits in the middle of the viewport (inner scroll containers first). */
export function scrollMentionIntoView(m: PlacedMention): void {
  const el = m.spec.startContainer.parentElement;
  const win = el?.ownerDocument.defaultView;
  if (!el || !win) return;
  const range = toLiveRange(m.spec);
  let r = range.getBoundingClientRect();
  if (r.top >= 0 && r.bottom <= win.innerHeight && r.left >= 0 && r.right <= win.innerWidth) return;
  el.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  r = range.getBoundingClientRect();
  const dy = r.top + r.height / 2 - win.innerHeight / 2;
  if (Math.abs(dy) > 1) win.scrollBy?.({ top: dy, behavior: 'instant' as ScrollBehavior });
}
