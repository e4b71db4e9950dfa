/**
 * The page's visible text, as the reader sees it, in blocks the matcher can scan: each block is the
 * text of one run of inline content (a paragraph, a heading, a list item, a table cell …) with a map
 * from string offsets back to the DOM text nodes it came from. Names often straddle nodes (a name
 * half in <b>, a name that is an inline link), so the matcher must see the block's joined string,
 * and a mention's [start, end) must come back as a DOM range that may span several text nodes.
 *
 * Why a resumable walk and computed styles: the walk (BlockCollector) can stop after any node and
 * resume later (the scanner works in small time slices), and only computed styles say what is
 * hidden or where a block ends. Styles are read once per element and never force layout: display
 * and visibility come from style resolution alone.
 *
 * What is never read: form fields, editable regions, scripts/styles/templates, SVG and MathML
 * (highlights do not paint there), hidden elements, and the extension's own host element.
 */

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Elements whose contents are never page text the reader reads as prose. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK',
  'INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'OPTGROUP', 'DATALIST',
  'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'IMG', 'PICTURE',
]);

/**
 * Block-level elements by tag, for when computed display is unavailable (non-rendered documents,
 * test DOMs that do not resolve UA styles for inline elements).
 */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIR',
  'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'BUTTON',
]);

/** What the collector needs to know about one element, read once. */
export interface ElementInfo {
  /** The element and its subtree are not read at all. */
  readonly skip: boolean;
  /** Its own text is painted (visibility is inherited, so this is per element). */
  readonly visible: boolean;
  /** It starts a new block of text (not inline, not display: contents). */
  readonly block: boolean;
  /** Hidden by style or the hidden attribute (it may be shown later, unlike a <script>). */
  readonly hidden: boolean;
}

/**
 * Every answer there is, made once: the cache holds one of these per element rather than an object
 * of its own (a page of 100,000 elements would otherwise leave 100,000 objects to the GC).
 */
const NEVER_READ: ElementInfo = Object.freeze({ skip: true, visible: false, block: true, hidden: false });
const HIDDEN: ElementInfo = Object.freeze({ skip: true, visible: false, block: true, hidden: true });
const SHOWN: readonly ElementInfo[] = [false, true].flatMap((block) =>
  [false, true].map((visible) => Object.freeze({ skip: false, visible, block, hidden: !visible })),
);
const shown = (block: boolean, visible: boolean): ElementInfo => SHOWN[(block ? 2 : 0) + (visible ? 1 : 0)]!;

/**
 * Computed-style facts per element, cached: one cache lives for one scan pass, so a page that
 * shows or hides content between passes is read afresh. A Map, not a WeakMap: the cache dies with
 * its pass, and a WeakMap's entries (ephemerons) cost every major GC far more to trace.
 */
export class StyleCache {
  private readonly cache = new Map<Element, ElementInfo>();

  /**
   * @param isExcluded elements never read (the extension's host)
   * @param onComputed told of each element read: the scanner keeps the hidden ones, to look at
   *   them again when the page changes classes or styles (a "read more" that reveals text)
   */
  constructor(
    private readonly isExcluded: (el: Element) => boolean = () => false,
    private readonly onComputed?: (el: Element, info: ElementInfo) => void,
  ) {}

  info(el: Element): ElementInfo {
    let info = this.cache.get(el);
    if (!info) {
      info = this.read(el);
      this.cache.set(el, info);
    }
    return info;
  }

  /**
   * Read without keeping: for the collector's walk, which meets each element once. Keeping every
   * element of a 100,000-element page would hold its wrapper in our world until the pass ends,
   * for each minor GC to process again.
   */
  read(el: Element): ElementInfo {
    const info = this.compute(el);
    this.onComputed?.(el, info);
    return info;
  }

  private compute(el: Element): ElementInfo {
    const tag = el.tagName.toUpperCase();
    if (el.namespaceURI !== HTML_NS || SKIPPED_TAGS.has(tag) || isEditableRoot(el) || this.isExcluded(el)) {
      return NEVER_READ;
    }
    if (el.hasAttribute('hidden')) return HIDDEN;
    let display = '';
    let visibility = '';
    let contentVisibility = '';
    const view = el.ownerDocument.defaultView;
    if (view) {
      const style = view.getComputedStyle(el);
      display = style.display;
      visibility = style.visibility;
      contentVisibility = style.getPropertyValue('content-visibility');
    }
    if (display === 'none' || contentVisibility === 'hidden') return HIDDEN;
    const block =
      tag === 'BR' ||
      (display === ''
        ? BLOCK_TAGS.has(tag)
        : display !== 'contents' && display !== 'inline' && !display.startsWith('inline ') && display !== 'ruby');
    return shown(block, visibility !== 'hidden' && visibility !== 'collapse');
  }
}

function isEditableRoot(el: Element): boolean {
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce.toLowerCase() !== 'false';
}

/** One run of inline text and where each piece of it lives in the DOM. */
export interface TextBlock {
  text: string;
  /**
   * The text nodes, in order; node i covers [starts[i], starts[i] + nodes[i].length) of text. A
   * <br> between two nodes is a '\n' in `text` that no node covers.
   */
  nodes: Text[];
  starts: number[];
}

/** A DOM range between two text positions (the shape StaticRange and Range share). */
export interface RangeSpec {
  startContainer: Text;
  startOffset: number;
  endContainer: Text;
  endOffset: number;
}

export interface CollectOptions {
  /** Elements never read, with their subtrees: the extension's own host element. */
  isExcluded?: (el: Element) => boolean;
  /** Share a cache between collectors of one pass; a fresh one is made otherwise. */
  styles?: StyleCache;
  /** Called for each open shadow root met (the collector walks into it as well). */
  onShadowRoot?: (root: ShadowRoot) => void;
}

type Root = Element | ShadowRoot | Document | DocumentFragment;

const ELEMENT = 1;
const TEXT = 3;

/**
 * Walks the visible text under a root, one block at a time: `next()` returns the next block or
 * null when done, so a caller can stop between blocks and come back later. Open shadow roots are
 * walked after the tree that holds them, each as its own run of blocks.
 *
 * The walk is by hand (firstChild / nextSibling), not a TreeWalker: a TreeWalker's filter is a call
 * from the browser back into script for every element, which on a page of 100,000 elements cost
 * more than all the rest of the scan. The path from the root down to the current node is kept as
 * a stack of what its text belongs to (the nearest block, and whether it is painted), so no
 * element's ancestors are looked up again.
 */
export class BlockCollector {
  private readonly styles: StyleCache;
  private readonly roots: Root[] = [];
  /**
   * The root being walked; the node to visit next when known (an element's first child), else the
   * node visited last, whose next sibling comes next: read when it is time, so a page that inserts
   * or removes nodes while the walk is paused is walked as it is then.
   */
  private root: Root | undefined;
  private cursor: Node | null = null;
  private last: Node | null = null;
  /** The elements from the root down to the cursor's parent, with what their children's text joins. */
  private readonly path: Node[] = [];
  private readonly blocks: Node[] = [];
  private readonly painted: boolean[] = [];
  private pending: TextBlock | undefined;
  private pendingBlock: Node | undefined;
  /** A <br> since the pending block's last text: the next text joins it after a '\n' of no node. */
  private lineBreak = false;
  /**
   * True when the last next() returned null because its deadline came, not because the text is
   * done: the block being gathered is kept, and the next call goes on with it. (A paragraph of
   * ten thousand inline elements takes tens of ms to gather: it must not be one slice.)
   */
  paused = false;

  constructor(
    root: Root,
    private readonly options: CollectOptions = {},
  ) {
    this.styles = options.styles ?? new StyleCache(options.isExcluded);
    if (this.rootIsReadable(root)) this.roots.push(root);
  }

  /** A root inside something skipped (hidden, editable, our host) yields nothing. */
  private rootIsReadable(root: Root): boolean {
    if (root.nodeType === Node.DOCUMENT_NODE) {
      return (root as Document).designMode !== 'on';
    }
    if (root.ownerDocument?.designMode === 'on') return false;
    let node: Node | null = root;
    while (node) {
      if (node.nodeType === Node.ELEMENT_NODE && this.styles.info(node as Element).skip) return false;
      node = node.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? ((node as ShadowRoot).host ?? null) : node.parentNode;
    }
    return true;
  }

  /** The next block, or null when done (or, with `deadline` passed, when paused: see `paused`). */
  next(deadline = Number.POSITIVE_INFINITY): TextBlock | null {
    this.paused = false;
    let steps = 0;
    for (;;) {
      if ((++steps & 63) === 0 && performance.now() >= deadline) {
        this.paused = true;
        return null;
      }
      if (!this.root) {
        const root = this.roots.shift();
        if (!root) return this.flush();
        this.enter(root);
        // Each root starts its own blocks.
        const done = this.flush();
        if (done) return done;
        continue;
      }
      const node = this.advance();
      if (!node) {
        this.root = undefined;
        const done = this.flush();
        if (done) return done;
        continue;
      }
      const type = node.nodeType;
      if (type === ELEMENT) {
        // A <br> is a line break in its block's text, not the end of the block: a name may run
        // over it (قوات<br>سوريا الديمقراطية is the SDF, not Syria: chars.ts LINE_BREAKS), and the
        // context rules still see a break there. Other blocks end it when their text comes.
        if (this.descend(node as Element) && this.pending) this.lineBreak = true;
        continue;
      }
      if (type !== TEXT) continue;
      const text = node as Text;
      const data = text.data;
      if (data.length === 0 || !this.painted[this.painted.length - 1]) continue;
      const block = this.blocks[this.blocks.length - 1]!;
      if (this.pending && block !== this.pendingBlock) {
        const done = this.flush();
        this.start(text, data, block);
        if (done) return done;
        continue;
      }
      if (!this.pending) this.start(text, data, block);
      else this.append(text, data);
    }
  }

  /** Start walking a root: its text joins the root's block, painted as its element (or host) is. */
  private enter(root: Root): void {
    this.root = root;
    this.path.length = 0;
    this.blocks.length = 0;
    this.painted.length = 0;
    const styled = root.nodeType === ELEMENT ? (root as Element) : ((root as ShadowRoot).host as Element | undefined);
    this.path.push(root);
    this.blocks.push(root);
    this.painted.push(styled ? this.styles.info(styled).visible : true);
    this.cursor = root.firstChild;
    this.last = null;
  }

  /** The next node in tree order below the root (null when the root is done). */
  private advance(): Node | null {
    for (;;) {
      const node = this.cursor ?? this.last?.nextSibling ?? null;
      this.cursor = null;
      if (node) {
        this.last = node;
        return node;
      }
      // The last child of the innermost open element: on to that element's next sibling.
      if (this.path.length <= 1) return null;
      this.last = this.path.pop()!;
      this.blocks.pop();
      this.painted.pop();
    }
  }

  /**
   * An element met on the walk: unless skipped, its children come next (its open shadow root is
   * walked after this root). Returns whether it is a boundary (<br>) that ends the current block.
   */
  private descend(el: Element): boolean {
    const first = el.firstChild;
    const shadow = el.shadowRoot;
    const br = el.tagName.toUpperCase() === 'BR';
    // An empty element holds no text, and its style cannot change how other text joins up (blocks
    // are found from a text node's ancestors): its style need not be read (icons, spacers).
    if (!first && !shadow && !br) return false;
    const info = this.styles.read(el);
    if (info.skip) return false;
    if (shadow) {
      this.roots.push(shadow);
      this.options.onShadowRoot?.(shadow);
    }
    if (first) {
      this.path.push(el);
      this.blocks.push(info.block ? el : this.blocks[this.blocks.length - 1]!);
      this.painted.push(info.visible);
      this.cursor = first;
    }
    return br;
  }

  private start(text: Text, data: string, block: Node): void {
    this.pending = { text: data, nodes: [text], starts: [0] };
    this.pendingBlock = block;
    this.lineBreak = false;
  }

  private append(text: Text, data: string): void {
    const p = this.pending!;
    if (this.lineBreak) {
      p.text += '\n';
      this.lineBreak = false;
    }
    p.starts.push(p.text.length);
    p.nodes.push(text);
    p.text += data;
  }

  private flush(): TextBlock | null {
    const p = this.pending;
    this.pending = undefined;
    this.pendingBlock = undefined;
    this.lineBreak = false;
    return p ?? null;
  }
}

/** Every block under a root at once (tests, small subtrees). */
export function collectBlocks(root: Root, options: CollectOptions = {}): TextBlock[] {
  const collector = new BlockCollector(root, options);
  const blocks: TextBlock[] = [];
  for (let b = collector.next(); b; b = collector.next()) blocks.push(b);
  return blocks;
}

/** Index of the last node whose start is at or before `offset` (binary search). */
export function nodeIndexAt(block: TextBlock, offset: number): number {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (block.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The DOM positions of [start, end) of a block's text: the start at the beginning of the node that
 * holds the first character, the end in the node that holds the last one. Null when the span is
 * empty, out of the block, or the nodes have changed since the block was collected.
 */
export function spanToRange(block: TextBlock, start: number, end: number): RangeSpec | null {
  if (!(start >= 0 && end > start && end <= block.text.length)) return null;
  let i = nodeIndexAt(block, start);
  // A start at the very end of a node belongs to the next one.
  while (i + 1 < block.nodes.length && start >= block.starts[i]! + block.nodes[i]!.length) i++;
  const j = nodeIndexAt(block, end - 1);
  const startNode = block.nodes[i]!;
  const endNode = block.nodes[j]!;
  // A start or end on the '\n' of a <br> (no node holds it) moves to the node beside it.
  const startOffset = Math.max(0, start - block.starts[i]!);
  let endOffset = end - block.starts[j]!;
  if (endOffset > endNode.length && j + 1 < block.nodes.length && end <= block.starts[j + 1]!) endOffset = endNode.length;
  if (startOffset > startNode.length || endOffset > endNode.length) return null;
  return { startContainer: startNode, startOffset, endContainer: endNode, endOffset };
}

const StaticRangeCtor = (globalThis as { StaticRange?: typeof StaticRange }).StaticRange;

/**
 * A range for highlighting. StaticRange where the browser has it: it costs nothing when the page
 * mutates, whereas every live Range must be updated by the browser on each DOM change.
 */
export function makeRange(spec: RangeSpec): AbstractRange {
  if (StaticRangeCtor) return new StaticRangeCtor(spec);
  return toLiveRange(spec);
}

/** A live Range for measuring (getBoundingClientRect) or reading (toString). */
export function toLiveRange(spec: {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}): Range {
  const range = spec.startContainer.ownerDocument!.createRange();
  range.setStart(spec.startContainer, spec.startOffset);
  range.setEnd(spec.endContainer, spec.endOffset);
  return range;
}
