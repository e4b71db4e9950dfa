/**
 * Reaching the open card from the keyboard. The card's host element is the last child of <html>,
 * so in the page's Tab order it comes after every link of the page: practically unreachable. While
 * a card is open, Tab from the page moves focus into it instead (the card's own Tab order then
 * runs through its buttons; Escape inside closes it and returns focus where it was: card-ui.tsx).
 * Left alone: Tab with a modifier, Shift+Tab, a Tab the page already handled, and a Tab typed in a
 * field (the reader is filling a form, not reading names).
 */
import { isEditableFocus } from './keyboard.ts';

export interface FocusableCard {
  isOpen(): boolean;
  /** Whether focus is inside the card already. */
  hasFocus(): boolean;
  /** Moves focus into the card; false when it could not. */
  focus(): boolean;
}

/** Whether a keydown is a plain Tab that should carry focus into the open card. */
export function isTabIntoCard(e: KeyboardEvent, doc: Document, card: FocusableCard): boolean {
  if (e.key !== 'Tab' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return false;
  if (!card.isOpen() || card.hasFocus()) return false;
  return !isEditableFocus(doc);
}

/** Listens for Tab on the page; returns the unsubscribe. */
export function listenTabIntoCard(doc: Document, card: FocusableCard): () => void {
  const win = doc.defaultView;
  if (!win) return () => undefined;
  const onKey = (e: KeyboardEvent) => {
    try {
      if (isTabIntoCard(e, doc, card) && card.focus()) e.preventDefault();
    } catch (error) {
      console.warn('[khabar] card focus failed', error);
    }
  };
  win.addEventListener('keydown', onKey);
  return () => win.removeEventListener('keydown', onKey);
}
