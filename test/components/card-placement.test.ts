/**
 * Where the card stands (components/card-placement.ts): the rules table by table, then the same
 * answers as @floating-ui/dom's middleware gave the card before the library left the content
 * script (issue 14: its size), on random names, cards and viewports.
 */
import { computePosition, flip, inline, offset, shift, size, type Platform } from '@floating-ui/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorBox, linesOf, placeBoundedCard, placeCard, type Box, type PlacementInput, type Size } from '../../components/card-placement.ts';

const viewport: Box = { left: 0, top: 0, right: 1000, bottom: 800 };
const box = (left: number, top: number, right: number, bottom: number): Box => ({ left, top, right, bottom });
const input = (name: Box[], card: Size, more: Partial<PlacementInput> = {}): PlacementInput => ({
  rects: name,
  bounds: name.length ? { ...linesOf(name)[0]!, bottom: Math.max(...name.map((r) => r.bottom)) } : box(0, 0, 0, 0),
  card,
  viewport,
  offset: 6,
  padding: 8,
  ...more,
});

describe('placeCard: the rules', () => {
  const card = { width: 300, height: 200 };
  it.each([
    ['a name mid-page: under it, centred', [box(450, 300, 550, 320)], card, { side: 'bottom', x: 350, y: 326, room: 800 - 8 - 326 }],
    ['a name near the bottom: above it', [box(450, 700, 550, 720)], card, { side: 'top', x: 350, y: 700 - 6 - 200, room: 700 - 6 - 8 }],
    ['a name at the right edge: shifted 8 px in', [box(900, 300, 990, 320)], card, { side: 'bottom', x: 1000 - 8 - 300 }],
    ['a name at the left edge: shifted 8 px in', [box(0, 300, 40, 320)], card, { side: 'bottom', x: 8 }],
    ['a tall card, more room above: above, bounded by that room', [box(450, 500, 550, 520)], { width: 300, height: 700 }, { side: 'top', room: 500 - 6 - 8 }],
    ['a tall card, more room below: below, bounded by that room', [box(450, 200, 550, 220)], { width: 300, height: 700 }, { side: 'bottom', room: 800 - 8 - 226 }],
    ['a name in no line box (empty rects): its bounds', [], card, { side: 'bottom', x: -150 + 8 + 150 }],
  ] as const)('%s', (_what, name, size, expected) => {
    expect(placeCard(input([...name], size))).toMatchObject(expected);
  });

  it('a name over two lines stands for its last line below, its first above', () => {
    const lines = [box(100, 300, 180, 320), box(800, 322, 900, 342)];
    expect(anchorBox(lines, box(100, 300, 900, 342), 'bottom')).toEqual(box(800, 300, 900, 342));
    expect(anchorBox(lines, box(100, 300, 900, 342), 'top')).toEqual(box(100, 300, 180, 342));
    expect(placeCard(input(lines, card))).toMatchObject({ side: 'bottom', x: 1000 - 8 - 300, y: 348 });
  });

  it('fragments on one line are one line', () => {
    expect(linesOf([box(10, 100, 20, 120), box(20, 101, 40, 121), box(50, 140, 60, 160)])).toEqual([box(10, 100, 40, 121), box(50, 140, 60, 160)]);
  });

  it('a card that its bound shrinks is placed again on the side chosen', () => {
    const natural = { width: 300, height: 700 };
    const at = placeBoundedCard(input([box(450, 500, 550, 520)], natural), (room) => ({ width: 300, height: Math.min(700, room) }));
    expect(at).toMatchObject({ side: 'top', y: 8, room: 486 });
  });
});

/** floating-ui's answer for the same name, card and viewport, the card's height following its bound. */
async function floatingUi(i: PlacementInput, height: (bound: number) => number): Promise<{ x: number; y: number; room: number }> {
  const card = { width: i.card.width, height: i.card.height };
  let room = NaN;
  const toRect = (b: Box) => ({ x: b.left, y: b.top, width: b.right - b.left, height: b.bottom - b.top });
  const toClient = (b: Box) => ({ ...toRect(b), ...b });
  const reference = { getBoundingClientRect: () => toClient(i.bounds), getClientRects: () => i.rects.map(toClient) };
  const platform: Platform = {
    getElementRects: async ({ reference: r }) => ({
      reference: toRect((r as typeof reference).getBoundingClientRect()),
      floating: { x: 0, y: 0, ...card },
    }),
    getClippingRect: async () => toRect(i.viewport),
    getDimensions: async () => ({ ...card }),
    getClientRects: async (r) => (r as typeof reference).getClientRects(),
  };
  const { x, y } = await computePosition(reference, {}, {
    placement: 'bottom',
    strategy: 'fixed',
    platform,
    middleware: [
      inline(),
      offset(i.offset),
      flip({ padding: i.padding }),
      shift({ padding: i.padding }),
      size({
        padding: i.padding,
        apply({ availableHeight }) {
          room = availableHeight;
          card.height = height(availableHeight);
        },
      }),
    ],
  });
  return { x, y, room };
}

const arbName = fc
  .record({
    left: fc.integer({ min: -50, max: 1000 }),
    top: fc.integer({ min: -50, max: 850 }),
    width: fc.integer({ min: 1, max: 200 }),
    lines: fc.integer({ min: 1, max: 3 }),
    lineStart: fc.integer({ min: 0, max: 300 }),
  })
  .map(({ left, top, width, lines, lineStart }) => {
    const rects: Box[] = [];
    for (let l = 0; l < lines; l++) {
      const from = l === 0 ? left : lineStart;
      rects.push(box(from, top + l * 24, from + width, top + l * 24 + 20));
    }
    const bounds = { left: Math.min(...rects.map((r) => r.left)), top, right: Math.max(...rects.map((r) => r.right)), bottom: rects[rects.length - 1]!.bottom };
    return { rects, bounds };
  });

describe('placeCard: as floating-ui placed the card', () => {
  it('same side, position and room on random names, cards and viewports', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbName,
        fc.integer({ min: 100, max: 600 }),
        fc.integer({ min: 40, max: 900 }),
        fc.integer({ min: 200, max: 1200 }),
        fc.integer({ min: 150, max: 900 }),
        fc.integer({ min: 160, max: 360 }),
        async (name, width, natural, vw, vh, previousBound) => {
          // The card as measured first: within the bound its last placement left.
          const card = { width, height: Math.min(natural, previousBound) };
          const i: PlacementInput = { ...name, card, viewport: box(0, 0, vw, vh), offset: 6, padding: 8 };
          // The card's sheet: its natural height, within its bound (the card's min and max heights).
          const height = (room: number) => Math.min(natural, Math.max(160, Math.min(360, Math.floor(room))));
          const expected = await floatingUi(i, height);
          const ours = placeBoundedCard(i, (room) => ({ width, height: height(room) }));
          expect({ x: ours.x, y: ours.y, room: ours.room }).toEqual(expected);
        },
      ),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 0) || 2000 },
    );
  });
});
