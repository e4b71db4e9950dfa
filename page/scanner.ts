/**
 * Finds the names on the page and keeps finding them as the page changes, without ever holding the
 * page's main thread for long: text is collected and matched block by block in slices of a few
 * milliseconds (SCAN_SLICE_MS), yielding to the page between slices, so no task comes near the
 * 50 ms that makes a page feel stuck. Each mention becomes a range in the index (hover, keyboard)
 * and in the highlights (what the reader sees).
 *
 * No block is too big for a slice: a block still being gathered (a paragraph of thousands of
 * inline elements) is paused at the slice's end and resumed (BlockCollector.next's deadline), and a
 * long block's text (a page that is one huge text node) is matched in windows of
 * DETECT_WINDOW_CHARS with a slice boundary allowed between any two (scanBlock). A subtree the
 * page removes while it is being scanned is dropped at the next slice.
 *
 * Changes: a MutationObserver (on the document and on each open shadow root met) collects what was
 * added or changed, and only those subtrees are scanned again: infinite scroll appends articles,
 * single-page apps swap them, and either costs a scan of the new content only. When to scan is
 * scan-state.ts's reducer: changes wait for the page to settle (MUTATION_DEBOUNCE_MS) but never
 * longer than MUTATION_MAX_WAIT_MS, and changes that come during a pass are scanned after it. The
 * mentions of a text node the page rewrites are dropped at once, in the observer's callback
 * (before the page paints): a range left on the node would sit on the wrong words of its new text.
 * Mutations inside the extension's own host element are ignored.
 *
 * Text that CSS alone shows (a `:checked ~` accordion, a `:target` section, a media query after a
 * resize) changes no attribute: the hidden blocks met are kept, watched with a ResizeObserver (a
 * block that was display: none gets a size when shown) and looked at again after the events that
 * commonly show them (click, change, hashchange, resize).
 *
 * Counts (entity → mentions on the page) go to the background, throttled, for the toolbar badge.
 */
import { CharRole, ROLE } from '../core/arabic/chars.ts';
import { detect } from '../core/match/detect.ts';
import type { Matcher } from '../core/match/automaton.ts';
import { categoryOf, type EntityKind } from '../core/types.ts';
import {
  DETECT_WINDOW_CHARS,
  DETECT_WINDOW_CONTEXT_CHARS,
  DETECT_WINDOW_OVERLAP_CHARS,
  KNOWN_ENTITY_CONFIDENCE,
  MIN_HIGHLIGHT_CONFIDENCE,
  MUTATION_DEBOUNCE_MS,
  MUTATION_MAX_WAIT_MS,
  REPORT_THROTTLE_MS,
  SCAN_SLICE_MS,
} from '../lib/constants.ts';
import type { PageNames } from '../lib/messages.ts';
import { BlockCollector, makeRange, nodeIndexAt, spanToRange, StyleCache, type TextBlock } from './collect-text.ts';
import type { Highlighter } from './highlighter.ts';
import { composedContains, MentionIndex, piecesOf, type PlacedMention } from './mention-index.ts';
import { INITIAL_SCAN_STATE, nextScanState, type ScanEffect, type ScanEvent, type ScanState } from './scan-state.ts';
import { RegionEvidence } from './regions.ts';

export interface ScannerOptions {
  doc: Document;
  matcher: Matcher;
  index: MentionIndex;
  highlighter?: Highlighter;
  /** The extension's own nodes (its host element): never read, their mutations ignored. */
  isOwn?: (node: Node) => boolean;
  /** Receives the page's counts, throttled, whenever they change. */
  report?: (names: PageNames) => void;
  /** Called for each open shadow root met (hover needs them for caret look-ups). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Called after each scan that changed the mentions. */
  onChange?: () => void;
  /** Mentions this says no to are neither indexed nor painted (the reader's corrections). */
  accept?: (entityId: string, text: string) => boolean;
  /** Yields to the page between slices (default: scheduler.yield, else a macrotask). */
  yieldToPage?: () => Promise<void>;
  sliceMs?: number;
  /** Blocks longer than this are matched window by window (default DETECT_WINDOW_CHARS). */
  detectWindowChars?: number;
  debounceMs?: number;
  /** The longest changes wait for the page to settle (default MUTATION_MAX_WAIT_MS). */
  maxWaitMs?: number;
  reportThrottleMs?: number;
}

export interface ScanStats {
  blocks: number;
  characters: number;
  mentions: number;
  slices: number;
  /** The longest stretch of scanning without a yield, in ms. */
  longestSliceMs: number;
  /** Total time spent scanning, in ms. */
  totalMs: number;
}

/** Characters of the Arabic block: a block without one cannot hold a name. */
const HAS_ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  // Only attributes that commonly show or hide content ("show more", tabs, accordions).
  attributeFilter: ['hidden', 'class', 'style', 'open'],
};

/** Events after which text that only CSS shows may have appeared (a checkbox, a hash, a viewport). */
const REVEALING_EVENTS = ['click', 'change', 'hashchange', 'resize'] as const;

/** A new task: scheduler.yield where the browser has it (the scanner's slices, the session's steps). */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class Scanner {
  readonly stats: ScanStats = { blocks: 0, characters: 0, mentions: 0, slices: 0, longestSliceMs: 0, totalMs: 0 };
  private readonly kinds = new Map<string, EntityKind>();
  /** Entities named strongly, per region of the page (regions.ts): evidence for weak names there. */
  private readonly evidence = new RegionEvidence();
  private readonly queue: Node[] = [];
  private running: Promise<void> | undefined;
  /** When to scan (scan-state.ts): changed only by `dispatch`. */
  private state: ScanState = INITIAL_SCAN_STATE;
  private observer: MutationObserver | undefined;
  private readonly observed = new WeakSet<Node>();
  /** What changed since the last pass took the changes: the subtrees to scan again. */
  private readonly dirty = new Set<Node>();
  private waitTimer: ReturnType<typeof setTimeout> | undefined;
  /** Elements found hidden: looked at again when the page may have shown them (see `revealed`). */
  private readonly hiddenSeen = new Set<Element>();
  /** Whether the next pass looks at the hidden elements again (something may have shown them). */
  private recheckHidden = false;
  /** Whether the page removed elements since the last pass took its changes (see dropMentionsIn). */
  private removedSince = false;
  /** Tells when a display: none block gets a box (shown by CSS alone); absent in test DOMs. */
  private sizeWatch: ResizeObserver | undefined;
  private readonly sizeWatched = new WeakSet<Element>();
  private readonly onRevealingEvent = () => {
    if (this.hiddenSeen.size === 0) return;
    this.recheckHidden = true;
    this.dispatch({ type: 'changed', at: performance.now() });
  };
  private lastReport: string | undefined;
  private lastReportAt = -Infinity;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ScannerOptions) {
    const { entityIds, kinds } = options.matcher.data;
    entityIds.forEach((id, i) => this.kinds.set(id, kinds[i]!));
  }

  private isOwn(node: Node): boolean {
    return this.options.isOwn?.(node) ?? false;
  }

  private get stopped(): boolean {
    return this.state.kind === 'stopped';
  }

  /** The one place the scan state changes: the reducer's answer, then its effects. */
  private dispatch(event: ScanEvent): void {
    const { state, effects } = nextScanState(this.state, event, {
      debounceMs: this.debounceMs,
      maxWaitMs: this.options.maxWaitMs ?? MUTATION_MAX_WAIT_MS,
    });
    this.state = state;
    for (const effect of effects) {
      try {
        this.perform(effect);
      } catch (error) {
        console.warn('[khabar] scan step failed', error);
      }
    }
  }

  private perform(effect: ScanEffect): void {
    switch (effect.type) {
      case 'wait':
        clearTimeout(this.waitTimer);
        this.waitTimer = setTimeout(() => {
          this.waitTimer = undefined;
          this.dispatch({ type: 'timer', at: performance.now() });
        }, effect.ms);
        return;
      case 'cancelWait':
        clearTimeout(this.waitTimer);
        this.waitTimer = undefined;
        return;
      case 'scanDocument': {
        const { doc } = this.options;
        this.runPass([doc.body ?? doc.documentElement]);
        return;
      }
      case 'scanChanges':
        this.runPass(this.takeChanges());
        return;
      case 'passEnded':
        this.afterChange();
        return;
    }
  }

  /** The subtrees changed since the last pass (their old mentions dropped), outermost only. */
  private takeChanges(): Node[] {
    if (this.recheckHidden) {
      this.recheckHidden = false;
      this.revealed();
    }
    const roots = [...this.dirty];
    this.dirty.clear();
    return this.dropMentionsIn(roots);
  }

  /** Hidden elements the page has shown since they were met: their blocks are dirty. */
  private revealed(): void {
    const probe = new StyleCache((el) => this.isOwn(el));
    for (const el of [...this.hiddenSeen]) {
      if (!el.isConnected) this.hiddenSeen.delete(el);
      else if (!probe.info(el).hidden) {
        this.hiddenSeen.delete(el);
        this.sizeWatch?.unobserve(el);
        this.sizeWatched.delete(el);
        this.dirty.add(nearestBlock(el, probe));
      }
    }
  }

  /** Keep a hidden element met in a pass, to look at again when the page may have shown it. */
  private noteHidden(el: Element, displayNone: boolean): void {
    this.hiddenSeen.add(el);
    if (!displayNone || this.sizeWatched.has(el)) return;
    const RO = (globalThis as { ResizeObserver?: typeof ResizeObserver }).ResizeObserver;
    if (!RO) return;
    this.sizeWatch ??= new RO((entries) => {
      try {
        // A size of 0 is the first report of a block still hidden; a box means it may be shown.
        if (entries.some((e) => e.contentRect.width > 0 || e.contentRect.height > 0)) this.onRevealingEvent();
      } catch (error) {
        console.warn('[khabar] visibility check failed', error);
      }
    });
    this.sizeWatched.add(el);
    this.sizeWatch.observe(el);
  }

  /** Scan the whole document, then keep watching it. Resolves when the first scan is done. */
  start(): Promise<void> {
    const { doc } = this.options;
    this.observer = new MutationObserver((records) => {
      try {
        this.onMutations(records);
      } catch (error) {
        console.warn('[khabar] mutation handling failed', error);
      }
    });
    this.observe(doc);
    const view = doc.defaultView;
    for (const type of REVEALING_EVENTS) view?.addEventListener(type, this.onRevealingEvent, { capture: true, passive: true });
    this.dispatch({ type: 'start' });
    return this.idle();
  }

  stop(): void {
    this.dispatch({ type: 'stop' });
    this.observer?.disconnect();
    this.observer = undefined;
    this.sizeWatch?.disconnect();
    this.sizeWatch = undefined;
    const view = this.options.doc.defaultView;
    for (const type of REVEALING_EVENTS) view?.removeEventListener(type, this.onRevealingEvent, { capture: true });
    clearTimeout(this.reportTimer);
    this.queue.length = 0;
    this.dirty.clear();
    this.hiddenSeen.clear();
  }

  /** Resolves when nothing is queued or being scanned (changes waiting to be scanned included). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.running) await this.running;
      else if (this.state.kind === 'gathering') await new Promise((r) => setTimeout(r, this.debounceMs));
      else return;
    }
  }

  private get debounceMs(): number {
    return this.options.debounceMs ?? MUTATION_DEBOUNCE_MS;
  }

  private observe(root: Document | ShadowRoot): void {
    if (!this.observer || this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, OBSERVE);
  }

  /** Scan these subtrees again (their old mentions go first), as soon as the scan state allows. */
  rescan(roots: Iterable<Node>): void {
    for (const r of roots) this.dirty.add(r);
    this.dispatch({ type: 'changed', at: performance.now() });
  }

  /**
   * Drop the mentions in these subtrees and in nodes no longer in the document; returns the
   * outermost of the roots still there (a root inside another is scanned with it).
   */
  private dropMentionsIn(roots: Node[]): Node[] {
    const { doc, index, highlighter } = this.options;
    const list = roots.filter((r) => r.isConnected && !this.isOwn(r));
    const outer = list.filter((r) => !list.some((o) => o !== r && composedContains(o, r)));
    let gone: PlacedMention[];
    if (this.removedSince || outer.some((r) => r === doc.body || r === doc.documentElement || r === doc)) {
      // Elements left the document (their mentions with them), or the change is the whole page:
      // one sweep over every mention.
      gone = index.removeWhere(
        (m) => !m.spec.startContainer.isConnected || outer.some((r) => composedContains(r, m.spec.startContainer)),
      );
    } else {
      // A few blocks changed (a ticker, a live blog's entry): their own text nodes' mentions, at a
      // cost that follows the blocks' size rather than the page's count of names.
      const found = new Set<PlacedMention>();
      for (const r of outer) for (const m of this.mentionsUnder(r)) found.add(m);
      gone = [...found];
      for (const m of gone) index.remove(m);
    }
    this.removedSince = false;
    for (const m of gone) highlighter?.delete(m.category, m.range);
    return outer;
  }

  /** The mentions with text in a subtree, its open shadow roots' included. */
  private mentionsUnder(root: Node): PlacedMention[] {
    const { doc, index } = this.options;
    const out: PlacedMention[] = [];
    const stack: Node[] = [root];
    while (stack.length > 0) {
      const r = stack.pop()!;
      if (r.nodeType === Node.TEXT_NODE) {
        out.push(...index.inNode(r));
        continue;
      }
      const walker = doc.createTreeWalker(r, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.nodeType === Node.TEXT_NODE) out.push(...index.inNode(n));
        else if ((n as Element).shadowRoot) stack.push((n as Element).shadowRoot!);
      }
    }
    return out;
  }

  /** Mentions with text in a node whose text the page rewrote: wrong from now on, gone at once. */
  private dropMentionsOfNode(node: Node): void {
    const { index, highlighter } = this.options;
    for (const m of index.inNode(node)) {
      index.remove(m);
      highlighter?.delete(m.category, m.range);
    }
  }

  /** One pass over `roots`; the reducer hears when it ends. */
  private runPass(roots: Node[]): void {
    this.queue.push(...roots);
    this.running = this.pump()
      .catch((error: unknown) => console.warn('[khabar] scan failed', error))
      .finally(() => {
        this.running = undefined;
        this.dispatch({ type: 'passDone', at: performance.now() });
      });
  }

  private afterChange(): void {
    try {
      this.options.highlighter?.reassert();
      this.options.onChange?.();
    } catch (error) {
      console.warn('[khabar] after-scan step failed', error);
    }
    this.scheduleReport();
  }

  /** The scan loop: roots one after another, blocks in time slices, a yield between slices. */
  private async pump(): Promise<void> {
    const sliceMs = this.options.sliceMs ?? SCAN_SLICE_MS;
    const nextTask = this.options.yieldToPage ?? yieldToPage;
    const styles = new StyleCache(
      (el) => this.isOwn(el),
      (el, info) => {
        if (info.hidden) this.noteHidden(el, info.skip);
      },
    );
    let sliceStart = performance.now();
    const endSlice = () => {
      const took = performance.now() - sliceStart;
      this.stats.slices++;
      this.stats.totalMs += took;
      if (took > this.stats.longestSliceMs) this.stats.longestSliceMs = took;
    };
    const nextSlice = async () => {
      endSlice();
      await nextTask();
      sliceStart = performance.now();
    };
    while (!this.stopped) {
      const root = this.queue.shift();
      if (!root) break;
      if (!root.isConnected) continue;
      // A slice that restyled the page ends there (see `restyled`): the first style read of a pass
      // is the collector's, of its root and the root's ancestors.
      const before = performance.now();
      const collector = new BlockCollector(root as Element | Document | ShadowRoot, {
        styles,
        onShadowRoot: (shadow) => {
          this.observe(shadow);
          this.options.highlighter?.adoptInto(shadow);
          this.options.onShadowRoot?.(shadow);
        },
      });
      if (performance.now() - before >= RESTYLE_MS) await nextSlice();
      // A long block is matched window by window (scanBlock), with slice boundaries between.
      let pending: { block: TextBlock; at: BlockWindow } | undefined;
      for (;;) {
        if (this.stopped) break;
        if (performance.now() - sliceStart >= sliceMs) {
          await nextSlice();
          // The page may have changed its styles meanwhile: restyled, in a slice of its own.
          if (!this.stopped && root.isConnected && restyled(root, styles)) await nextSlice();
          if (this.stopped) break;
          // The page removed this subtree meanwhile (a body replaced, an article swapped): what is
          // left of it would only give ranges into detached nodes.
          if (!root.isConnected) break;
        }
        if (!pending) {
          const block = collector.next(sliceStart + sliceMs);
          if (!block) {
            if (collector.paused) continue; // mid-block at the slice's end: yield, then go on
            break;
          }
          pending = { block, at: { from: 0, accept: 0 } };
        }
        let next: BlockWindow | null = null;
        try {
          next = this.scanBlock(pending.block, pending.at);
        } catch (error) {
          // One odd block (a node the page changed mid-scan) must not end the page's scan.
          console.warn('[khabar] block scan failed', error);
        }
        pending = next ? { block: pending.block, at: next } : undefined;
      }
    }
    endSlice();
  }

  /**
   * Match a block's text: all of it, or, for a long block, one window of it (detectWindowChars)
   * from `at.from`, taking the mentions that start from `at.accept` on and before the window's
   * last DETECT_WINDOW_OVERLAP_CHARS. Returns the next window, or null when the block is done.
   */
  private scanBlock(block: TextBlock, at: BlockWindow): BlockWindow | null {
    const text = block.text;
    if (at.from === 0) {
      this.stats.blocks++;
      this.stats.characters += text.length;
      if (!HAS_ARABIC.test(text)) return null;
    }
    // Nodes the page removed since the block was collected: nothing of theirs to highlight.
    if (!block.nodes[0]!.isConnected) return null;
    const windowChars = Math.max(
      this.options.detectWindowChars ?? DETECT_WINDOW_CHARS,
      4 * (DETECT_WINDOW_OVERLAP_CHARS + DETECT_WINDOW_CONTEXT_CHARS),
    );
    let to = text.length;
    // Mentions starting at or after `cut` are the next window's.
    let cut = text.length;
    if (text.length - at.from > windowChars) {
      to = at.from + windowChars;
      cut = boundaryBefore(text, to - DETECT_WINDOW_OVERLAP_CHARS, at.accept);
    }
    const whole = at.from === 0 && to === text.length;
    const known = this.evidence.knownAt(block.nodes[0]!);
    const mentions = detect(this.options.matcher, whole ? text : text.slice(at.from, to), {
      minConfidence: MIN_HIGHLIGHT_CONFIDENCE,
      knownEntities: known,
    });
    for (const found of mentions) {
      const m = whole ? found : { ...found, start: found.start + at.from, end: found.end + at.from };
      if (m.start < at.accept) continue; // the previous window's
      if (m.start >= cut) break;
      if (this.options.accept && !this.options.accept(m.entityId, m.text)) continue;
      const spec = spanToRange(block, m.start, m.end);
      if (!spec) continue;
      const kind = this.kinds.get(m.entityId);
      if (!kind) continue;
      const placed: PlacedMention = {
        entityId: m.entityId,
        kind,
        category: categoryOf(kind),
        text: m.text,
        confidence: m.confidence,
        spec,
        range: makeRange(spec),
        pieces: piecesOf(block, spec, nodeIndexAt(block, m.start)),
      };
      if (!this.options.index.add(placed)) continue;
      this.stats.mentions++;
      if (m.confidence >= KNOWN_ENTITY_CONFIDENCE) this.evidence.add(known.regions, m.entityId);
      this.options.highlighter?.add(placed.category, placed.range);
    }
    if (cut >= text.length) return null;
    return { from: boundaryBefore(text, cut - DETECT_WINDOW_CONTEXT_CHARS, at.from), accept: cut };
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.stopped) return;
    const probe = new StyleCache((el) => this.isOwn(el));
    const blockOf = (node: Node): Node => nearestBlock(node, probe);
    let changed = false;
    const mark = (node: Node) => {
      this.dirty.add(node);
      changed = true;
    };
    for (const r of records) {
      const target = r.target;
      if (this.isOwn(target)) continue;
      if (r.type === 'characterData') {
        this.dropMentionsOfNode(target);
        mark(blockOf(target));
      } else if (r.type === 'childList') {
        for (const removed of r.removedNodes) {
          if (removed.nodeType === Node.TEXT_NODE) this.dropMentionsOfNode(removed);
          else if (removed.nodeType === Node.ELEMENT_NODE && !this.isOwn(removed)) this.removedSince = true;
        }
        let inlineChange = r.removedNodes.length > 0;
        for (const added of r.addedNodes) {
          if (this.isOwn(added)) continue;
          if (added.nodeType === Node.ELEMENT_NODE) {
            const info = probe.info(added as Element);
            if (info.skip) {
              if (info.hidden) this.noteHidden(added as Element, true);
              continue;
            }
            if (info.block) {
              mark(added);
              continue;
            }
          }
          if (added.nodeType === Node.ELEMENT_NODE || added.nodeType === Node.TEXT_NODE) inlineChange = true;
        }
        if (inlineChange && !this.allOwn(r.removedNodes)) mark(blockOf(target));
      } else if (r.type === 'attributes' && this.hiddenSeen.size > 0) {
        // A class or style that may have shown a hidden block: looked at when the pass starts.
        this.recheckHidden = true;
        changed = true;
      }
    }
    if (changed) this.dispatch({ type: 'changed', at: performance.now() });
  }

  private allOwn(nodes: NodeList): boolean {
    if (nodes.length === 0) return false;
    for (const n of nodes) if (!this.isOwn(n)) return false;
    return true;
  }

  private scheduleReport(): void {
    const report = this.options.report;
    if (!report || this.stopped) return;
    const wait = this.lastReportAt + (this.options.reportThrottleMs ?? REPORT_THROTTLE_MS) - performance.now();
    const send = () => {
      this.reportTimer = undefined;
      const names = this.options.index.counts();
      const key = JSON.stringify(Object.entries(names).sort(([a], [b]) => (a < b ? -1 : 1)));
      if (key === this.lastReport) return;
      this.lastReport = key;
      this.lastReportAt = performance.now();
      try {
        report(names);
      } catch (error) {
        console.warn('[khabar] report failed', error);
      }
    };
    if (this.reportTimer !== undefined) return;
    if (wait <= 0) send();
    else this.reportTimer = setTimeout(send, wait);
  }
}

/**
 * A style read that takes this long restyled the page: after the page (or a style sheet adopted
 * into it) invalidates styles, the next getComputedStyle makes the browser restyle the document
 * there and then, which on a page of 100,000 elements is tens of ms. That must not share a task
 * with a slice's own work, which would take it past the 50 ms budget.
 */
const RESTYLE_MS = 2;

/**
 * Whether reading the root's style took RESTYLE_MS or more, that is, restyled the page (a sheet
 * added or changed, a class toggled high up). One read per slice: a few µs when nothing changed.
 * (Changes deep in the tree may restyle later, at the read of an element below them; those are
 * the page's own small changes.)
 */
function restyled(root: Node, styles: StyleCache): boolean {
  const el =
    root.nodeType === Node.ELEMENT_NODE
      ? (root as Element)
      : root.nodeType === Node.DOCUMENT_NODE
        ? (root as Document).documentElement
        : (root as ShadowRoot).host;
  if (!el) return false;
  const start = performance.now();
  styles.read(el);
  return performance.now() - start >= RESTYLE_MS;
}

/** Where the next window of a long block starts, and from where it takes mentions. */
interface BlockWindow {
  from: number;
  accept: number;
}

/**
 * The last space or punctuation at or before `at` and after `after`: a window starting there does
 * not begin inside a word (which the matcher would take for a word's start). Without one near,
 * `at` itself (a text without spaces for hundreds of characters is no prose).
 */
export function boundaryBefore(text: string, at: number, after: number): number {
  for (let i = at; i > after && i > at - DETECT_WINDOW_CONTEXT_CHARS; i--) {
    const role = ROLE[text.charCodeAt(i)];
    if (role === CharRole.Space || role === CharRole.Break) return i;
  }
  return Math.max(at, after + 1);
}

/** The nearest block-level element holding a node: the unit a change is scanned again in. */
export function nearestBlock(node: Node, styles: StyleCache): Node {
  let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el) {
    if (styles.info(el).block) return el;
    if (!el.parentElement) return el.parentNode ?? el;
    el = el.parentElement;
  }
  return node.parentNode ?? node;
}
