// @vitest-environment happy-dom
/**
 * Property tests (fast-check) of the DOM side of scanning:
 * - BlockCollector on random DOM trees (text, inline and block elements, <br>, skipped and hidden
 *   elements, editable regions, SVG, shadow roots, deep nesting): never throws, every block is its
 *   nodes' text in document order, no text of a skipped element is read, every readable text node
 *   is read exactly once, and spanToRange maps any span of a block back to the same text.
 * - The scanner's windows (a long block matched window by window, page/scanner.ts): the names
 *   found are exactly those detect() finds in the whole text at once, whatever the text and
 *   however it is split into nodes.
 * `npm run fuzz` runs them with FUZZ_RUNS cases (scaled down: each case is a whole DOM tree).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { detect } from '../../core/match/detect.ts';
import { MIN_HIGHLIGHT_CONFIDENCE } from '../../lib/constants.ts';
import { BlockCollector, collectBlocks, spanToRange, toLiveRange, type TextBlock } from '../../page/collect-text.ts';
import { MentionIndex } from '../../page/mention-index.ts';
import { Scanner } from '../../page/scanner.ts';
import { TEST_NAMES, testMatcher } from './helpers.ts';

const FUZZ = Number(process.env['FUZZ_RUNS'] ?? 0);
const TREE_RUNS = FUZZ > 0 ? Math.max(200, Math.floor(FUZZ / 20)) : 150;
const WINDOW_RUNS = FUZZ > 0 ? Math.max(100, Math.floor(FUZZ / 100)) : 40;
const TIMEOUT = 30_000 + TREE_RUNS * 20 + WINDOW_RUNS * 200;

afterEach(() => {
  document.body.innerHTML = '';
});

// ── Random DOM trees ─────────────────────────────────────────────────────────────────────────

const WORDS = ['البوكمال', 'دير الزور', 'بغداد', 'دمشق', 'داعش', 'الجيش العراقي', 'قال', 'في', 'و', 'مدينة', 'Iraq', ' ', '، ', '.', '\u200c', 'ـ', '\u064e'];
const text = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { maxLength: 6 }).map((p) => p.join(''));

type Tree = { kind: 'text'; data: string } | { kind: 'el'; tag: string; attrs: [string, string][]; children: Tree[]; shadow: Tree[] | null };

/** Tags and what they do to reading: blocks, inline, boundaries, and what is never read. */
const TAGS = ['p', 'div', 'section', 'li', 'h2', 'td', 'span', 'b', 'a', 'em', 'br', 'script', 'style', 'textarea', 'template', 'noscript', 'svg', 'button'];
const ATTRS: [string, string][] = [
  ['hidden', ''],
  ['contenteditable', 'true'],
  ['contenteditable', 'false'],
  ['style', 'display: none'],
  ['style', 'visibility: hidden'],
  ['style', 'display: inline'],
  ['style', 'display: block'],
  ['dir', 'ltr'],
];

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('text' as const), data: text }),
    fc.record({
      kind: fc.constant('el' as const),
      tag: fc.constantFrom(...TAGS),
      attrs: fc.subarray(ATTRS, { maxLength: 2 }),
      children: fc.array(tie('node'), { maxLength: 4 }),
      shadow: fc.option(fc.array(tie('node'), { maxLength: 3 }), { freq: 6 }),
    }),
  ),
})).node;

function build(t: Tree, parent: Node): void {
  if (t.kind === 'text') {
    parent.appendChild(document.createTextNode(t.data));
    return;
  }
  const el = t.tag === 'svg' ? document.createElementNS('http://www.w3.org/2000/svg', 'svg') : document.createElement(t.tag);
  for (const [k, v] of t.attrs) el.setAttribute(k, v);
  parent.appendChild(el);
  for (const c of t.children) build(c, t.tag === 'template' ? (el as HTMLTemplateElement).content : el);
  if (t.shadow && ['div', 'section', 'span', 'p'].includes(t.tag)) {
    const root = el.attachShadow({ mode: 'open' });
    for (const c of t.shadow) build(c, root);
  }
}

function collectPausing(root: Node): { blocks: TextBlock[]; pauses: number } {
  const collector = new BlockCollector(root as Element);
  const blocks: TextBlock[] = [];
  let pauses = 0;
  for (;;) {
    const block = collector.next(0);
    if (block) blocks.push(block);
    else if (collector.paused) pauses++;
    else break;
  }
  return { blocks, pauses };
}

/** Whether a text node is one the collector must never read (by its ancestors alone). */
function unreadable(node: Node): boolean {
  for (let n: Node | null = node.parentNode; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
    if (n.nodeType === Node.DOCUMENT_FRAGMENT_NODE && !(n as ShadowRoot).host) return true; // template content
    if (n.nodeType !== Node.ELEMENT_NODE) continue;
    const el = n as Element;
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return true;
    if (['SCRIPT', 'STYLE', 'TEXTAREA', 'TEMPLATE', 'NOSCRIPT'].includes(el.tagName)) return true;
    if (el.hasAttribute('hidden')) return true;
    const ce = el.getAttribute('contenteditable');
    if (ce !== null && ce !== 'false') return true;
    const style = el.getAttribute('style') ?? '';
    if (style.includes('display: none') || style.includes('visibility: hidden')) return true;
  }
  return false;
}

function textNodes(root: Node, out: Text[] = []): Text[] {
  for (const c of root.childNodes) {
    if (c.nodeType === Node.TEXT_NODE) out.push(c as Text);
    else textNodes(c, out);
    if (c.nodeType === Node.ELEMENT_NODE && (c as Element).shadowRoot) textNodes((c as Element).shadowRoot!, out);
    if (c.nodeType === Node.ELEMENT_NODE && (c as Element).tagName === 'TEMPLATE') textNodes((c as HTMLTemplateElement).content, out);
  }
  return out;
}

describe('BlockCollector on random DOM trees', () => {
  test('never throws; blocks are their nodes’ text; nothing unreadable read; everything readable read once', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 5 }), fc.nat(), (trees, seed) => {
        document.body.innerHTML = '';
        const host = document.createElement('main');
        document.body.appendChild(host);
        for (const t of trees) build(t, host);
        const blocks = collectBlocks(document.body);
        const seen = new Map<Text, number>();
        for (const b of blocks) {
          expect(b.nodes.length).toBeGreaterThan(0);
          expect(b.starts.length).toBe(b.nodes.length);
          // The nodes' text in order, a '\n' between two where a <br> stood (no node holds it).
          expect(b.starts[0]).toBe(0);
          b.nodes.forEach((n, i) => {
            expect(b.text.slice(b.starts[i], b.starts[i]! + n.data.length)).toBe(n.data);
            const gapEnd = i + 1 < b.nodes.length ? b.starts[i + 1]! : b.text.length;
            expect(['', '\n']).toContain(b.text.slice(b.starts[i]! + n.data.length, gapEnd));
            seen.set(n, (seen.get(n) ?? 0) + 1);
          });
          // Any span of the block maps back to positions in the block's nodes holding that text.
          // (Not Range.toString(): a range also covers the text of skipped elements between its
          // ends, a <style> or a hidden span, which the reader does not see and which is not painted.)
          if (b.text.length > 0) {
            const start = seed % b.text.length;
            const end = start + 1 + ((seed >> 3) % (b.text.length - start));
            const spec = spanToRange(b, start, end)!;
            expect(spec).not.toBeNull();
            const i = b.nodes.indexOf(spec.startContainer);
            const j = b.nodes.indexOf(spec.endContainer);
            expect(i >= 0 && j >= i).toBe(true);
            const covered =
              i === j
                ? spec.startContainer.data.slice(spec.startOffset, spec.endOffset)
                : spec.startContainer.data.slice(spec.startOffset) +
                  b.nodes.slice(i + 1, j).map((n) => n.data).join('') +
                  spec.endContainer.data.slice(0, spec.endOffset);
            // The span's text that nodes hold: all of it but a <br>'s '\n'.
            const held = b.nodes
              .map((n, k) => b.text.slice(Math.max(start, b.starts[k]!), Math.min(end, b.starts[k]! + n.data.length)))
              .filter((_, k) => b.starts[k]! < end && b.starts[k]! + b.nodes[k]!.data.length > start)
              .join('');
            expect(covered).toBe(held);
          }
        }
        for (const n of textNodes(document.body)) {
          if (unreadable(n)) expect(seen.has(n), JSON.stringify(n.data)).toBe(false);
          else if (n.data.length > 0) expect(seen.get(n), JSON.stringify(n.data)).toBe(1);
        }
        // Gathered with pauses (a deadline always past: the scanner's slices at their worst), the
        // blocks are the same.
        expect(collectPausing(document.body).blocks.map((b) => b.text)).toEqual(blocks.map((b) => b.text));
      }),
      { numRuns: TREE_RUNS },
    );
  }, TIMEOUT);

  test('a paragraph of 2,000 inline elements is gathered across many pauses, as one block', () => {
    const p = document.createElement('p');
    for (let i = 0; i < 2000; i++) {
      const span = document.createElement(i % 2 ? 'span' : 'b');
      span.textContent = i === 1000 ? 'البو' : i === 1001 ? 'كمال' : `كلمة${i}`;
      p.appendChild(span);
      if (i !== 1000) p.appendChild(document.createTextNode(' '));
    }
    document.body.appendChild(p);
    const { blocks, pauses } = collectPausing(document.body);
    expect(pauses).toBeGreaterThan(20);
    expect(blocks.length).toBe(1);
    expect(blocks[0]!.text).toContain(' البوكمال ');
    expect(blocks[0]!.nodes.length).toBe(3999);
  });
});

// ── Long blocks matched in windows ───────────────────────────────────────────────────────────

const NAMES = TEST_NAMES.flatMap((n) => n.names);
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 2, arbitrary: fc.constantFrom('و', 'ب', 'ل', 'ال', 'وال') .chain((p) => fc.constantFrom(...NAMES).map((n) => p + n)) },
  { weight: 6, arbitrary: fc.constantFrom(' ', ' ', ' ', '، ', '. ', '\n', ' في ', ' قال ', ' عملية عسكرية ', ' بطولة ', 'x', 'ـ', '\u200c', '«', '»') },
  { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
);
const longText = fc.array(piece, { minLength: 800, maxLength: 2000 }).map((p) => p.join(''));

async function scanText(parts: string[], windowChars: number) {
  document.body.innerHTML = '';
  const p = document.createElement('p');
  for (const [i, part] of parts.entries()) {
    if (i % 2 === 1) {
      const b = document.createElement('b');
      b.textContent = part;
      p.appendChild(b);
    } else p.appendChild(document.createTextNode(part));
  }
  document.body.appendChild(p);
  const index = new MentionIndex();
  const scanner = new Scanner({ doc: document, matcher, index, detectWindowChars: windowChars, sliceMs: 1, yieldToPage: () => Promise.resolve() });
  await scanner.start();
  scanner.stop();
  return index.inDocumentOrder().map((m) => `${m.entityId}:${toLiveRange(m.spec).toString()}`);
}

const matcher = testMatcher();

describe('long blocks, matched window by window', () => {
  test('find what detect() finds in the whole text, however the text is split into nodes', async () => {
    let windowed = 0;
    await fc.assert(
      fc.asyncProperty(longText, fc.array(fc.nat(), { maxLength: 30 }), fc.integer({ min: 1536, max: 2500 }), async (text, cuts, windowChars) => {
        if (text.length > 2 * windowChars) windowed++;
        const expected = detect(matcher, text, { minConfidence: MIN_HIGHLIGHT_CONFIDENCE }).map((m) => `${m.entityId}:${m.text}`);
        // One text node.
        expect(await scanText([text], windowChars)).toEqual(expected);
        // The same text cut into many nodes, some in <b>.
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const parts = [0, ...at, text.length].slice(1).map((end, i, all) => text.slice(i === 0 ? 0 : all[i - 1], end));
        expect(await scanText(parts, windowChars)).toEqual(expected);
      }),
      { numRuns: WINDOW_RUNS },
    );
    // Most texts were long enough for three windows or more.
    expect(windowed).toBeGreaterThan(WINDOW_RUNS / 2);
  }, TIMEOUT);
});
