/**
 * Hover intent: which name is under the pointer, and when the reader means it. A card opens after
 * the pointer rests on a name for HOVER_DWELL_MS, never while the pointer sweeps across the page
 * (FAST_POINTER_PX_PER_MS); it stays while the pointer is on the name or on the card, and closes
 * CLOSE_GRACE_MS after the pointer leaves both (time to cross the gap between them).
 *
 * Finding the name: pointer events are coalesced to one look-up per animation frame. Most moves
 * are over elements that hold no name, which the index rules out without any layout work; over an
 * element that does, caretPositionFromPoint (caretRangeFromPoint in older Chromium) gives the text
 * node and offset, the index the mention there in O(log n), and the mention's own client rects
 * confirm that the pointer is really on it (a caret position may be far from the pointer at line
 * ends or between paragraphs, and just past the middle of a glyph it points at the next one). When
 * that is not it (the caret is a glyph off at a name's edge, or in bidi text, or the caret APIs give
 * nothing useful: shadow trees in older engines, user-select: none), the name is searched by
 * position among the mentions of the caret's node, or of the element's text nodes: a binary search
 * over their lines (spatial.ts), so that a text node of 20,000 names costs a few measurements a
 * move, not 20,000.
 *
 * document.open() erases every listener of the document and its window: the controller listens
 * again when the document's root element is replaced (document-watch.ts).
 */
import {
  CLOSE_GRACE_MS,
  DWELL_FRAME_LEAD_MS,
  FAST_POINTER_PX_PER_MS,
  HOVER_DWELL_MS,
  POINTER_SPEED_WINDOW_MS,
} from '../lib/constants.ts';
import { toLiveRange } from './collect-text.ts';
import { watchRootReplaced } from './document-watch.ts';
import type { MentionIndex, PlacedMention } from './mention-index.ts';
import { boxesContain, itemAtPoint, type Box } from './spatial.ts';

export interface HoverOptions {
  doc: Document;
  index: MentionIndex;
  /** Whether an event happened inside the extension's card (its host element). */
  isInCard: (event: Event) => boolean;
  /** The mention whose card is open, if any. */
  openMention: () => PlacedMention | undefined;
  /** The pointer has settled on a name and the dwell began: a good moment to fetch its card. */
  onIntent?: (m: PlacedMention) => void;
  open: (m: PlacedMention) => void;
  close: () => void;
  /** Open shadow roots, for caret look-ups inside them. */
  shadowRoots?: () => readonly ShadowRoot[];
  /** The dwell (default HOVER_DWELL_MS); a function is read at each use (a setting may change it). */
  dwellMs?: number | (() => number);
  graceMs?: number;
}

interface Sample {
  x: number;
  y: number;
  t: number;
}

interface CaretDocument {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

/** The text position under a point, or null. */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: readonly ShadowRoot[] = [],
): { node: Node; offset: number } | null {
  const d = doc as unknown as CaretDocument;
  try {
    if (typeof d.caretPositionFromPoint === 'function') {
      const p =
        shadowRoots.length > 0
          ? d.caretPositionFromPoint.call(doc, x, y, { shadowRoots: [...shadowRoots] })
          : d.caretPositionFromPoint.call(doc, x, y);
      return p?.offsetNode ? { node: p.offsetNode, offset: p.offset } : null;
    }
    if (typeof d.caretRangeFromPoint === 'function') {
      const r = d.caretRangeFromPoint.call(doc, x, y);
      return r ? { node: r.startContainer, offset: r.startOffset } : null;
    }
  } catch {
    // Engines differ in which arguments they accept; no position is a safe answer.
  }
  return null;
}

/** Whether the point lies on one of the mention's line boxes (1 px of slack for rounding). */
export function mentionContainsPoint(m: PlacedMention, x: number, y: number): boolean {
  try {
    return boxesContain(toLiveRange(m.spec).getClientRects(), x, y);
  } catch {
    return false;
  }
}

/** The line boxes of one node's piece of a mention (a mention may span nodes). */
function pieceBoxes(doc: Document, node: Node, start: number, end: number): ArrayLike<Box> {
  try {
    const range = doc.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return range.getClientRects();
  } catch {
    return [];
  }
}

/** The mention of a text node under a point: searched by lines, not tested one by one. */
function mentionOfNodeAt(doc: Document, index: MentionIndex, node: Node, x: number, y: number): PlacedMention | undefined {
  const entries = index.entriesOf(node);
  if (entries.length === 0) return undefined;
  return itemAtPoint(entries, (e) => pieceBoxes(doc, node, e.start, e.end), x, y)?.mention;
}

/** The mention under a point, given the element the pointer event targeted. */
export function mentionAtPoint(
  doc: Document,
  index: MentionIndex,
  target: EventTarget | null,
  x: number,
  y: number,
  shadowRoots: readonly ShadowRoot[] = [],
): PlacedMention | undefined {
  const el = target as Element | null;
  if (!el || el.nodeType !== Node.ELEMENT_NODE || !index.holdsMentions(el)) return undefined;
  const pos = caretAt(doc, x, y, shadowRoots);
  if (pos && pos.node.nodeType === Node.TEXT_NODE) {
    for (const offset of [pos.offset, pos.offset - 1]) {
      const m = index.at(pos.node, offset);
      if (m && mentionContainsPoint(m, x, y)) return m;
    }
    // The caret is in this element's own text (a glyph or a bidi run off a name, or not on one):
    // that node's names by their lines, and no other node's (an element of thousands of text
    // nodes is not searched node by node on every move).
    if (pos.node.parentNode === el) return mentionOfNodeAt(doc, index, pos.node, x, y);
  }
  // The caret APIs missed (or pointed elsewhere): this element's own text nodes, by their lines.
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== Node.TEXT_NODE) continue;
    const m = mentionOfNodeAt(doc, index, child, x, y);
    if (m) return m;
  }
  return undefined;
}

export class HoverController {
  private readonly samples: Sample[] = [];
  /**
   * The latest pointer position, with what only the event's dispatch can tell (composedPath() is
   * empty once dispatch is over, and the look-up runs a frame later).
   */
  private last: { x: number; y: number; target: EventTarget | null; inCard: boolean } | undefined;
  private frame: number | undefined;
  private candidate: PlacedMention | undefined;
  private dwellTimer: ReturnType<typeof setTimeout> | undefined;
  private recheckTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The pointer has been on the open card's name or on the card since it opened. */
  private engaged = false;
  private readonly abort = new AbortController();

  /** The listeners of the current document root (replaced with it: see listen()). */
  private listeners = new AbortController();

  constructor(private readonly options: HoverOptions) {
    this.listen();
    watchRootReplaced(options.doc, () => this.listen(), this.abort.signal);
  }

  /**
   * Listens on the window and the root element; again after document.open(), which erased the
   * listeners and replaced the root (the old ones are dropped first, so none is ever doubled).
   */
  private listen(): void {
    this.listeners.abort();
    this.listeners = new AbortController();
    const { doc } = this.options;
    const win = doc.defaultView;
    if (!win || this.abort.signal.aborted) return;
    const listen = { capture: true, passive: true, signal: this.listeners.signal };
    win.addEventListener('pointermove', (e) => this.guard(() => this.onMove(e)), listen);
    doc.documentElement?.addEventListener('pointerleave', (e) => this.guard(() => this.onLeave(e)), listen);
  }

  stop(): void {
    this.abort.abort();
    this.listeners.abort();
    this.cancelDwell();
    clearTimeout(this.closeTimer);
    clearTimeout(this.recheckTimer);
    if (this.frame !== undefined) this.options.doc.defaultView?.cancelAnimationFrame(this.frame);
  }

  /** The card was opened by other means (keyboard): the pointer has not engaged with it yet. */
  notifyOpened(byPointer: boolean): void {
    this.engaged = byPointer;
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      console.warn('[khabar] hover handler failed', error);
    }
  }

  private onMove(e: PointerEvent | MouseEvent): void {
    if ((e as PointerEvent).pointerType === 'touch') return;
    const now = performance.now();
    this.samples.push({ x: e.clientX, y: e.clientY, t: now });
    while (this.samples.length > 2 && this.samples[0]!.t < now - POINTER_SPEED_WINDOW_MS) this.samples.shift();
    this.last = {
      x: e.clientX,
      y: e.clientY,
      target: (e.composedPath?.()[0] as EventTarget | undefined) ?? e.target,
      inCard: this.options.isInCard(e),
    };
    const win = this.options.doc.defaultView;
    if (this.frame === undefined && win) {
      this.frame = win.requestAnimationFrame(() => {
        this.frame = undefined;
        this.guard(() => this.evaluate());
      });
    }
  }

  private onLeave(e: Event): void {
    if (this.options.isInCard(e)) return;
    this.cancelDwell();
    this.candidate = undefined;
    this.last = undefined;
    this.scheduleClose();
  }

  /** Pointer speed over the recent window, px/ms; 0 when the pointer has been still. */
  speed(now = performance.now()): number {
    const recent = this.samples.filter((s) => s.t >= now - POINTER_SPEED_WINDOW_MS);
    if (recent.length < 2) return 0;
    const a = recent[0]!;
    const b = recent[recent.length - 1]!;
    const dt = Math.max(b.t - a.t, 1);
    return Math.hypot(b.x - a.x, b.y - a.y) / dt;
  }

  private evaluate(): void {
    const e = this.last;
    if (!e) return;
    const { options } = this;
    const open = options.openMention();
    if (e.inCard) {
      this.engaged = true;
      this.cancelDwell();
      this.cancelClose();
      return;
    }
    const hit = mentionAtPoint(options.doc, options.index, e.target, e.x, e.y, options.shadowRoots?.() ?? []);
    if (hit && hit === open) {
      this.engaged = true;
      this.cancelDwell();
      this.cancelClose();
      this.candidate = hit;
      return;
    }
    if (!hit) {
      this.cancelDwell();
      this.candidate = undefined;
      this.scheduleClose();
      return;
    }
    // Over a name whose card is not open: leave any open card to its grace period.
    if (open) this.scheduleClose();
    if (this.speed() > FAST_POINTER_PX_PER_MS) {
      // Travelling: no dwell yet; look again once the pointer may have come to rest, since a
      // pointer that stops sends no further events.
      this.cancelDwell();
      this.candidate = hit;
      clearTimeout(this.recheckTimer);
      this.recheckTimer = setTimeout(() => this.guard(() => this.evaluate()), POINTER_SPEED_WINDOW_MS);
      return;
    }
    if (this.candidate === hit && this.dwellTimer !== undefined) return;
    this.cancelDwell();
    this.candidate = hit;
    options.onIntent?.(hit);
    // Ended half a frame early: this runs in an animation frame (moves are looked at once per
    // frame), so a timer of the whole dwell would expire right on a frame boundary and, as often as
    // not, just miss it, painting the card a frame late. Half a frame early, the card is rendered
    // before the frame that ends the dwell, and painted in it.
    this.dwellTimer = setTimeout(() => {
      this.dwellTimer = undefined;
      this.guard(() => {
        if (this.candidate !== hit || !options.index.has(hit)) return;
        this.engaged = true;
        this.cancelClose();
        options.open(hit);
      });
    }, Math.max(0, this.dwell() - DWELL_FRAME_LEAD_MS));
  }

  /** When the pointer last moved (performance.now()): where it came to rest, for the benchmark. */
  get lastMoveAt(): number | undefined {
    return this.samples[this.samples.length - 1]?.t;
  }

  private dwell(): number {
    const d = this.options.dwellMs;
    const ms = typeof d === 'function' ? d() : d;
    return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? ms : HOVER_DWELL_MS;
  }

  private cancelDwell(): void {
    clearTimeout(this.dwellTimer);
    this.dwellTimer = undefined;
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  private scheduleClose(): void {
    // A card the keyboard opened stays until the pointer has been on it (or Escape).
    if (!this.options.openMention() || !this.engaged || this.closeTimer !== undefined) return;
    this.closeTimer = setTimeout(() => {
      this.closeTimer = undefined;
      this.guard(() => {
        this.engaged = false;
        this.options.close();
      });
    }, this.options.graceMs ?? CLOSE_GRACE_MS);
  }
}
