// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HIGHLIGHT_HEAL_MS } from '../../lib/constants.ts';
import { Highlighter, HIGHLIGHT_CSS, highlightName } from '../../page/highlighter.ts';
import { compareComposed, MentionIndex, type PlacedMention } from '../../page/mention-index.ts';
import { installHighlightApi } from './helpers.ts';

describe('Highlighter', () => {
  let registry: Map<string, Set<AbstractRange>>;
  beforeEach(() => {
    registry = installHighlightApi();
    document.adoptedStyleSheets = [];
    document.body.innerHTML = '<p>بغداد ودمشق</p>';
  });

  it('registers one highlight per category under the extension prefix and styles them without adding nodes', () => {
    const before = document.documentElement.outerHTML;
    const h = new Highlighter(document);
    expect([...registry.keys()].sort()).toEqual(
      ['khabar-current', 'khabar-group', 'khabar-outlet', 'khabar-person', 'khabar-place'].sort(),
    );
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(HIGHLIGHT_CSS).toContain(`::highlight(${highlightName('place')})`);
    const text = document.querySelector('p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 5);
    h.add('place', range);
    h.setCurrent(range);
    expect(h.size('place')).toBe(1);
    expect(h.size('current')).toBe(1);
    expect(h.size('group')).toBe(0);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('adopts its styles into open shadow roots once, and undoes everything on dispose', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const pageSheet = new CSSStyleSheet();
    shadow.adoptedStyleSheets = [pageSheet];
    const h = new Highlighter(document);
    h.adoptInto(shadow);
    h.adoptInto(shadow);
    expect(shadow.adoptedStyleSheets).toHaveLength(2);
    expect(shadow.adoptedStyleSheets[0]).toBe(pageSheet);
    h.dispose();
    expect(shadow.adoptedStyleSheets).toEqual([pageSheet]);
    expect(document.adoptedStyleSheets).toEqual([]);
    expect(registry.size).toBe(0);
  });

  it('puts back its highlights and styles when the page drops them', () => {
    const h = new Highlighter(document);
    const pageSheet = new CSSStyleSheet();
    registry.clear();
    document.adoptedStyleSheets = [pageSheet];
    h.reassert();
    expect(registry.size).toBe(5);
    expect(document.adoptedStyleSheets).toHaveLength(2);
    expect(document.adoptedStyleSheets[0]).toBe(pageSheet);
    h.reassert();
    expect(document.adoptedStyleSheets).toHaveLength(2);
  });

  it('does nothing (and throws nothing) where the browser lacks the API', () => {
    Object.defineProperty(document.defaultView!, 'CSS', { configurable: true, writable: true, value: {} });
    const h = new Highlighter(document);
    expect(h.supported).toBe(false);
    const range = document.createRange();
    expect(() => h.add('place', range)).not.toThrow();
    expect(h.size('place')).toBe(0);
  });
  it('puts its highlights back when the page clears or deletes them, within HIGHLIGHT_HEAL_MS, and stops on dispose', async () => {
    vi.useFakeTimers();
    try {
      const h = new Highlighter(document);
      const text = document.querySelector('p')!.firstChild!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 5);
      h.add('place', range);
      h.flush();
      const place = registry.get(highlightName('place'));
      registry.clear();
      vi.advanceTimersByTime(HIGHLIGHT_HEAL_MS);
      expect(registry.get(highlightName('place'))).toBe(place);
      expect([...place!]).toEqual([range]);
      registry.delete(highlightName('group'));
      document.adoptedStyleSheets = [];
      vi.advanceTimersByTime(HIGHLIGHT_HEAL_MS);
      expect(registry.has(highlightName('group'))).toBe(true);
      expect(document.adoptedStyleSheets).toHaveLength(1);
      h.dispose();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

function mention(node: Text, start: number, end: number, entityId = 'place:x'): PlacedMention {
  const spec = { startContainer: node, startOffset: start, endContainer: node, endOffset: end };
  return {
    entityId,
    kind: 'city',
    category: 'place',
    text: node.data.slice(start, end),
    confidence: 1,
    spec,
    range: document.createRange(),
    pieces: [{ node, start, end }],
  };
}

describe('MentionIndex', () => {
  it('finds the mention covering a text offset, and nothing between mentions', () => {
    document.body.innerHTML = '<p>بغداد ودمشق والبوكمال</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const index = new MentionIndex();
    const a = mention(text, 0, 5);
    const b = mention(text, 7, 11);
    const c = mention(text, 13, 21);
    for (const m of [c, a, b]) index.add(m);
    expect(index.at(text, 0)).toBe(a);
    expect(index.at(text, 4)).toBe(a);
    expect(index.at(text, 5)).toBeUndefined();
    expect(index.at(text, 7)).toBe(b);
    expect(index.at(text, 20)).toBe(c);
    expect(index.at(text, 21)).toBeUndefined();
    expect(index.holdsMentions(document.querySelector('p')!)).toBe(true);
    expect(index.holdsMentions(document.body)).toBe(false);
  });

  it('refuses a second mention over the same text and forgets removed ones', () => {
    document.body.innerHTML = '<p>بغداد</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const index = new MentionIndex();
    const a = mention(text, 0, 5);
    expect(index.add(a)).toBe(true);
    expect(index.add(mention(text, 1, 3))).toBe(false);
    index.remove(a);
    expect(index.at(text, 1)).toBeUndefined();
    expect(index.holdsMentions(document.querySelector('p')!)).toBe(false);
  });

  it('orders mentions as the document reads, shadow content where its host stands', () => {
    document.body.innerHTML = '<p id="a">أول</p><div id="host"></div><p id="c">ثالث</p>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>ثاني</p>';
    const first = document.getElementById('a')!.firstChild as Text;
    const second = shadow.querySelector('p')!.firstChild as Text;
    const third = document.getElementById('c')!.firstChild as Text;
    expect(compareComposed(first, second)).toBeLessThan(0);
    expect(compareComposed(second, third)).toBeLessThan(0);
    const index = new MentionIndex();
    const ms = [mention(third, 0, 2, '3'), mention(second, 0, 2, '2'), mention(first, 0, 2, '1')];
    for (const m of ms) index.add(m);
    expect(index.inDocumentOrder().map((m) => m.entityId)).toEqual(['1', '2', '3']);
  });
});
