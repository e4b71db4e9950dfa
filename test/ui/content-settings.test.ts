// @vitest-environment happy-dom
/**
 * The content script's side of issue 4 (entrypoints/content/extension-pages.ts): the answers to the
 * popup and side panel (pageInfo, reveal) and the reader's settings applied on the page.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { normaliseKey } from '../../core/arabic/normalise.ts';
import { compileMatcher, loadMatcher, type MatcherName } from '../../core/match/automaton.ts';
import { detect } from '../../core/match/detect.ts';
import { answerExtensionPages, PageSettings, reveal, type RevealTarget } from '../../entrypoints/content/extension-pages.ts';
import { loadSettings, saveSettings, withoutKinds } from '../../lib/settings.ts';
import { TEST_NAMES } from '../page/helpers.ts';

const serialized = () =>
  compileMatcher(
    TEST_NAMES.flatMap(({ entityId, kind, names }) =>
      names.map((n): MatcherName => ({ key: normaliseKey(n), entityId, kind, weak: false })),
    ),
  );

const TEXT = 'تقدم الجيش السوري نحو البوكمال بعد معارك مع داعش قرب دير الزور.';
const found = (data = serialized()) => detect(loadMatcher(data), TEXT).map((m) => m.entityId);

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('withoutKinds', () => {
  it('a hidden kind still says where a neighbourhood is: the city hidden, its neighbourhood shown', () => {
    const names: MatcherName[] = [
      { key: normaliseKey('دير الزور'), entityId: 'place:deir-ez-zor', kind: 'city', weak: false },
      { key: normaliseKey('حي الحميدية'), entityId: 'place:hamidiya', kind: 'neighbourhood', weak: false, parent: 'place:deir-ez-zor' },
    ];
    const text = 'اشتبكت القوات في حي الحميدية شرق مدينة دير الزور';
    expect(detect(loadMatcher(withoutKinds(compileMatcher(names), ['city'])), text).map((m) => m.entityId)).toEqual(['place:hamidiya']);
    expect(detect(loadMatcher(withoutKinds(compileMatcher(names), ['neighbourhood'])), text).map((m) => m.entityId)).toEqual(['place:deir-ez-zor']);
  });

  it('shows no name of a hidden kind, and every other', () => {
    expect(found()).toEqual(['group:syrian-army', 'place:albukamal', 'group:isis', 'place:deir-ez-zor']);
    expect(found(withoutKinds(serialized(), ['city']))).toEqual(['group:syrian-army', 'group:isis']);
    expect(found(withoutKinds(serialized(), ['army', 'organisation']))).toEqual(['place:albukamal', 'place:deir-ez-zor']);
    expect(withoutKinds(serialized(), [])).toEqual(serialized());
  });
});

describe('PageSettings', () => {
  it('takes the stored settings, filters the matcher by them, and follows changes', async () => {
    await saveSettings({ hiddenKinds: ['army'], lang: 'en', hoverDelayMs: 400 });
    const settings = new PageSettings();
    settings.use(await loadSettings());
    expect(settings.current.lang).toBe('en');
    expect(settings.current.hoverDelayMs).toBe(400);
    expect(found(withoutKinds(serialized(), settings.current.hiddenKinds))).not.toContain('group:syrian-army');

    const kindsChanged = vi.fn();
    const stop = settings.watch(kindsChanged);
    await saveSettings({ hoverDelayMs: 700 });
    await vi.waitFor(() => expect(settings.current.hoverDelayMs).toBe(700));
    expect(kindsChanged).not.toHaveBeenCalled();
    await saveSettings({ hiddenKinds: [] });
    await vi.waitFor(() => expect(kindsChanged).toHaveBeenCalledTimes(1));
    expect(found(withoutKinds(serialized(), settings.current.hiddenKinds))).toContain('group:syrian-army');
    stop();
  });

  it('puts the highlight styles in a stylesheet adopted last, and updates it live', async () => {
    // happy-dom does not parse ::highlight() rules: read what the sheet is given instead.
    const given: string[] = [];
    const replaceSync = CSSStyleSheet.prototype.replaceSync;
    vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(function (this: CSSStyleSheet, css: string) {
      given.push(css);
      replaceSync.call(this, '');
    });
    const settings = new PageSettings();
    settings.use(await loadSettings());
    const other = new CSSStyleSheet();
    document.adoptedStyleSheets = [other];
    settings.adoptStyles(document);
    expect(document.adoptedStyleSheets).toHaveLength(2);
    const mine = document.adoptedStyleSheets[1]!;
    expect(mine).not.toBe(other);
    const text = () => given[given.length - 1] ?? '';
    expect(text()).toBe('');
    const stop = settings.watch(() => {});
    await saveSettings({ styles: { place: 'off', group: 'underline', person: 'both', outlet: 'both' } });
    await vi.waitFor(() => expect(text()).toContain('khabar-place'));
    expect(text()).toContain('khabar-group');
    // Adopting again (a new highlighter came after it) moves it back to the end, once.
    const later = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, later];
    settings.adoptStyles(document);
    expect(document.adoptedStyleSheets).toEqual([other, later, mine]);
    stop();
  });
});

describe('answers to the popup and side panel', () => {
  const ask = async (message: unknown): Promise<unknown> => {
    let answer: unknown = 'no answer';
    await fakeBrowser.runtime.onMessage.trigger(message, {}, ((a: unknown) => (answer = a)) as never);
    return answer;
  };

  it('tells the page address and title (pageInfo)', async () => {
    document.title = 'عنوان الصفحة';
    const stop = answerExtensionPages(() => undefined);
    expect(await ask({ type: 'pageInfo' })).toEqual({ url: location.href, title: 'عنوان الصفحة' });
    expect(await ask({ type: 'somethingElse' })).toBe('no answer');
    stop();
    expect(await ask({ type: 'pageInfo' })).toBe('no answer');
  });

  it('reveals the first mention of an entity by flashing it (the scroll is checked in Chromium, ui.e2e.ts)', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<p>نص</p><p id="far">البوكمال</p>';
    const node = document.getElementById('far')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, node.length);
    const mention = { entityId: 'place:albukamal', range, spec: { startContainer: node, startOffset: 0, endContainer: node, endOffset: node.length } };
    let current: AbstractRange | null = null;
    const target = {
      index: { inDocumentOrder: () => [mention] },
      highlighter: {
        setCurrent: (r: AbstractRange | null) => (current = r),
        get currentRange() {
          return current ?? undefined;
        },
      },
    } as unknown as RevealTarget;
    const stop = answerExtensionPages(() => target);
    expect(await ask({ type: 'reveal', entityId: 'place:albukamal' })).toEqual({ ok: true });
    expect(current).toBe(range);
    vi.advanceTimersByTime(2500);
    expect(current).toBeNull();
    expect(await ask({ type: 'reveal', entityId: 'place:rawa' })).toEqual({ ok: false });
    expect(reveal(undefined, 'place:albukamal')).toBe(false);
    stop();
    vi.useRealTimers();
  });
});
