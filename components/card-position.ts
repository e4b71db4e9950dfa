/**
 * Where a floating entity card stands: below its name, flipped above when there is no room there,
 * shifted to stay inside the viewport, and as tall as the room left allows within the card's
 * height bounds (the rules: card-placement.ts). One placement for the hover card on pages and the
 * reader view's card.
 *
 * CSS zoom: Chromium's standardized zoom gives every rect (the name's, the viewport's) in viewport
 * pixels, while the card's own `left`, `top` and heights are multiplied by the card's effective
 * zoom (a page's `html { zoom: 1.5 }` reaches the card's host too). So the placement is computed in
 * viewport pixels throughout (the card measured by its box, not its CSS size) and divided by the
 * card's zoom when it is written (currentCSSZoom; 1 where the engine has no such zoom).
 */
import { CARD_MAX_HEIGHT_PX, CARD_MIN_HEIGHT_PX, CARD_OFFSET_PX, CARD_VIEWPORT_PADDING_PX } from '../lib/constants.ts';
import { placeBoundedCard, type Box } from './card-placement.ts';
import { followAnchor } from './follow-anchor.ts';

/** A name: an element, or a range wrapped with the element it lies in (whose moves are followed). */
export type ReferenceElement =
  | Element
  | { getBoundingClientRect(): DOMRect; getClientRects?(): DOMRectList | DOMRect[]; contextElement?: Element };

/** The factor from an element's CSS pixels to viewport pixels (its effective CSS zoom). */
export function zoomOf(el: Element): number {
  const z = (el as Element & { currentCSSZoom?: number }).currentCSSZoom;
  return typeof z === 'number' && Number.isFinite(z) && z > 0 ? z : 1;
}

/** The card's height bound from the room there is (viewport px), in the card's own px. */
function setMaxHeight(floating: HTMLElement, room: number, zoom: number): void {
  const height = Math.max(CARD_MIN_HEIGHT_PX, Math.min(CARD_MAX_HEIGHT_PX, Math.floor(room / zoom)));
  floating.style.setProperty('--kc-max-height', `${height}px`);
}

/** The visible viewport in client coordinates (the visual viewport where there is one). */
function viewportOf(win: Window): Box {
  const vv = win.visualViewport;
  if (vv) return { left: vv.offsetLeft, top: vv.offsetTop, right: vv.offsetLeft + vv.width, bottom: vv.offsetTop + vv.height };
  const html = win.document.documentElement;
  return { left: 0, top: 0, right: html.clientWidth, bottom: html.clientHeight };
}

/** Places `floating` next to `name` now; the height bound may resize the card, which is then placed again. */
function place(name: ReferenceElement, floating: HTMLElement): void {
  const zoom = zoomOf(floating);
  const at = placeBoundedCard(
    {
      rects: [...(name.getClientRects?.() ?? [])],
      bounds: name.getBoundingClientRect(),
      card: floating.getBoundingClientRect(),
      viewport: viewportOf(floating.ownerDocument.defaultView ?? window),
      offset: CARD_OFFSET_PX * zoom,
      padding: CARD_VIEWPORT_PADDING_PX,
    },
    (room) => {
      setMaxHeight(floating, room, zoom);
      return floating.getBoundingClientRect();
    },
  );
  floating.style.left = `${Math.round((at.x / zoom) * 100) / 100}px`;
  floating.style.top = `${Math.round((at.y / zoom) * 100) / 100}px`;
}

/**
 * Places `floating` next to `name` once (a promise of it; a failure is logged and the card stays
 * where it was: still usable, Escape and the close button work).
 */
export function placeNextTo(name: ReferenceElement, floating: HTMLElement): Promise<void> {
  try {
    place(name, floating);
  } catch (error) {
    console.warn('[khabar] card positioning failed', error);
  }
  return Promise.resolve();
}

/** Keeps `floating` next to `name` through scrolls and resizes (placing it at once too). */
export function followName(name: ReferenceElement, floating: HTMLElement): () => void {
  const element = 'nodeType' in name ? name : name.contextElement;
  return followAnchor(element, floating, () => void placeNextTo(name, floating));
}
