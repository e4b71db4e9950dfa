// @vitest-environment happy-dom
/**
 * The page's notice after a save from the context menu: its state, transition by transition
 * (components/save-notice-state.ts), the words of each outcome (lib/save-outcome.ts, what the
 * background sends), and the notice as the reader meets it (components/SaveNotice.tsx): a status
 * that takes no focus, RTL in Arabic, a button to the library, one to close.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SaveNotice } from '../../components/SaveNotice.tsx';
import { HIDDEN, noticeTransition, type Notice, type NoticeEffect, type NoticeEvent, type NoticeState } from '../../components/save-notice-state.ts';
import { saveOutcomeText } from '../../lib/save-outcome.ts';

afterEach(cleanup);

const SAVED: Notice = { outcome: 'saved', text: 'حُفظت ✓ «عنوان»', lang: 'ar' };
const DUPLICATE: Notice = { outcome: 'duplicate', text: 'موجودة في مكتبتك من قبل', lang: 'ar' };
const shown = (id = 1, held = false, notice = SAVED): NoticeState => ({ kind: 'shown', notice, id, held });

describe('noticeTransition', () => {
  it.each<[string, NoticeState, NoticeEvent, NoticeState, NoticeEffect['type'][]]>([
    ['a save shows the notice and starts its timer', HIDDEN, { type: 'show', notice: SAVED }, shown(1), ['stopTimer', 'render', 'startTimer']],
    ['its timer ends: gone', shown(1), { type: 'expire', id: 1 }, HIDDEN, ['unmount']],
    ['another save replaces it, its timer afresh', shown(1), { type: 'show', notice: DUPLICATE }, shown(2, false, DUPLICATE), ['stopTimer', 'render', 'startTimer']],
    ['the earlier notice\'s late timer closes nothing', shown(2), { type: 'expire', id: 1 }, shown(2), []],
    ['pointer or focus on it holds it', shown(1), { type: 'hold' }, shown(1, true), ['stopTimer']],
    ['held, its timer ending does not close it', shown(1, true), { type: 'expire', id: 1 }, shown(1, true), []],
    ['let go: a shorter timer', shown(1, true), { type: 'release' }, shown(1), ['startTimer']],
    ['closed by its button or Escape', shown(1, true), { type: 'close' }, HIDDEN, ['stopTimer', 'unmount']],
    ['nothing shown: a timer or a close does nothing', HIDDEN, { type: 'close' }, HIDDEN, []],
  ])('%s', (_what, from, event, to, effects) => {
    const next = noticeTransition(from, event);
    expect(next.state).toEqual(to);
    expect(next.effects.map((e) => e.type)).toEqual(effects);
  });

  it('the release timer is the shorter one, named by the notice it was started for', () => {
    expect(noticeTransition(shown(3, true), { type: 'release' }).effects).toEqual([{ type: 'startTimer', id: 3, ms: 'release' }]);
    expect(noticeTransition(HIDDEN, { type: 'show', notice: SAVED }).effects.at(-1)).toEqual({ type: 'startTimer', id: 1, ms: 'show' });
  });
});

describe('the words of each outcome', () => {
  const ms = { copy: 0, parse: 0, extract: 0, detect: 0, store: 0, total: 0 };
  it.each<[string, Parameters<typeof saveOutcomeText>[0], string, string]>([
    ['saved, with the headline and how many names', { status: 'added', id: 'x', title: 'دخول البوكمال', names: 3, dateEstimated: false, ms }, 'حُفظت ✓ «دخول البوكمال»', 'Saved ✓ “دخول البوكمال”'],
    ['already in the library', { status: 'duplicate', id: 'x', title: 'دخول البوكمال', names: 3, dateEstimated: false, ms }, 'موجودة في مكتبتك من قبل: «دخول البوكمال»', 'Already in your library: “دخول البوكمال”'],
    ['no article on the page', { status: 'failed', reason: 'no-article', detail: 'noArticle' }, 'لم يُعثر على مقال', 'No article found'],
  ])('%s', (_what, result, ar, en) => {
    expect(saveOutcomeText(result, 'ar')).toContain(ar);
    expect(saveOutcomeText(result, 'en')).toContain(en);
  });

  it('counts the names in the language\'s plural', () => {
    const saved = (names: number) => saveOutcomeText({ status: 'added', id: 'x', title: 'ت', names, dateEstimated: false, ms }, 'en');
    expect(saved(1)).toMatch(/1 name\b/);
    expect(saved(3)).toMatch(/3 names/);
  });
});

describe('SaveNotice', () => {
  const show = (notice: Notice) => {
    const handlers = { onOpenLibrary: vi.fn(), onClose: vi.fn(), onHold: vi.fn(), onRelease: vi.fn() };
    render(<SaveNotice notice={notice} {...handlers} />);
    return handlers;
  };

  it('a status in Arabic, right to left, that takes no focus', () => {
    const before = document.activeElement;
    show(SAVED);
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('حُفظت ✓ «عنوان»');
    expect([status.getAttribute('dir'), status.getAttribute('lang'), status.getAttribute('aria-live')]).toEqual(['rtl', 'ar', 'polite']);
    expect(document.activeElement).toBe(before);
  });

  it('opens the library, closes by its button or Escape, is held while pointed at', () => {
    const h = show(SAVED);
    fireEvent.click(screen.getByRole('button', { name: 'مكتبتي' }));
    expect(h.onOpenLibrary).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'إغلاق' }));
    fireEvent.keyDown(screen.getByRole('status'), { key: 'Escape' });
    expect(h.onClose).toHaveBeenCalledTimes(2);
    fireEvent.pointerEnter(screen.getByRole('status'));
    fireEvent.pointerLeave(screen.getByRole('status'));
    expect([h.onHold.mock.calls.length, h.onRelease.mock.calls.length]).toEqual([1, 1]);
  });

  it('in English, left to right', () => {
    show({ outcome: 'failed', text: 'No article found on this page', lang: 'en' });
    expect(screen.getByRole('status').getAttribute('dir')).toBe('ltr');
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
  });
});
