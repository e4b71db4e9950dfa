/**
 * The "Save this page" button's state (popup and side panel): one typed state and one transition
 * function. A click while a save runs is ignored (one save at a time); the answer replaces the
 * state whatever it was; another page in the tab (the side panel follows the active tab) starts
 * over, so the words never speak of a page the reader no longer looks at. Pure.
 */
import type { SaveResult } from '../lib/messages/page-copy.ts';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  /** The background's answer: added, duplicate, or a failure with its reason. */
  | { kind: 'answered'; result: SaveResult }
  /** The request itself failed (the background unreachable, storage full on the way). */
  | { kind: 'error'; error: unknown };

export type SaveEvent =
  | { type: 'click' }
  | { type: 'answer'; result: SaveResult }
  | { type: 'error'; error: unknown }
  | { type: 'pageChanged' };

export const INITIAL_SAVE_STATE: SaveState = { kind: 'idle' };

export function saveTransition(state: SaveState, event: SaveEvent): SaveState {
  switch (event.type) {
    case 'click':
      return state.kind === 'saving' ? state : { kind: 'saving' };
    case 'answer':
      return { kind: 'answered', result: event.result };
    case 'error':
      return { kind: 'error', error: event.error };
    case 'pageChanged':
      return state.kind === 'saving' ? state : INITIAL_SAVE_STATE;
  }
}
