/**
 * The page's visible text, as the reader sees it, in blocks the matcher can scan: each block is the
 * text of one run of inline content (a paragraph, a heading, a list item, a table cell …) with a map
 * from string offsets back to the DOM text nodes it came from. Names often straddle nodes (a name
 * half in <b>, a name that is an inline link), so the matcher must see the block's joined string,
 * and a mention's [start, end) must come back as a DOM range that may span several text nodes.
 *
 * Why a TreeWalker and computed styles: the walker lets a scan stop after any block and resume later
 * (the scanner works in small time slices), and only computed styles say what is hidden or where a
 * block ends. Styles are read once per element (StyleCache) and never force layout: display and
 * visibility come from style resolution alone.
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
  skip: boolean;
  /** Its own text is painted (visibility is inherited, so this is per element). */
  visible: boolean;
  /** It starts a new block of text (not inline, not display: contents). */
  block: boolean;
  /** Hidden by style or the hidden attribute (it may be shown later, unlike a <script>). */
  hidden: boolean;
}

/**
 * Computed-style facts per element, cached: one cache lives for one scan pass, so a page that
 * shows or hides content between passes is read afresh.
 */
export class StyleCache {
  private readonly cache = new WeakMap<Element, ElementInfo>();

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
      info = this.compute(el);
      this.cache.set(el, info);
      this.onComputed?.(el, info);
    }
    return info;
  }

  private compute(el: Element): ElementInfo {
    const tag = el.tagName.toUpperCase();
    if (el.namespaceURI !== HTML_NS || SKIPPED_TAGS.has(tag) || isEditableRoot(el) || this.isExcluded(el)) {
      return { skip: true, visible: false, block: true, hidden: false };
    }
    if (el.hasAttribute('hidden')) return { skip: true, visible: false, block: true, hidden: true };
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
    if (display === 'none' || contentVisibility === 'hidden') {
      return { skip: true, visible: false, block: true, hidden: true };
    }
    const block =
      tag === 'BR' ||
      (display === ''
        ? BLOCK_TAGS.has(tag)
        : display !== 'contents' && display !== 'inline' && !display.startsWith('inline ') && display !== 'ruby');
    const visible = visibility !== 'hidden' && visibility !== 'collapse';
    return { skip: false, visible, block, hidden: !visible };
  }
}

function isEditableRoot(el: Element): boolean {
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce.toLowerCase() !== 'false';
}

/** One run of inline text and where each piece of it lives in the DOM. */
export interface TextBlock {
  text: string;
  /** The text nodes, in order; node i covers [starts[i], starts[i] + nodes[i].length) of text. */
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

/**
 * Walks the visible text under a root, one block at a time: `next()` returns the next block or
 * null when done, so a caller can stop between blocks and come back later. Open shadow roots are
 * walked after the tree that holds them, each as its own run of blocks.
 */
export class BlockCollector {
  private readonly styles: StyleCache;
  private readonly roots: Root[] = [];
  private walker: TreeWalker | undefined;
  private walkerRoot: Root | undefined;
  private readonly blockOf = new WeakMap<Element, Node>();
  private pending: TextBlock | undefined;
  private pendingBlock: Node | undefined;
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
      if (!this.walker) {
        const root = this.roots.shift();
        if (!root) return this.flush();
        this.walkerRoot = root;
        this.walker = this.makeWalker(root);
        // Each root starts its own blocks.
        const done = this.flush();
        if (done) return done;
      }
      const node = this.walker.nextNode();
      if (!node) {
        this.walker = undefined;
        const done = this.flush();
        if (done) return done;
        continue;
      }
      if (node.nodeType === Node.ELEMENT_NODE) {
        // Only <br> and other boundary elements are accepted: they end the current block.
        const done = this.flush();
        if (done) return done;
        continue;
      }
      const text = node as Text;
      if (text.data.length === 0) continue;
      const parent = text.parentElement;
      // Text right under a shadow root inherits its visibility from the host.
      const styled = parent ?? ((text.parentNode as ShadowRoot | null)?.host as Element | undefined);
      if (styled && !this.styles.info(styled).visible) continue;
      const block = parent ? this.blockElementOf(parent) : this.walkerRoot!;
      if (this.pending && block !== this.pendingBlock) {
        const done = this.flush();
        this.start(text, block);
        if (done) return done;
        continue;
      }
      if (!this.pending) this.start(text, block);
      else this.append(text);
    }
  }

  private start(text: Text, block: Node): void {
    this.pending = { text: text.data, nodes: [text], starts: [0] };
    this.pendingBlock = block;
  }

  private append(text: Text): void {
    const p = this.pending!;
    p.starts.push(p.text.length);
    p.nodes.push(text);
    p.text += text.data;
  }

  private flush(): TextBlock | null {
    const p = this.pending;
    this.pending = undefined;
    this.pendingBlock = undefined;
    return p ?? null;
  }

  /** The nearest block-level ancestor (or the walk's root): text under the same one joins up. */
  private blockElementOf(el: Element): Node {
    const cached = this.blockOf.get(el);
    if (cached) return cached;
    const root = this.walkerRoot!;
    let result: Node;
    if (el === root || this.styles.info(el).block) result = el;
    else if (el.parentNode === root || !el.parentElement) result = root;
    else result = this.blockElementOf(el.parentElement);
    this.blockOf.set(el, result);
    return result;
  }

  private makeWalker(root: Root): TreeWalker {
    const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument!;
    return doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node: Node): number => {
        if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
        const el = node as Element;
        const info = this.styles.info(el);
        if (info.skip) return NodeFilter.FILTER_REJECT;
        const shadow = el.shadowRoot;
        if (shadow) {
          this.roots.push(shadow);
          this.options.onShadowRoot?.(shadow);
        }
        // Block elements end the current block; the walker reports <br> (whose box is empty) and
        // blocks inside inline content (<span>x<div>y</div>z</span>) as boundaries.
        return el.tagName.toUpperCase() === 'BR' ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      },
    });
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
function nodeIndexAt(block: TextBlock, offset: number): number {
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
  const startOffset = start - block.starts[i]!;
  const endOffset = end - block.starts[j]!;
  if (startOffset > startNode.length || endOffset > endNode.length) return null;
  return { startContainer: startNode, startOffset, endContainer: endNode, endOffset };
}

/**
 * A range for highlighting. StaticRange where the browser has it: it costs nothing when the page
 * mutates, whereas every live Range must be updated by the browser on each DOM change.
 */
export function makeRange(spec: RangeSpec): AbstractRange {
  const StaticRangeCtor = (globalThis as { StaticRange?: typeof StaticRange }).StaticRange;
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
