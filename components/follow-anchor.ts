/**
 * Calls `update` whenever a floating card may have to move to stay next to its anchor: a scroll of
 * any ancestor of either (across shadow roots) or of the window, a resize of the window, of the
 * anchor's element or of the card, and a move of the anchor's element that none of those tell
 * (text inserted above it). What @floating-ui/dom's autoUpdate did for the card, without the
 * library (card-placement.ts says why).
 * @returns stops following
 */
export function followAnchor(anchor: Element | undefined, floating: HTMLElement, update: () => void): () => void {
  const win = floating.ownerDocument.defaultView ?? window;
  const targets: EventTarget[] = [win];
  if (win.visualViewport) targets.push(win.visualViewport);
  for (const start of [anchor, floating]) targets.push(...ancestorsOf(start));
  for (const target of targets) {
    target.addEventListener('scroll', update, { passive: true });
    target.addEventListener('resize', update);
  }
  const stopMoves = anchor ? observeMove(anchor, update) : () => undefined;
  // A resize of the anchor stops watching the card until the next frame: the card's own resize
  // (its height bound follows the room) would call again in a loop.
  let reobserve = -1;
  let resizes: ResizeObserver | null = new ResizeObserver(([first]) => {
    if (first?.target === anchor && resizes) {
      resizes.unobserve(floating);
      cancelAnimationFrame(reobserve);
      reobserve = requestAnimationFrame(() => resizes?.observe(floating));
    }
    update();
  });
  if (anchor) resizes.observe(anchor);
  resizes.observe(floating);
  update();
  return () => {
    for (const target of targets) {
      target.removeEventListener('scroll', update);
      target.removeEventListener('resize', update);
    }
    stopMoves();
    cancelAnimationFrame(reobserve);
    resizes?.disconnect();
    resizes = null;
  };
}

/** The elements above `el`, through the hosts of the shadow roots it is in. */
function ancestorsOf(el: Element | undefined): Element[] {
  const out: Element[] = [];
  let node: Node | null | undefined = el?.parentNode;
  while (node) {
    if (node.nodeType === Node.ELEMENT_NODE) out.push(node as Element);
    node = node.parentNode ?? (node as ShadowRoot).host ?? null;
  }
  return out;
}

const sameRect = (a: DOMRect, b: DOMRect) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/**
 * Tells when `element` moves in the viewport: an IntersectionObserver whose root margin is shrunk
 * to the element's own box sees its ratio change as soon as it moves; then it is made again for
 * the new box. (A clipped element reports 0: retried after a second, not in a loop.)
 */
function observeMove(element: Element, onMove: () => void): () => void {
  const root = element.ownerDocument.documentElement;
  const win = element.ownerDocument.defaultView ?? window;
  let io: IntersectionObserver | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const cleanup = () => {
    clearTimeout(retry);
    io?.disconnect();
    io = null;
  };
  const refresh = (skip = false, threshold = 1) => {
    cleanup();
    const box = element.getBoundingClientRect();
    if (!skip) onMove();
    if (!box.width || !box.height) return;
    const inset = [
      Math.floor(box.top),
      Math.floor(root.clientWidth - box.right),
      Math.floor(root.clientHeight - box.bottom),
      Math.floor(box.left),
    ];
    let first = true;
    const observed = (entries: IntersectionObserverEntry[]) => {
      const ratio = entries[0]?.intersectionRatio ?? 0;
      // The entry may be stale (the element moved since): refresh whatever the ratio.
      if (!sameRect(box, element.getBoundingClientRect())) return refresh();
      if (ratio !== threshold) {
        if (!first) return refresh();
        if (!ratio) retry = setTimeout(() => refresh(false, 1e-7), 1000);
        else refresh(false, ratio);
      }
      first = false;
    };
    const options = { rootMargin: inset.map((px) => `${-px}px`).join(' '), threshold: Math.max(0, Math.min(1, threshold)) || 1 };
    try {
      io = new IntersectionObserver(observed, { ...options, root: root.ownerDocument });
    } catch {
      io = new IntersectionObserver(observed, options);
    }
    io.observe(element);
  };
  // The window's resize listener already places the card: only the observer is made anew here.
  const onResize = () => refresh(true);
  win.addEventListener('resize', onResize);
  refresh(true);
  return () => {
    win.removeEventListener('resize', onResize);
    cleanup();
  };
}
