/**
 * The save button's state (components/save-state.ts), transition by transition, and the words for
 * every way a save can fail, in both languages (components/SavePageButton.tsx).
 */
import { describe, expect, it } from 'vitest';
import { failureText } from '../../components/SavePageButton.tsx';
import { INITIAL_SAVE_STATE, saveTransition, type SaveEvent, type SaveState } from '../../components/save-state.ts';
import type { SaveFailure, SaveResult } from '../../lib/messages/page-copy.ts';

const added: SaveResult = { status: 'added', id: 'own-1', title: 'خبر', names: 3, dateEstimated: false, ms: { copy: 1, parse: 1, extract: 1, detect: 1, store: 1, total: 5 } };
const saving: SaveState = { kind: 'saving' };
const answered: SaveState = { kind: 'answered', result: added };

describe('saveTransition', () => {
  it.each<[string, SaveState, SaveEvent, SaveState]>([
    ['a click starts a save', INITIAL_SAVE_STATE, { type: 'click' }, saving],
    ['a click while saving is ignored (one save at a time)', saving, { type: 'click' }, saving],
    ['a click after an answer saves again', answered, { type: 'click' }, saving],
    ['the answer is shown', saving, { type: 'answer', result: added }, answered],
    ['a failed request is shown', saving, { type: 'error', error: 'x' }, { kind: 'error', error: 'x' }],
    ['another page starts over', answered, { type: 'pageChanged' }, INITIAL_SAVE_STATE],
    ['another page while saving waits for the answer', saving, { type: 'pageChanged' }, saving],
  ])('%s', (_what, from, event, to) => {
    expect(saveTransition(from, event)).toEqual(to);
  });
});

describe('failureText', () => {
  const reasons: Record<SaveFailure, true> = {
    'not-a-page': true, 'too-large': true, 'no-article': true, 'storage-full': true, 'not-ready': true, 'bad-copy': true, error: true,
  };
  it.each(Object.keys(reasons) as SaveFailure[])('%s has its own words in Arabic and English', (reason) => {
    const ar = failureText({ status: 'failed', reason, detail: 'DETAIL' }, 'ar');
    const en = failureText({ status: 'failed', reason, detail: 'DETAIL' }, 'en');
    expect(ar).toMatch(/[\u0600-\u06ff]/);
    expect(en).toMatch(/^[^\u0600-\u06ff]+$/);
    expect(ar).not.toMatch(/\{\w+\}/);
    expect(en).not.toMatch(/\{\w+\}/);
  });
  it('a full disk is said as such', () => {
    expect(failureText({ status: 'failed', reason: 'storage-full', detail: '' }, 'en')).toMatch(/storage|full|space/i);
  });
});
