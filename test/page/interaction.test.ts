// @vitest-environment happy-dom
/**
 * Hover intent and keyboard stepping, with layout stubbed: happy-dom lays nothing out, so each
 * character of the page's one text line is 1 px wide at x = its offset, 20 px tall, and
 * caretPositionFromPoint answers accordingly.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_GRACE_MS, HOVER_DWELL_MS, POINTER_SPEED_WINDOW_MS } from '../../lib/constants.ts';
import { Highlighter } from '../../page/highlighter.ts';
import { HoverController } from '../../page/hover.ts';
import { KeyboardNavigator } from '../../page/keyboard.ts';
import { MentionIndex, type PlacedMention } from '../../page/mention-index.ts';
import { Scanner } from '../../page/scanner.ts';
import { installHighlightApi, testMatcher } from './helpers.ts';

const TEXT = 'قصف البوكمال ودمشق وبغداد';
const BUKAMAL = [TEXT.indexOf('البوكمال'), TEXT.indexOf('البوكمال') + 8];
const DAMASCUS = [TEXT.indexOf('دمشق'), TEXT.indexOf('دمشق') + 4];

let index: MentionIndex;
let highlighter: Highlighter;
let textNode: Text;
let cardHost: HTMLElement;
let opened: PlacedMention | undefined;
let open: ReturnType<typeof vi.fn>;
let close: ReturnType<typeof vi.fn>;
const restore: (() => void)[] = [];

async function scanPage(html: string) {
  document.body.innerHTML = html;
  installHighlightApi();
  index = new MentionIndex();
  highlighter = new Highlighter(document);
  const scanner = new Scanner({ doc: document, matcher: testMatcher(), index, highlighter, yieldToPage: async () => {} });
  await scanner.start();
  scanner.stop();
}

function stubLayout() {
  const proto = document.defaultView!.Range.prototype as unknown as Range;
  const rects = Object.getOwnPropertyDescriptor(proto, 'getClientRects');
  (proto as unknown as { getClientRects: () => DOMRect[] }).getClientRects = function (this: Range) {
    if (this.startContainer !== textNode) return [];
    return [{ left: this.startOffset, right: this.endOffset, top: 0, bottom: 20, width: this.endOffset - this.startOffset, height: 20 } as DOMRect];
  };
  const doc = document as unknown as { caretPositionFromPoint?: unknown };
  doc.caretPositionFromPoint = (x: number, y: number) =>
    y >= 0 && y <= 20 ? { offsetNode: textNode, offset: Math.min(Math.floor(x), textNode.length) } : null;
  const win = document.defaultView! as unknown as { requestAnimationFrame: unknown; cancelAnimationFrame: unknown };
  const raf = win.requestAnimationFrame;
  win.requestAnimationFrame = (cb: (t: number) => void) => setTimeout(() => cb(performance.now()), 0);
  win.cancelAnimationFrame = (id: ReturnType<typeof setTimeout>) => clearTimeout(id);
  restore.push(() => {
    if (rects) Object.defineProperty(proto, 'getClientRects', rects);
    else delete (proto as { getClientRects?: unknown }).getClientRects;
    delete doc.caretPositionFromPoint;
    win.requestAnimationFrame = raf;
  });
}

function move(x: number, y = 10, target: Element = document.getElementById('p')!) {
  target.dispatchEvent(new MouseEvent('pointermove', { clientX: x, clientY: y, bubbles: true, composed: true }));
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
  await scanPage(`<p id="p">${TEXT}</p><div id="card"></div>`);
  textNode = document.getElementById('p')!.firstChild as Text;
  cardHost = document.getElementById('card')!;
  stubLayout();
  opened = undefined;
  open = vi.fn((m: PlacedMention) => (opened = m));
  close = vi.fn(() => (opened = undefined));
});

afterEach(() => {
  vi.useRealTimers();
  while (restore.length) restore.pop()!();
});

describe('HoverController', () => {
  let hover: HoverController;
  beforeEach(() => {
    hover = new HoverController({
      doc: document,
      index,
      // As in browsers, the event's path is known only while it is being dispatched.
      isInCard: (e) => e.eventPhase !== Event.NONE && e.composedPath().includes(cardHost),
      openMention: () => opened,
      open,
      close,
    });
  });
  afterEach(() => hover.stop());

  it('opens the card of the name under a resting pointer after the dwell, not before', () => {
    move(BUKAMAL[0]! + 3);
    vi.advanceTimersByTime(HOVER_DWELL_MS - 10);
    expect(open).not.toHaveBeenCalled();
    vi.advanceTimersByTime(20);
    expect(open).toHaveBeenCalledTimes(1);
    expect(opened!.entityId).toBe('place:albukamal');
    expect(opened!.text).toBe('البوكمال');
  });

  it('opens nothing over plain text', () => {
    move(1);
    vi.advanceTimersByTime(1000);
    expect(open).not.toHaveBeenCalled();
  });

  it('opens nothing while the pointer sweeps across names, and opens once it rests', () => {
    // 4 px per 2 ms = 2 px/ms: travelling.
    for (let x = 0; x < TEXT.length; x += 4) {
      move(x);
      vi.advanceTimersByTime(2);
    }
    move(DAMASCUS[0]! + 1);
    vi.advanceTimersByTime(HOVER_DWELL_MS);
    expect(open).not.toHaveBeenCalled();
    // Resting: the speed window empties, the dwell runs, the card opens.
    vi.advanceTimersByTime(POINTER_SPEED_WINDOW_MS + 20);
    expect(open).toHaveBeenCalledTimes(1);
    expect(opened!.entityId).toBe('place:damascus');
  });

  it('closes after the grace period when the pointer leaves, and stays open when it reaches the card', () => {
    move(BUKAMAL[0]! + 3);
    vi.advanceTimersByTime(HOVER_DWELL_MS + 10);
    expect(opened?.entityId).toBe('place:albukamal');

    move(100, 50); // off the text
    vi.advanceTimersByTime(CLOSE_GRACE_MS / 2);
    expect(close).not.toHaveBeenCalled();
    move(5, 60, cardHost); // onto the card within the grace period
    vi.advanceTimersByTime(CLOSE_GRACE_MS * 3);
    expect(close).not.toHaveBeenCalled();

    move(100, 50);
    vi.advanceTimersByTime(CLOSE_GRACE_MS + 10);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('switches to another name the pointer rests on', () => {
    move(BUKAMAL[0]! + 3);
    vi.advanceTimersByTime(HOVER_DWELL_MS + 10);
    move(DAMASCUS[0]! + 2);
    vi.advanceTimersByTime(HOVER_DWELL_MS + 10);
    expect(open).toHaveBeenCalledTimes(2);
    expect(opened!.entityId).toBe('place:damascus');
  });
});

describe('KeyboardNavigator', () => {
  let keyboard: KeyboardNavigator;
  beforeEach(() => {
    keyboard = new KeyboardNavigator({ doc: document, index, highlighter, open, close, isOpen: () => !!opened });
  });
  afterEach(() => keyboard.stop());

  function key(code: string, init: KeyboardEventInit = { altKey: true, shiftKey: true }, target: EventTarget = document.body) {
    const e = new KeyboardEvent('keydown', { code, key: code, bubbles: true, cancelable: true, ...init });
    target.dispatchEvent(e);
    return e;
  }

  it('steps through the names in document order (the next-name / prev-name commands) and marks the current one', () => {
    expect(keyboard.step(1)).toBe(true);
    expect(opened!.text).toBe('البوكمال');
    expect(highlighter.currentRange).toBe(opened!.range);
    keyboard.step(1);
    expect(opened!.text).toBe('دمشق');
    keyboard.step(1);
    expect(opened!.text).toBe('بغداد');
    keyboard.step(1);
    expect(opened!.text).toBe('البوكمال'); // wraps around
    keyboard.step(-1);
    expect(opened!.text).toBe('بغداد');
    expect(highlighter.size('current')).toBe(1);
  });

  it('takes no Alt+Shift chord from the page (the Windows keyboard-layout switch): the keys are commands', () => {
    for (const code of ['KeyN', 'KeyP']) {
      const e = key(code, { altKey: true, shiftKey: true });
      expect(e.defaultPrevented).toBe(false);
    }
    expect(open).not.toHaveBeenCalled();
  });

  it('closes the card and clears the current name on Escape', () => {
    keyboard.step(1);
    expect(opened).toBeDefined();
    key('Escape', { key: 'Escape' });
    expect(close).toHaveBeenCalledTimes(1);
    expect(highlighter.size('current')).toBe(0);
  });
});
