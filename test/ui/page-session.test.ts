// @vitest-environment happy-dom
/**
 * The content script's page session (entrypoints/content/session.ts) with a fake background:
 * start-up from the storage snapshot without any message, the site switched off and on again
 * while a start is under way, the hidden kinds changed while the site is off, and a page coming
 * back from the back/forward cache. What is checked is what the reader sees: the page's
 * highlights (the CSS Custom Highlight registry) and the names reported for the badge.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { normaliseKey } from '../../core/arabic/normalise.ts';
import { compileMatcher, type MatcherName } from '../../core/match/automaton.ts';
import type { Request } from '../../lib/messages.ts';
import { hostKey, SNAPSHOT_DISABLED_HOSTS_KEY, SNAPSHOT_MATCHER_KEY } from '../../lib/page-snapshot.ts';
import { saveSettings } from '../../lib/settings.ts';
import { installHighlightApi, TEST_NAMES } from '../page/helpers.ts';
import { PageSettings } from '../../entrypoints/content/extension-pages.ts';

/** The card's UI (WXT's shadow-root UI) is not what these tests are about: a stand-in whose creation the test releases. */
const cards = vi.hoisted(() => ({ release: [] as (() => void)[], hold: false }));
vi.mock('../../entrypoints/content/card-ui.tsx', () => {
  class FakeCard {
    openMention = undefined;
    isOpen = false;
    owns = () => false;
    contains = () => false;
    prefetch = () => Promise.resolve(null);
    prewarm() {}
    open() {}
    close() {}
    remove() {}
  }
  return {
    CardUi: {
      create: () =>
        new Promise((resolve) => {
          if (cards.hold) cards.release.push(() => resolve(new FakeCard()));
          else resolve(new FakeCard());
        }),
    },
  };
});

const { PageSession } = await import('../../entrypoints/content/session.ts');

const serialized = compileMatcher(
  TEST_NAMES.flatMap(({ entityId, kind, names }) => names.map((n): MatcherName => ({ key: normaliseKey(n), entityId, kind, weak: false }))),
);
const PAGE = '<article><p>تقدم الجيش السوري نحو البوكمال بعد معارك مع داعش قرب دير الزور.</p></article>';
let registry: Map<string, Set<AbstractRange>>;
let sent: Request[];
let invalidate: (() => void)[];
let matcherAnswers: number;
/** The site switch as the background (the database) has it. */
let backgroundSwitch: boolean;

/** The names the page's highlights show, by category. */
function highlighted(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, ranges] of registry) if (ranges.size > 0) out[name] = ranges.size;
  return out;
}
const reports = () => sent.filter((r): r is Extract<Request, { type: 'reportPage' }> => r.type === 'reportPage').map((r) => r.names);
const announce = (enabled: boolean) =>
  fakeBrowser.runtime.onMessage.trigger({ event: 'siteEnabledChanged', host: location.hostname, enabled }, {}, () => undefined);

function fakeContext(): ContentScriptContext {
  invalidate = [];
  return {
    isInvalid: false,
    onInvalidated: (fn: () => void) => {
      invalidate.push(fn);
      return () => undefined;
    },
    options: {},
  } as unknown as ContentScriptContext;
}

beforeEach(async () => {
  fakeBrowser.reset();
  document.documentElement.setAttribute('lang', 'ar');
  document.body.innerHTML = PAGE;
  registry = installHighlightApi();
  sent = [];
  matcherAnswers = 0;
  backgroundSwitch = true;
  cards.hold = false;
  cards.release = [];
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (request: Request) => {
    sent.push(request);
    switch (request.type) {
      case 'getMatcher':
        matcherAnswers++;
        return { ok: true, value: { version: 'v1', matcher: serialized } };
      case 'getSiteEnabled':
        // A worker that has to wake up first answers after a while.
        await new Promise((resolve) => setTimeout(resolve, 30));
        return { ok: true, value: { enabled: backgroundSwitch } };
      default:
        return { ok: true, value: { ok: true } };
    }
  }) as never);
  await fakeBrowser.storage.local.set({
    [SNAPSHOT_MATCHER_KEY]: { version: 'v1', matcher: serialized },
    [SNAPSHOT_DISABLED_HOSTS_KEY]: [],
  });
});

afterEach(() => {
  for (const fn of invalidate) fn();
  vi.restoreAllMocks();
});

describe('page session', () => {
  it('highlights from the storage snapshot alone: no message before the scan but the report', async () => {
    await new PageSession(fakeContext()).boot();
    expect(highlighted()).toEqual({ 'khabar-group': 2, 'khabar-place': 2 });
    await vi.waitFor(() => expect(reports().at(-1)).toEqual({ 'group:syrian-army': 1, 'place:albukamal': 1, 'group:isis': 1, 'place:deir-ez-zor': 1 }));
    expect(sent.filter((r) => r.type !== 'reportPage')).toEqual([]);
  });

  it('reads storage once on a page that does not declare itself Arabic but reads as Arabic', async () => {
    document.documentElement.removeAttribute('lang');
    document.body.innerHTML = PAGE.repeat(4);
    const get = vi.spyOn(browser.storage.local, 'get');
    await new PageSession(fakeContext()).boot();
    expect(highlighted()).toEqual({ 'khabar-group': 8, 'khabar-place': 8 });
    expect(get).toHaveBeenCalledTimes(1);
    expect(sent.filter((r) => r.type !== 'reportPage')).toEqual([]);
  });

  it('stays idle on a host the snapshot lists as maybe switched off and the background confirms', async () => {
    await fakeBrowser.storage.local.set({ [SNAPSHOT_DISABLED_HOSTS_KEY]: [hostKey(location.hostname)] });
    backgroundSwitch = false;
    const adopt = vi.spyOn(PageSettings.prototype, 'adoptStyles');
    await new PageSession(fakeContext()).boot();
    expect(highlighted()).toEqual({});
    // Not even for a moment: no sheet of ours adopted while the background was asked.
    expect(adopt).not.toHaveBeenCalled();
    expect(sent).toEqual([{ type: 'getSiteEnabled', host: location.hostname }]);
  });

  it('scans a host whose key is listed only because another host shares it (the background says on)', async () => {
    await fakeBrowser.storage.local.set({ [SNAPSHOT_DISABLED_HOSTS_KEY]: [hostKey(location.hostname)] });
    await new PageSession(fakeContext()).boot();
    expect(highlighted()).toEqual({ 'khabar-group': 2, 'khabar-place': 2 });
    expect(sent.filter((r) => r.type !== 'reportPage')).toEqual([{ type: 'getSiteEnabled', host: location.hostname }]);
  });

  it('asks the background when there is no snapshot, or it is junk', async () => {
    await fakeBrowser.storage.local.set({
      [SNAPSHOT_MATCHER_KEY]: { version: 'v1', matcher: { format: 1, entityIds: [], kinds: [], patterns: [null] } },
    });
    await fakeBrowser.storage.local.remove(SNAPSHOT_DISABLED_HOSTS_KEY);
    await new PageSession(fakeContext()).boot();
    expect(sent.map((r) => r.type).filter((t) => t !== 'reportPage')).toEqual(['getSiteEnabled', 'getMatcher']);
    expect(highlighted()).toEqual({ 'khabar-group': 2, 'khabar-place': 2 });
  });

  it('ends in the state asked for last when the site is switched off and on again during a start', async () => {
    cards.hold = true;
    const booted = new PageSession(fakeContext()).boot();
    await vi.waitFor(() => expect(cards.release).toHaveLength(1));
    await announce(false);
    await announce(true);
    cards.release.shift()!();
    await booted;
    await vi.waitFor(() => expect(highlighted()).toEqual({ 'khabar-group': 2, 'khabar-place': 2 }));
    // Off again, this time for good, during another start.
    await announce(false);
    await vi.waitFor(() => expect(highlighted()).toEqual({}));
    await announce(true);
    await vi.waitFor(() => expect(cards.release).toHaveLength(1));
    await announce(false);
    cards.release.shift()!();
    await new Promise((r) => setTimeout(r, 50));
    expect(highlighted()).toEqual({});
    expect(reports().at(-1)).toEqual({});
  });

  it('scans with the current hidden kinds after they changed while the site was off', async () => {
    await new PageSession(fakeContext()).boot();
    expect(highlighted()).toEqual({ 'khabar-group': 2, 'khabar-place': 2 });
    await announce(false);
    await vi.waitFor(() => expect(highlighted()).toEqual({}));
    await saveSettings({ hiddenKinds: ['city'] });
    await new Promise((r) => setTimeout(r, 20));
    expect(highlighted()).toEqual({});
    await announce(true);
    await vi.waitFor(() => expect(highlighted()).toEqual({ 'khabar-group': 2 }));
    expect(matcherAnswers).toBe(0);
  });

  it('says the page’s names again when it comes back from the back/forward cache, and follows a switch made meanwhile', async () => {
    await new PageSession(fakeContext()).boot();
    await vi.waitFor(() => expect(reports()).toHaveLength(1));
    const restored = () => {
      // happy-dom's PageTransitionEvent keeps neither field: set them as a browser would.
      const event = new PageTransitionEvent('pageshow', { persisted: true });
      Object.defineProperty(event, 'persisted', { value: true });
      Object.defineProperty(event, 'isTrusted', { value: true });
      window.dispatchEvent(event);
    };
    restored();
    await vi.waitFor(() => expect(reports()).toHaveLength(2));
    expect(reports()[1]).toEqual(reports()[0]);
    // A page's own (untrusted) pageshow changes nothing.
    const forged = new PageTransitionEvent('pageshow', { persisted: true });
    Object.defineProperty(forged, 'persisted', { value: true });
    window.dispatchEvent(forged);
    // Switched off while the page was cached (no announcement reaches it): off when it returns.
    await fakeBrowser.storage.local.set({ [SNAPSHOT_DISABLED_HOSTS_KEY]: [hostKey(location.hostname)] });
    backgroundSwitch = false;
    restored();
    await vi.waitFor(() => expect(highlighted()).toEqual({}));
    expect(reports()).toHaveLength(3);
    expect(reports()[2]).toEqual({});
  });
});

describe('shadow roots for the hover look-ups', () => {
  it('drops the roots whose host left the document', async () => {
    const { ShadowRootList } = await import('../../entrypoints/content/shadow-roots.ts');
    const hosts = [0, 1, 2].map(() => document.body.appendChild(document.createElement('div')));
    const roots = hosts.map((h) => h.attachShadow({ mode: 'open' }));
    const list = new ShadowRootList();
    for (const r of [...roots, roots[0]!]) list.add(r);
    expect(list.live()).toEqual(roots);
    hosts[1]!.remove();
    expect(list.live()).toEqual([roots[0], roots[2]]);
    hosts[0]!.remove();
    list.add(document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'open' }));
    expect(list.live()).toHaveLength(2);
    expect(list.live()).not.toContain(roots[0]);
  });
});

describe("the reader's corrections (issue 10 item 4)", () => {
  const albukamal = (host: string | null) => ({
    surface: 'البوكمال',
    entityId: 'place:albukamal',
    host,
    text: 'البوكمال',
    entityName: 'البوكمال',
    at: 1,
  });

  it('are read in the one start-up read: a corrected word is never highlighted', async () => {
    await fakeBrowser.storage.local.set({ corrections: [albukamal(location.hostname)] });
    const get = vi.spyOn(browser.storage.local, 'get');
    await new PageSession(fakeContext()).boot();
    expect(highlighted()).toEqual({ 'khabar-group': 2, 'khabar-place': 1 });
    expect(get).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(reports().at(-1)).toEqual({ 'group:syrian-army': 1, 'group:isis': 1, 'place:deir-ez-zor': 1 }));
  });

  it('apply live without a restart, and their removal brings the highlight back', async () => {
    await new PageSession(fakeContext()).boot();
    expect(highlighted()).toEqual({ 'khabar-group': 2, 'khabar-place': 2 });
    await fakeBrowser.storage.local.set({ corrections: [albukamal(null)] });
    await vi.waitFor(() => expect(highlighted()).toEqual({ 'khabar-group': 2, 'khabar-place': 1 }));
    await vi.waitFor(() => expect(reports().at(-1)?.['place:albukamal']).toBeUndefined());
    await fakeBrowser.storage.local.set({ corrections: [] });
    await vi.waitFor(() => expect(highlighted()).toEqual({ 'khabar-group': 2, 'khabar-place': 2 }));
    await vi.waitFor(() => expect(reports().at(-1)?.['place:albukamal']).toBe(1));
    // The matcher was never asked for again: no restart.
    expect(sent.filter((r) => r.type === 'getMatcher')).toEqual([]);
  });
});
