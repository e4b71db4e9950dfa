/**
 * The names placed on the page, indexed three ways, because three modules ask three questions:
 * - hover: which mention covers this (text node, offset)? A sorted list per text node answers in
 *   O(log n) from what caretPositionFromPoint returns;
 * - hover's cheap pre-check: does this element hold any mention text at all? (most pointer moves
 *   are over elements without names, and need no caret look-up);
 * - keyboard: all mentions in document order (sorted lazily, when asked after a change);
 * - the scanner: remove the mentions under a subtree it is about to scan again, and the counts.
 */
import type { Category, EntityKind } from '../core/types.ts';
import type { RangeSpec, TextBlock } from './collect-text.ts';

/** One piece of a mention inside one text node: [start, end) in that node's data. */
export interface Piece {
  node: Text;
  start: number;
  end: number;
}

export interface PlacedMention {
  entityId: string;
  kind: EntityKind;
  category: Category;
  /** The page text of the mention. */
  text: string;
  confidence: number;
  /** The DOM positions, and the range object the highlight holds (same positions). */
  spec: RangeSpec;
  range: AbstractRange;
  pieces: Piece[];
}

/**
 * The per-node pieces of a block span (what spanToRange resolved). `near`: an index at or before
 * the start node's (nodeIndexAt of the span's start), so that a paragraph of thousands of nodes is
 * not searched from its first node for each of its names.
 */
export function piecesOf(block: TextBlock, spec: RangeSpec, near = 0): Piece[] {
  let i = block.nodes.indexOf(spec.startContainer, near);
  if (i < 0 && near > 0) i = block.nodes.indexOf(spec.startContainer);
  const j = block.nodes.indexOf(spec.endContainer, Math.max(i, 0));
  if (i < 0 || j < 0) return [];
  const pieces: Piece[] = [];
  for (let k = i; k <= j; k++) {
    const node = block.nodes[k]!;
    const start = k === i ? spec.startOffset : 0;
    const end = k === j ? spec.endOffset : node.length;
    if (end > start) pieces.push({ node, start, end });
  }
  return pieces;
}

/** One node's piece of a mention, in the node's sorted list. */
export interface NodeEntry {
  start: number;
  end: number;
  mention: PlacedMention;
  /** The element the node was in when the mention was added (whose `holders` count it is in). */
  holder: Element | null;
}

export class MentionIndex {
  private readonly all = new Set<PlacedMention>();
  private readonly byNode = new Map<Text, NodeEntry[]>();
  /**
   * Elements holding mention text, with how many pieces: a Map, not a WeakMap (entries go when
   * their mentions do, and a WeakMap of tens of thousands of elements is costly for every major GC).
   */
  private readonly holders = new Map<Element, number>();
  /** Mentions per entity, kept as mentions come and go (a page may hold tens of thousands). */
  private readonly perEntity = new Map<string, number>();
  private ordered: PlacedMention[] | undefined;
  /** Bumped on every change, so callers can tell whether what they derived is stale. */
  version = 0;

  get size(): number {
    return this.all.size;
  }

  /** Adds a mention unless one already covers any of its text (a second scan of the same text). */
  add(m: PlacedMention): boolean {
    if (m.pieces.length === 0) return false;
    for (const p of m.pieces) {
      const list = this.byNode.get(p.node);
      if (list && overlapsAny(list, p.start, p.end)) return false;
    }
    for (const p of m.pieces) {
      let list = this.byNode.get(p.node);
      if (!list) this.byNode.set(p.node, (list = []));
      const holder = p.node.parentElement;
      const entry: NodeEntry = { start: p.start, end: p.end, mention: m, holder };
      // Mostly appended: a scan places a node's mentions in order.
      if (list.length === 0 || list[list.length - 1]!.start < p.start) list.push(entry);
      else list.splice(lowerBound(list, p.start), 0, entry);
      if (holder) this.holders.set(holder, (this.holders.get(holder) ?? 0) + 1);
    }
    this.all.add(m);
    this.perEntity.set(m.entityId, (this.perEntity.get(m.entityId) ?? 0) + 1);
    this.ordered = undefined;
    this.version++;
    return true;
  }

  remove(m: PlacedMention): void {
    if (!this.all.delete(m)) return;
    const n = (this.perEntity.get(m.entityId) ?? 1) - 1;
    if (n > 0) this.perEntity.set(m.entityId, n);
    else this.perEntity.delete(m.entityId);
    for (const p of m.pieces) {
      const list = this.byNode.get(p.node);
      if (!list) continue;
      // Entries of a node do not overlap, so each start is unique: found by binary search.
      let i = lowerBound(list, p.start);
      if (list[i]?.mention !== m) i = list.findIndex((e) => e.mention === m);
      if (i < 0) continue;
      const holder = list[i]!.holder;
      list.splice(i, 1);
      if (list.length === 0) this.byNode.delete(p.node);
      if (holder) {
        const n = (this.holders.get(holder) ?? 1) - 1;
        if (n > 0) this.holders.set(holder, n);
        else this.holders.delete(holder);
      }
    }
    this.ordered = undefined;
    this.version++;
  }

  /** Removes and returns every mention the predicate picks. */
  removeWhere(pick: (m: PlacedMention) => boolean): PlacedMention[] {
    const gone: PlacedMention[] = [];
    for (const m of this.all) if (pick(m)) gone.push(m);
    for (const m of gone) this.remove(m);
    return gone;
  }

  /** The mention whose text covers the character at `offset` of `node`, if any. */
  at(node: Node, offset: number): PlacedMention | undefined {
    const list = this.byNode.get(node as Text);
    if (!list || offset < 0) return undefined;
    const i = lowerBound(list, offset + 1) - 1;
    const e = list[i];
    return e && e.start <= offset && offset < e.end ? e.mention : undefined;
  }

  /** The pieces of mentions in `node`, in text order (not to be modified). */
  entriesOf(node: Node): readonly NodeEntry[] {
    return this.byNode.get(node as Text) ?? NO_ENTRIES;
  }

  /** Every mention with text in `node`. */
  inNode(node: Node): PlacedMention[] {
    return (this.byNode.get(node as Text) ?? []).map((e) => e.mention);
  }

  /** Whether any mention's text sits directly in this element (hover's pre-check). */
  holdsMentions(el: Element): boolean {
    return (this.holders.get(el) ?? 0) > 0;
  }

  has(m: PlacedMention): boolean {
    return this.all.has(m);
  }

  values(): IterableIterator<PlacedMention> {
    return this.all.values();
  }

  /**
   * All mentions in document order (across open shadow roots too), cached until a change. Built
   * from the per-node lists, already in text order: only the text nodes are sorted (a node of
   * 20,000 names is one item of the sort), by the DOM's own order where they share a root.
   */
  inDocumentOrder(): PlacedMention[] {
    if (!this.ordered) {
      const nodes = [...this.byNode.keys()].sort(compareNodes);
      const ordered: PlacedMention[] = [];
      for (const node of nodes) {
        for (const e of this.byNode.get(node)!) if (e.mention.pieces[0]!.node === node) ordered.push(e.mention);
      }
      this.ordered = ordered;
    }
    return this.ordered;
  }

  /** Entity id → number of mentions on the page. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.perEntity);
  }

  clear(): void {
    if (this.all.size === 0) return;
    this.all.clear();
    this.perEntity.clear();
    this.byNode.clear();
    this.holders.clear();
    this.ordered = undefined;
    this.version++;
  }
}

const NO_ENTRIES: readonly NodeEntry[] = [];

/** Tree order of two nodes: the DOM's own comparison when they share a root, else across roots. */
function compareNodes(a: Node, b: Node): number {
  if (a === b) return 0;
  const pos = a.compareDocumentPosition(b);
  if (!(pos & Node.DOCUMENT_POSITION_DISCONNECTED)) {
    if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
    if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 1;
    return 0;
  }
  return compareComposed(a, b);
}

/**
 * Whether [start, end) overlaps an entry of a node's list (sorted by start, entries disjoint): only
 * the entries either side of where `start` would go can. O(log n): a page that is one huge text
 * node holds tens of thousands of mentions in one list.
 */
function overlapsAny(list: readonly NodeEntry[], start: number, end: number): boolean {
  const i = lowerBound(list, start);
  if (i < list.length && list[i]!.start < end) return true;
  return i > 0 && list[i - 1]!.end > start;
}

/** First index whose entry starts at or after `offset`. */
function lowerBound(list: readonly NodeEntry[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The node, then the shadow hosts that hold it, innermost first. */
function hostChain(node: Node): Node[] {
  const chain: Node[] = [node];
  for (let root = node.getRootNode(); root instanceof ShadowRootCtor() && (root as ShadowRoot).host; ) {
    const host = (root as ShadowRoot).host;
    chain.push(host);
    root = host.getRootNode();
  }
  return chain;
}

function ShadowRootCtor(): typeof ShadowRoot {
  return (globalThis as { ShadowRoot?: typeof ShadowRoot }).ShadowRoot ?? (class {} as unknown as typeof ShadowRoot);
}

/**
 * Tree order across shadow boundaries: a node in a shadow tree sorts where its host does, and
 * before the host's light-DOM content (the shadow tree is what renders there).
 */
export function compareComposed(a: Node, b: Node): number {
  const pa = hostChain(a).reverse();
  const pb = hostChain(b).reverse();
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  const x = pa[i];
  const y = pb[i];
  if (!x) return -1;
  if (!y) return 1;
  const pos = x.compareDocumentPosition(y);
  if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}

/** Whether `node` is `root` or inside it, looking through shadow roots to their hosts. */
export function composedContains(root: Node, node: Node): boolean {
  for (let n: Node | null = node; n; ) {
    if (n === root) return true;
    if (n.parentNode) n = n.parentNode;
    else n = (n as ShadowRoot).host ?? null;
  }
  return false;
}
