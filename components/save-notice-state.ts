/**
 * The page's notice after a save from the context menu (components/SaveNotice.tsx): one typed
 * state and one transition function that returns effects, which entrypoints/content/save-notice.ts
 * carries out. Pure.
 *
 *   hidden ─show→ shown ─expire (its own timer)→ hidden
 *                 shown ─hold (pointer or focus on it)→ held ─release→ shown (SAVE_NOTICE_RELEASE_MS)
 *                 shown|held ─close (its button, Escape)→ hidden
 *                 shown|held ─show (another save)→ shown, the new outcome, its timer afresh
 *
 * A timer is named by the notice it was started for (`id`): a late expiry of an earlier notice
 * does not close a newer one.
 */
export interface Notice {
  outcome: 'saved' | 'duplicate' | 'failed';
  text: string;
  lang: 'ar' | 'en';
}

export type NoticeState = { kind: 'hidden' } | { kind: 'shown'; notice: Notice; id: number; held: boolean };

export type NoticeEvent =
  | { type: 'show'; notice: Notice }
  | { type: 'expire'; id: number }
  | { type: 'hold' }
  | { type: 'release' }
  | { type: 'close' };

export type NoticeEffect =
  | { type: 'render' }
  | { type: 'unmount' }
  | { type: 'startTimer'; id: number; ms: 'show' | 'release' }
  | { type: 'stopTimer' };

export const HIDDEN: NoticeState = { kind: 'hidden' };

export function noticeTransition(state: NoticeState, event: NoticeEvent): { state: NoticeState; effects: NoticeEffect[] } {
  const same = { state, effects: [] };
  switch (event.type) {
    case 'show': {
      const id = state.kind === 'shown' ? state.id + 1 : 1;
      return {
        state: { kind: 'shown', notice: event.notice, id, held: false },
        effects: [{ type: 'stopTimer' }, { type: 'render' }, { type: 'startTimer', id, ms: 'show' }],
      };
    }
    case 'expire':
      if (state.kind !== 'shown' || state.id !== event.id || state.held) return same;
      return { state: HIDDEN, effects: [{ type: 'unmount' }] };
    case 'hold':
      if (state.kind !== 'shown' || state.held) return same;
      return { state: { ...state, held: true }, effects: [{ type: 'stopTimer' }] };
    case 'release':
      if (state.kind !== 'shown' || !state.held) return same;
      return { state: { ...state, held: false }, effects: [{ type: 'startTimer', id: state.id, ms: 'release' }] };
    case 'close':
      if (state.kind !== 'shown') return same;
      return { state: HIDDEN, effects: [{ type: 'stopTimer' }, { type: 'unmount' }] };
  }
}
