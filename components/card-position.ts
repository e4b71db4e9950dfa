/**
 * Where a floating entity card stands: below its name, flipped above when there is no room there,
 * shifted to stay inside the viewport, and as tall as the room left allows within the card's
 * height bounds. One placement for the hover card on pages and the reader view's card.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size, type ReferenceElement } from '@floating-ui/dom';
import { CARD_MAX_HEIGHT_PX, CARD_MIN_HEIGHT_PX, CARD_OFFSET_PX, CARD_VIEWPORT_PADDING_PX } from '../lib/constants.ts';

/**
 * Keeps `floating` (position: fixed, top and left 0) next to `name` through scrolls and resizes.
 * Its height bound goes to --kc-max-height, which the card's sheet reads.
 * @returns stops following
 */
export function followName(name: ReferenceElement, floating: HTMLElement): () => void {
  const update = () => {
    computePosition(name, floating, {
      strategy: 'fixed',
      placement: 'bottom',
      middleware: [
        // A name broken across two lines: placed by its lines, not by the box around both.
        inline(),
        offset(CARD_OFFSET_PX),
        flip({ padding: CARD_VIEWPORT_PADDING_PX }),
        shift({ padding: CARD_VIEWPORT_PADDING_PX }),
        size({
          padding: CARD_VIEWPORT_PADDING_PX,
          apply({ availableHeight }) {
            const height = Math.max(CARD_MIN_HEIGHT_PX, Math.min(CARD_MAX_HEIGHT_PX, Math.floor(availableHeight)));
            floating.style.setProperty('--kc-max-height', `${height}px`);
          },
        }),
      ],
    }).then(
      ({ x, y }) => {
        floating.style.left = `${Math.round(x)}px`;
        floating.style.top = `${Math.round(y)}px`;
      },
      // The card stays where it was (and usable: Escape, the close button); the next scroll or
      // resize tries again.
      (error: unknown) => console.warn('[khabar] card positioning failed', error),
    );
  };
  return autoUpdate(name, floating, update, { animationFrame: false });
}
