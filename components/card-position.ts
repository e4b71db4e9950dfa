/**
 * Where a floating entity card stands: below its name, flipped above when there is no room there,
 * shifted to stay inside the viewport, and as tall as the room left allows within the card's
 * height bounds. One placement for the hover card on pages and the reader view's card.
 *
 * CSS zoom: Chromium's standardized zoom gives every rect (the name's, the viewport's) in viewport
 * pixels, while the card's own `left`, `top` and heights are multiplied by the card's effective
 * zoom (a page's `html { zoom: 1.5 }` reaches the card's host too). So the placement is computed in
 * viewport pixels throughout (the card measured by its box, not its CSS size) and divided by the
 * card's zoom when it is written (currentCSSZoom; 1 where the engine has no such zoom).
 */
import {
  autoUpdate,
  computePosition,
  flip,
  inline,
  offset,
  platform,
  shift,
  size,
  type Platform,
  type ReferenceElement,
} from '@floating-ui/dom';
import { CARD_MAX_HEIGHT_PX, CARD_MIN_HEIGHT_PX, CARD_OFFSET_PX, CARD_VIEWPORT_PADDING_PX } from '../lib/constants.ts';

/**
 * Keeps `floating` (position: fixed, top and left 0) next to `name` through scrolls and resizes.
 * Its height bound goes to --kc-max-height, which the card's sheet reads.
 * @returns stops following
 */
/** The factor from an element's CSS pixels to viewport pixels (its effective CSS zoom). */
export function zoomOf(el: Element): number {
  const z = (el as Element & { currentCSSZoom?: number }).currentCSSZoom;
  return typeof z === 'number' && Number.isFinite(z) && z > 0 ? z : 1;
}

/** floating-ui's DOM platform, with the floating card measured in viewport pixels (its box). */
const viewportPlatform: Platform = {
  ...platform,
  getDimensions(element) {
    const box = (element as Element).getBoundingClientRect();
    return { width: box.width, height: box.height };
  },
};

/** The card's height bound from the room there is (viewport px), in the card's own px. */
function setMaxHeight(floating: HTMLElement, room: number, zoom: number): void {
  const height = Math.max(CARD_MIN_HEIGHT_PX, Math.min(CARD_MAX_HEIGHT_PX, Math.floor(room / zoom)));
  floating.style.setProperty('--kc-max-height', `${height}px`);
}

/**
 * Places `floating` next to `name` once (a promise of it; a failure is logged and the card stays
 * where it was: still usable, Escape and the close button work).
 */
export function placeNextTo(name: ReferenceElement, floating: HTMLElement): Promise<void> {
  const zoom = zoomOf(floating);
  return computePosition(name, floating, {
    strategy: 'fixed',
    placement: 'bottom',
    platform: viewportPlatform,
    middleware: [
      // A name broken across two lines: placed by its lines, not by the box around both.
      inline(),
      offset(CARD_OFFSET_PX * zoom),
      flip({ padding: CARD_VIEWPORT_PADDING_PX }),
      shift({ padding: CARD_VIEWPORT_PADDING_PX }),
      size({
        padding: CARD_VIEWPORT_PADDING_PX,
        apply({ availableHeight }) {
          setMaxHeight(floating, availableHeight, zoom);
        },
      }),
    ],
  }).then(
    ({ x, y }) => {
      floating.style.left = `${Math.round((x / zoom) * 100) / 100}px`;
      floating.style.top = `${Math.round((y / zoom) * 100) / 100}px`;
    },
    (error: unknown) => console.warn('[khabar] card positioning failed', error),
  );
}

/** Keeps `floating` next to `name` through scrolls and resizes (placing it at once too). */
export function followName(name: ReferenceElement, floating: HTMLElement): () => void {
  return autoUpdate(name, floating, () => void placeNextTo(name, floating), { animationFrame: false });
}
