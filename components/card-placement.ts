/**
 * Where a floating card goes, as plain geometry (no DOM: every rect is given, in viewport pixels).
 * The rules are the ones the card followed with @floating-ui/dom (placement 'bottom' with inline,
 * offset, flip, shift and size), kept in a module of its own because that library was a fifth of
 * the content script's size (issue 14: ≤ 60 KB gzipped) for these few rules:
 *
 * | rule | example |
 * | --- | --- |
 * | below the name, centred on it, `offset` px away | a name mid-page: the card hangs under it |
 * | a name broken over lines stands for its last line (its first when the card is above) | a name wrapped at the line's end: the card is under its second half |
 * | above when it does not fit below (the card's sides count too) | a name near the viewport's bottom |
 * | neither fits: the side whose own side fits with the least overflow on one cross side (the left; the right for a name wider than the card), else the least overflow in all | a tall card on a short window: the side with more room |
 * | shifted sideways to keep `padding` px from the viewport's edges | a name at the right edge: the card's right side is `padding` px in |
 * | the room on its side (less the padding), for the card's height bound | 200 px under the name: 200 − offset − padding |
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export type Side = 'bottom' | 'top';

export interface PlacementInput {
  /** The name's rects (one per line box fragment); empty when it has none (then `bounds` is used). */
  rects: readonly Box[];
  /** The name's bounding box. */
  bounds: Box;
  /** The card's size. */
  card: Size;
  /** The visible viewport. */
  viewport: Box;
  /** The gap between name and card. */
  offset: number;
  /** The gap kept between the card and the viewport's edges. */
  padding: number;
  /** Only this side (the card's height was just bounded for it); otherwise the rules choose. */
  side?: Side;
}

export interface Placement {
  side: Side;
  x: number;
  y: number;
  /** The height the card has on its side: its height bound. */
  room: number;
}

const union = (boxes: readonly Box[]): Box => ({
  left: Math.min(...boxes.map((b) => b.left)),
  top: Math.min(...boxes.map((b) => b.top)),
  right: Math.max(...boxes.map((b) => b.right)),
  bottom: Math.max(...boxes.map((b) => b.bottom)),
});

/** Rects joined line by line: a rect starting more than half the previous one's height lower starts a line. */
export function linesOf(rects: readonly Box[]): Box[] {
  const sorted = [...rects].sort((a, b) => a.top - b.top);
  const lines: Box[][] = [];
  let previous: Box | undefined;
  for (const r of sorted) {
    if (!previous || r.top - previous.top > (previous.bottom - previous.top) / 2) lines.push([r]);
    else lines[lines.length - 1]!.push(r);
    previous = r;
  }
  return lines.map(union);
}

/** The box the card is placed against on `side`: a name over several lines stands for one of them. */
export function anchorBox(rects: readonly Box[], bounds: Box, side: Side): Box {
  if (rects.length === 0) return bounds;
  const lines = linesOf(rects);
  if (lines.length < 2) return union(rects);
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  const across = side === 'top' ? first : last;
  return { left: across.left, right: across.right, top: first.top, bottom: last.bottom };
}

interface Fit {
  side: Side;
  x: number;
  y: number;
  /** Overflow past the padded viewport (> 0 overflows): on the card's side, then the two cross sides. */
  overflows: [number, number, number];
}

function fitOn(side: Side, input: PlacementInput): Fit {
  const { card, viewport: vp, offset, padding } = input;
  const ref = anchorBox(input.rects, input.bounds, side);
  const x = (ref.left + ref.right) / 2 - card.width / 2;
  const y = side === 'bottom' ? ref.bottom + offset : ref.top - offset - card.height;
  const main = side === 'bottom' ? y + card.height - (vp.bottom - padding) : vp.top + padding - y;
  const left = vp.left + padding - x;
  const right = x + card.width - (vp.right - padding);
  // floating-ui's order of the cross sides: the right one first when the name is wider than the card.
  return { side, x, y, overflows: ref.right - ref.left > card.width ? [main, right, left] : [main, left, right] };
}

/** Below if it fits, else above if it fits, else the best fit (flip's rules, tabled above). */
function chooseSide(input: PlacementInput): Fit {
  const fits = (['bottom', 'top'] as const).map((side) => fitOn(side, input));
  const clear = fits.find((f) => f.overflows.every((o) => o <= 0));
  if (clear) return clear;
  const mainFits = fits.filter((f) => f.overflows[0] <= 0).sort((a, b) => a.overflows[1] - b.overflows[1]);
  if (mainFits[0]) return mainFits[0];
  const excess = (f: Fit) => f.overflows.reduce((sum, o) => sum + Math.max(0, o), 0);
  return [...fits].sort((a, b) => excess(a) - excess(b))[0]!;
}

/** One placement of a card whose size is `input.card`. */
export function placeCard(input: PlacementInput): Placement {
  const fit = input.side ? fitOn(input.side, input) : chooseSide(input);
  const { card, viewport: vp, padding } = input;
  // Shifted to stay inside the padded viewport; its left edge wins when the card is wider.
  const x = Math.max(vp.left + padding, Math.min(fit.x, vp.right - padding - card.width));
  const clipped = vp.bottom - vp.top - 2 * padding;
  const room = fit.side === 'bottom' ? vp.bottom - padding - fit.y : fit.y + card.height - (vp.top + padding);
  return { side: fit.side, x, y: fit.y, room: Math.min(room, clipped) };
}

/** Placing again after the height bound changed the card's size: at most this often (a bound moves it once). */
const PLACEMENT_PASSES = 3;

/**
 * Places a card whose height follows its bound: `bound(room)` sets the card's height bound from
 * the room on its side and answers the card's size then. A card that changed size is placed again,
 * on the side already chosen (the bound was made for it).
 */
export function placeBoundedCard(input: PlacementInput, bound: (room: number) => Size): Placement {
  let card = input.card;
  let side = input.side;
  for (let pass = 1; ; pass++) {
    const at = placeCard({ ...input, card, ...(side ? { side } : {}) });
    side = at.side;
    const next = bound(at.room);
    if ((next.width === card.width && next.height === card.height) || pass >= PLACEMENT_PASSES) return at;
    card = next;
  }
}
