// @vitest-environment happy-dom
/**
 * Issue 12's page side: Tab into the open card (page/card-keys.ts), the first-mention-only mode
 * (page/first-mention.ts), the sentence copied from the card (page/sentence.ts), and the command
 * messages the background sends the tab (lib/commands.ts, entrypoints/content/commands.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCommandMessage, MANIFEST_COMMANDS } from '../../lib/commands.ts';
import { runPageCommand } from '../../entrypoints/content/commands.ts';
import { isTabIntoCard, listenTabIntoCard, type FocusableCard } from '../../page/card-keys.ts';
import { FirstMentionFilter } from '../../page/first-mention.ts';
import { Highlighter } from '../../page/highlighter.ts';
import { MentionIndex } from '../../page/mention-index.ts';
import { Scanner } from '../../page/scanner.ts';
import { sentenceAround, sentenceAt } from '../../page/sentence.ts';
import { installHighlightApi, testMatcher } from './helpers.ts';

function card(open = true, focused = false): FocusableCard & { focus: ReturnType<typeof vi.fn> } {
  return { isOpen: () => open, hasFocus: () => focused, focus: vi.fn(() => true) };
}

function tab(init: KeyboardEventInit = {}) {
  return new KeyboardEvent('keydown', { key: 'Tab', code: 'Tab', bubbles: true, cancelable: true, ...init });
}

describe('Tab into the open card', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  // Each row: what the reader does, and whether Tab goes into the card.
  const rows: [string, KeyboardEventInit, FocusableCard, boolean][] = [
    ['Tab with a card open', {}, card(), true],
    ['Tab with no card open', {}, card(false), false],
    ['Tab with focus already in the card', {}, card(true, true), false],
    ['Shift+Tab (going back through the page)', { shiftKey: true }, card(), false],
    ['Ctrl+Tab (the browser switches tabs)', { ctrlKey: true }, card(), false],
    ['Alt+Tab', { altKey: true }, card(), false],
  ];
  it.each(rows)('%s', (_what, init, c, expected) => {
    expect(isTabIntoCard(tab(init), document, c)).toBe(expected);
  });

  it('leaves Tab alone while the reader types in a field', () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    expect(isTabIntoCard(tab(), document, card())).toBe(false);
  });

  it('moves focus into the card and keeps the page from moving it on', () => {
    const c = card();
    const stop = listenTabIntoCard(document, c);
    const e = tab();
    document.body.dispatchEvent(e);
    expect(c.focus).toHaveBeenCalledTimes(1);
    expect(e.defaultPrevented).toBe(true);
    stop();
    const later = tab();
    document.body.dispatchEvent(later);
    expect(c.focus).toHaveBeenCalledTimes(1);
    expect(later.defaultPrevented).toBe(false);
  });
});

describe('first mention only', () => {
  it('paints the first mention of each name, and all of them again when switched off', async () => {
    document.body.innerHTML = '<p>قصف البوكمال ودمشق</p><p>ثم البوكمال مرة أخرى ودمشق وبغداد</p>';
    const registry = installHighlightApi();
    const index = new MentionIndex();
    const highlighter = new Highlighter(document);
    const scanner = new Scanner({ doc: document, matcher: testMatcher(), index, highlighter, yieldToPage: async () => {} });
    await scanner.start();
    scanner.stop();
    highlighter.flush();
    const paintedTexts = () =>
      [...registry.values()].flatMap((set) =>
        [...set].map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset) + '@' + (r.startContainer.parentElement === document.body.firstElementChild ? 1 : 2)),
      );
    const all = paintedTexts().filter((t) => !t.startsWith('@'));
    expect(all.length).toBe(5);
    const filter = new FirstMentionFilter(index, highlighter);
    filter.apply(true);
    highlighter.flush();
    expect(paintedTexts().sort()).toEqual(['البوكمال@1', 'بغداد@2', 'دمشق@1'].sort());
    // Every mention is still known (hover, badge).
    expect(index.inDocumentOrder().length).toBe(5);
    filter.apply(false);
    highlighter.flush();
    expect(paintedTexts().length).toBe(5);
  });
});

describe('the sentence around a name', () => {
  const rows: [string, string, string, string][] = [
    ['the sentence between two full stops', 'قال مصدر. دخل الجيش البوكمال أمس. وانتهى.', 'البوكمال', 'دخل الجيش البوكمال أمس.'],
    ['an Arabic question mark ends a sentence', 'هل سقطت البوكمال؟ نعم.', 'البوكمال', 'هل سقطت البوكمال؟'],
    ['the Arabic comma does not', 'دخل الجيش البوكمال، ثم القائم', 'القائم', 'دخل الجيش البوكمال، ثم القائم'],
    ['a line break does', 'عنوان\nالبوكمال تحت السيطرة', 'البوكمال', 'البوكمال تحت السيطرة'],
  ];
  it.each(rows)('%s', (_what, text, name, expected) => {
    const start = text.indexOf(name);
    expect(sentenceAt(text, start, start + name.length)).toBe(expected);
  });

  it('reads the block the name stands in, across inline elements', () => {
    document.body.innerHTML = '<p>تمهيد. دخل <b>الجيش</b> مدينة البوكمال أمس. خاتمة.</p>';
    const text = document.querySelector('p')!.lastChild as Text;
    const at = text.data.indexOf('البوكمال');
    expect(sentenceAround(text, at, 'البوكمال'.length)).toBe('دخل الجيش مدينة البوكمال أمس.');
  });
});

describe('commands', () => {
  it('declares no default key with both Alt and Shift (the Windows layout switch)', () => {
    for (const c of Object.values(MANIFEST_COMMANDS)) {
      for (const key of Object.values(c.suggested_key ?? {})) expect(/Alt\+Shift|Shift\+Alt/.test(key), key).toBe(false);
    }
  });

  const messages: [unknown, boolean][] = [
    [{ type: 'runCommand', command: 'next-name' }, true],
    [{ type: 'runCommand', command: 'focus-card' }, true],
    [{ type: 'runCommand', command: 'toggle-pause' }, false], // the background's own
    [{ type: 'runCommand', command: 'rm -rf' }, false],
    [{ type: 'runCommand', command: 'next-name', extra: 1 }, false],
    [{ type: 'reveal', entityId: 'place:x' }, false],
    [null, false],
    [['runCommand', 'next-name'], false],
  ];
  it.each(messages)('validates %j', (message, ok) => {
    expect(isCommandMessage(message)).toBe(ok);
  });

  it('routes page commands to the session, and does nothing without one', () => {
    const target = { step: vi.fn(() => true), focusCard: vi.fn(() => true) };
    expect(runPageCommand(target, 'next-name')).toBe(true);
    expect(runPageCommand(target, 'prev-name')).toBe(true);
    expect(target.step.mock.calls).toEqual([[1], [-1]]);
    expect(runPageCommand(target, 'focus-card')).toBe(true);
    expect(target.focusCard).toHaveBeenCalledTimes(1);
    expect(runPageCommand(undefined, 'next-name')).toBe(false);
  });
});
