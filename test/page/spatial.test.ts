// @vitest-environment happy-dom
/**
 * The position look-ups of spatial.ts on laid-out text of our own making: names in text order on
 * lines of fixed height, each measurement counted, so that the tests say both what is found and
 * that it was found without measuring every name.
 */
import { describe, expect, it } from 'vitest';
import { MentionIndex, type PlacedMention } from '../../page/mention-index.ts';
import { boxesContain, firstInView, itemAtPoint, lastInView, LINEAR_WALK_MAX, type Box } from '../../page/spatial.ts';

const LINE_PX = 20;
const NAME_PX = 40;
const GAP_PX = 30;
const PER_LINE = 8;

interface Name {
  i: number;
  /** Its boxes: one, or two when it wraps onto the next line. */
  boxes: Box[];
}

/**
 * `n` names laid out right to left (Arabic), PER_LINE a line; `wrapEvery`: every so many names,
 * one breaks across two lines (its first half at the end of a line, the rest at the next line's
 * start); `hidden`: indices with no box (in a collapsed part).
 */
function layout(n: number, { wrapEvery = 0, hidden = new Set<number>(), top = 0 } = {}): Name[] {
  const names: Name[] = [];
  let line = 0;
  let slot = 0;
  for (let i = 0; i < n; i++) {
    if (hidden.has(i)) {
      names.push({ i, boxes: [] });
      continue;
    }
    const y = top + line * LINE_PX;
    const right = 1000 - slot * (NAME_PX + GAP_PX);
    if (wrapEvery > 0 && i % wrapEvery === wrapEvery - 1) {
      names.push({
        i,
        boxes: [
          { left: right - NAME_PX / 2, right, top: y, bottom: y + LINE_PX },
          { left: 1000 - NAME_PX / 2, right: 1000, top: y + LINE_PX, bottom: y + 2 * LINE_PX },
        ],
      });
      line++;
      slot = 1;
      continue;
    }
    names.push({ i, boxes: [{ left: right - NAME_PX, right, top: y, bottom: y + LINE_PX }] });
    if (++slot === PER_LINE) {
      slot = 0;
      line++;
    }
  }
  return names;
}

function counted(names: readonly Name[]) {
  let measured = 0;
  return {
    boxesOf: (m: Name) => {
      measured++;
      return m.boxes;
    },
    boxOf: (m: Name): Box => {
      measured++;
      return m.boxes[0] ?? { left: 0, right: 0, top: 0, bottom: 0 };
    },
    get measured() {
      return measured;
    },
    names,
  };
}

describe('itemAtPoint: the name under a point, by lines', () => {
  it('finds the name whose box holds the point, on any line, measuring O(log n) names', () => {
    const names = layout(20_000);
    for (const target of [0, 7, 8, 4_321, 12_345, 19_999]) {
      const b = names[target]!.boxes[0]!;
      const c = counted(names);
      expect(itemAtPoint(names, c.boxesOf, (b.left + b.right) / 2, (b.top + b.bottom) / 2)?.i).toBe(target);
      // log2(20,000) ≈ 15 probes, then the names of one line.
      expect(c.measured).toBeLessThan(15 + PER_LINE + 4);
    }
  });

  it('finds nothing between names, past the last line or above the first, cheaply', () => {
    const names = layout(20_000, { top: 100 });
    const b = names[5_000]!.boxes[0]!;
    for (const [x, y] of [
      [b.left - GAP_PX / 2, b.top + 5],
      [500, 100 + (20_000 / PER_LINE) * LINE_PX + 50],
      [500, 10],
    ] as const) {
      const c = counted(names);
      expect(itemAtPoint(names, c.boxesOf, x, y)).toBeUndefined();
      expect(c.measured).toBeLessThan(15 + PER_LINE + 4);
    }
  });

  it('finds a name broken across two lines by either of its parts', () => {
    const names = layout(1_000, { wrapEvery: 11 });
    const wrapped = names[10]!;
    expect(wrapped.boxes).toHaveLength(2);
    for (const box of wrapped.boxes) {
      expect(itemAtPoint(names, (m) => m.boxes, box.left + 5, box.top + 5)?.i).toBe(10);
    }
    // And a name on the line the wrapped one ends on.
    const after = names[12]!.boxes[0]!;
    expect(itemAtPoint(names, (m) => m.boxes, after.left + 5, after.top + 5)?.i).toBe(12);
  });

  it('passes over names that have no box', () => {
    const hidden = new Set([100, 101, 102, 103, 5_000, 5_001]);
    const names = layout(10_000, { hidden });
    for (const target of [99, 104, 4_999, 5_002]) {
      const b = names[target]!.boxes[0]!;
      expect(itemAtPoint(names, (m) => m.boxes, (b.left + b.right) / 2, (b.top + b.bottom) / 2)?.i).toBe(target);
    }
  });

  it('boxesContain allows 1 px for rounding, no more', () => {
    const box = { left: 10, right: 20, top: 10, bottom: 20 };
    expect(boxesContain([box], 9, 15)).toBe(true);
    expect(boxesContain([box], 21, 21)).toBe(true);
    expect(boxesContain([box], 8.5, 15)).toBe(false);
    expect(boxesContain([], 15, 15)).toBe(false);
  });
});

describe('firstInView / lastInView: where the reader is, for the keyboard', () => {
  /** The page scrolled by `scroll` px: names above it have negative tops. */
  const scrolled = (n: number, scroll: number, options: { hidden?: Set<number> } = {}) => layout(n, { ...options, top: -scroll });

  it('on a long list, the first name reaching the viewport, measuring O(log n)', () => {
    const names = scrolled(20_000, 25_000);
    const c = counted(names);
    const i = firstInView(names, c.boxOf);
    expect(names[i]!.boxes[0]!.bottom).toBeGreaterThanOrEqual(0);
    expect(names[i - 1]!.boxes[0]!.bottom).toBeLessThan(0);
    expect(c.measured).toBeLessThan(40);
  });

  it('on a long list, the last name starting above the viewport bottom', () => {
    const names = scrolled(20_000, 25_000);
    const c = counted(names);
    const i = lastInView(names, c.boxOf, 900);
    expect(names[i]!.boxes[0]!.top).toBeLessThanOrEqual(900);
    expect(names[i + 1]!.boxes[0]!.top).toBeGreaterThan(900);
    expect(c.measured).toBeLessThan(40);
  });

  it('short lists are walked from the start: exact whatever the order of the boxes', () => {
    // A name fixed at the top of the viewport (a sticky header) comes after names scrolled away.
    const names = scrolled(LINEAR_WALK_MAX, 2_000);
    names[LINEAR_WALK_MAX - 1]!.boxes = [{ left: 0, right: 40, top: 0, bottom: 20 }];
    const firstBelow = names.findIndex((m) => (m.boxes[0]?.bottom ?? -1) >= 0);
    expect(firstInView(names, (m) => m.boxes[0]!)).toBe(firstBelow);
  });

  it('skips names without a box, and says -1 when nothing is in view', () => {
    const hidden = new Set(Array.from({ length: 10 }, (_, k) => 10_000 + k));
    const names = scrolled(20_000, 0, { hidden });
    // Scrolled so that the hidden stretch is where the viewport starts.
    const top = names[9_999]!.boxes[0]!.bottom + 1;
    for (const m of names) for (const b of m.boxes) ((b.top -= top), (b.bottom -= top));
    const boxOf = (m: Name) => m.boxes[0] ?? { left: 0, right: 0, top: 0, bottom: 0 };
    const walked = names.findIndex((m) => m.boxes.length > 0 && boxOf(m).bottom >= 0);
    expect(walked).toBeGreaterThanOrEqual(10_010);
    expect(firstInView(names, boxOf)).toBe(walked);
    expect(firstInView(scrolled(20_000, 1e9), (m) => m.boxes[0]!)).toBe(-1);
  });
});

describe('MentionIndex.inDocumentOrder', () => {
  function mention(node: Text, start: number, end: number, id = 'place:x'): PlacedMention {
    const spec = { startContainer: node, startOffset: start, endContainer: node, endOffset: end };
    return { entityId: id, kind: 'city', category: 'place', text: node.data.slice(start, end), confidence: 1, spec, range: spec as unknown as AbstractRange, pieces: [{ node, start, end }] };
  }

  it('orders by node in the document, then by offset, whatever the order of adding', () => {
    document.body.innerHTML = '<p id="a">one two three</p><div><p id="b">four five</p></div>';
    const a = document.getElementById('a')!.firstChild as Text;
    const b = document.getElementById('b')!.firstChild as Text;
    const index = new MentionIndex();
    const ms = [mention(b, 5, 9), mention(a, 8, 13), mention(b, 0, 4), mention(a, 0, 3), mention(a, 4, 7)];
    for (const m of ms) index.add(m);
    expect(index.inDocumentOrder().map((m) => m.text)).toEqual(['one', 'two', 'three', 'four', 'five']);
    expect(index.entriesOf(a).map((e) => e.start)).toEqual([0, 4, 8]);
    index.remove(ms[1]!);
    expect(index.inDocumentOrder().map((m) => m.text)).toEqual(['one', 'two', 'four', 'five']);
  });
});
