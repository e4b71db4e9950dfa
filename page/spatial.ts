/**
 * Finding names by position without measuring every one of them. Names in text order lie on lines
 * in order (horizontal writing: a later name is on the same line or a lower one), so a binary
 * search over the list, measuring one name per step, finds the line of a point or the first line
 * in view; only the few names of that line are then measured. A text node of 20,000 names costs
 * about 15 measurements instead of 20,000.
 *
 * The lists may hold names with no box (in a collapsed or hidden part): a probe that meets one
 * looks at its neighbours, a bounded number of them (SKIP_UNMEASURED).
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How many names without a box a probe passes over before it gives up on its place. */
const SKIP_UNMEASURED = 16;

/** How many names past the start of the point's line are tested, at most (a line holds a few). */
const LINE_WALK_MAX = 64;

/** Below this many names a plain walk from the start is as cheap, and exact on any layout. */
export const LINEAR_WALK_MAX = 256;

function hasSize(b: Box): boolean {
  return b.right > b.left || b.bottom > b.top;
}

function bottomOf(boxes: ArrayLike<Box>): number {
  let v = -Infinity;
  for (let i = 0; i < boxes.length; i++) if (hasSize(boxes[i]!)) v = Math.max(v, boxes[i]!.bottom);
  return v;
}

function topOf(boxes: ArrayLike<Box>): number {
  let v = Infinity;
  for (let i = 0; i < boxes.length; i++) if (hasSize(boxes[i]!)) v = Math.min(v, boxes[i]!.top);
  return v;
}

/** Whether a point lies in one of the boxes (1 px of slack for rounding). */
export function boxesContain(boxes: ArrayLike<Box>, x: number, y: number): boolean {
  for (let i = 0; i < boxes.length; i++) {
    const r = boxes[i]!;
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

/**
 * The first index in [lo, hi) at which `past(boxes)` holds, for a predicate that is false and then
 * true along the list; names without a box take the verdict of the next one that has one (within
 * SKIP_UNMEASURED; none found: true).
 */
function partition<T>(items: readonly T[], boxesOf: (item: T) => ArrayLike<Box>, past: (boxes: ArrayLike<Box>) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    let verdict = true;
    for (let j = mid; j < Math.min(hi, mid + SKIP_UNMEASURED); j++) {
      const boxes = boxesOf(items[j]!);
      if (bottomOf(boxes) === -Infinity) continue;
      verdict = past(boxes);
      break;
    }
    if (verdict) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The item whose boxes hold (x, y), for items in text order (one text node's names). Costs
 * O(log n) measurements plus the names of the point's line.
 */
export function itemAtPoint<T>(items: readonly T[], boxesOf: (item: T) => ArrayLike<Box>, x: number, y: number): T | undefined {
  // The first name not wholly above the point's line.
  const start = partition(items, boxesOf, (b) => bottomOf(b) >= y - 1);
  for (let i = start; i < items.length && i < start + LINE_WALK_MAX; i++) {
    const boxes = boxesOf(items[i]!);
    if (boxesContain(boxes, x, y)) return items[i];
    // Past the point's line: no later name can hold it (a name with no box says nothing).
    const top = topOf(boxes);
    if (top !== Infinity && top > y + 1) break;
  }
  return undefined;
}

/**
 * The first item (document order) whose box reaches the top of the viewport or below: where the
 * reader is reading. Short lists are walked (exact whatever the layout); long ones searched.
 * -1 when no item has a box there.
 */
export function firstInView<T>(items: readonly T[], boxOf: (item: T) => Box): number {
  const visible = (b: Box) => hasSize(b) && b.bottom >= 0;
  if (items.length <= LINEAR_WALK_MAX) return items.findIndex((m) => visible(boxOf(m)));
  const i = partition(items, (m) => [boxOf(m)], (b) => b[0]!.bottom >= 0);
  for (let j = i; j < items.length && j < i + SKIP_UNMEASURED; j++) if (visible(boxOf(items[j]!))) return j;
  return -1;
}

/** The last item whose box starts at or above the viewport's bottom (`height`); -1 when none. */
export function lastInView<T>(items: readonly T[], boxOf: (item: T) => Box, height: number): number {
  const visible = (b: Box) => hasSize(b) && b.top <= height;
  if (items.length <= LINEAR_WALK_MAX) {
    for (let i = items.length - 1; i >= 0; i--) if (visible(boxOf(items[i]!))) return i;
    return -1;
  }
  const i = partition(items, (m) => [boxOf(m)], (b) => b[0]!.top > height);
  for (let j = i - 1; j >= 0 && j >= i - SKIP_UNMEASURED; j--) if (visible(boxOf(items[j]!))) return j;
  return -1;
}
